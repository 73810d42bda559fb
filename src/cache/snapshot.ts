/**
 * The no-op fast path: a snapshot of every file and folder a run depended on (inputs, the output folder, the
 * tool's own files) with the run's result. When a later run finds every signature unchanged, it replays the
 * result without loading the compiler: no compile, no type-check, no drift.
 *
 * Folders are recorded with the hash of their sorted entry names, so an added or removed file is noticed even
 * where no file record exists for it; files with their content hash (see files.ts for when a stat proves it).
 */
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { contentHash, FileHasher, RACY_MS, sameStat, type FileRecord } from "./files.js";
import { readEntry, sha256, writeEntry } from "./store.js";

/** [path, mtimeMs, ctimeMs, ino, hash of sorted entry names] */
type DirRecord = readonly [string, number, number, number, string];

export interface Snapshot<R> {
  readonly startedAt: number;
  readonly files: readonly FileRecord[];
  readonly dirs: readonly DirRecord[];
  /** Paths that must still not exist (a config file, an interrupted swap's backup). */
  readonly absent: readonly string[];
  readonly result: R;
}

export interface SnapshotScope {
  /** Folders recorded recursively. */
  readonly trees: readonly string[];
  /** Single files (or paths that must stay absent). */
  readonly paths: readonly string[];
}

function namesHash(dir: string): string {
  return contentHash(readdirSync(dir).sort().join("\0"));
}

/** Where a command's snapshot for one project is kept. */
export function snapshotFile(cacheDir: string, id: string): { file: string; key: string } {
  const key = `state-${sha256(id)}`;
  return { file: path.join(cacheDir, "state", `${key.slice(6)}.json`), key };
}

export function readSnapshot<R>(cacheDir: string, id: string): Snapshot<R> | undefined {
  const { file, key } = snapshotFile(cacheDir, id);
  return readEntry<Snapshot<R>>(file, key);
}

/**
 * Whether everything recorded is unchanged. `refresh` is set when that was proved by re-hashing racily clean
 * entries: writing it lets the next run prove it by stat alone.
 */
export function verifySnapshot<R>(snap: Snapshot<R>, startedAt: number): { ok: boolean; refresh?: Snapshot<R> } {
  const limit = snap.startedAt - RACY_MS;
  let racy = false;
  const dirs: DirRecord[] = [];
  for (const rec of snap.dirs) {
    const st = lstatSync(rec[0], { throwIfNoEntry: false });
    if (st === undefined || !st.isDirectory()) return { ok: false };
    if (st.mtimeMs === rec[1] && st.ctimeMs === rec[2] && st.ino === rec[3] && rec[2] < limit) {
      dirs.push(rec);
      continue;
    }
    if (namesHash(rec[0]) !== rec[4]) return { ok: false };
    racy = true;
    dirs.push([rec[0], st.mtimeMs, st.ctimeMs, st.ino, rec[4]]);
  }
  const files: FileRecord[] = [];
  const hasher = new FileHasher(startedAt);
  for (const rec of snap.files) {
    const st = lstatSync(rec[0], { throwIfNoEntry: false });
    if (st === undefined || !st.isFile()) return { ok: false };
    if (sameStat(rec, st) && rec[3] < limit) {
      files.push(rec);
      continue;
    }
    if (st.size !== rec[1]) return { ok: false };
    const now = hasher.record(rec[0]);
    if (now === undefined || now[5] !== rec[5]) return { ok: false };
    racy = true;
    files.push(now);
  }
  for (const p of snap.absent) if (lstatSync(p, { throwIfNoEntry: false }) !== undefined) return { ok: false };
  if (!racy) return { ok: true };
  return { ok: true, refresh: { ...snap, startedAt, dirs, files } };
}

/**
 * Records a scope after a run. Files are hashed through `hasher` (so files the run already hashed are not read
 * again); `startedAt` must be no later than the moment the run began reading its inputs.
 */
export function takeSnapshot<R>(scope: SnapshotScope, hasher: FileHasher, result: R): Snapshot<R> {
  const files: FileRecord[] = [];
  const dirs: DirRecord[] = [];
  const absent: string[] = [];
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const st = lstatSync(dir, { throwIfNoEntry: false });
    if (st === undefined) {
      absent.push(dir);
      return;
    }
    if (!st.isDirectory()) {
      addFile(dir);
      return;
    }
    const names = readdirSync(dir).sort();
    dirs.push([dir, st.mtimeMs, st.ctimeMs, st.ino, contentHash(names.join("\0"))]);
    for (const name of names) {
      const abs = path.join(dir, name);
      const est = lstatSync(abs);
      if (est.isDirectory()) walk(abs);
      else addFile(abs);
    }
  };
  const addFile = (file: string): void => {
    seen.add(file);
    const rec = hasher.record(file);
    if (rec === undefined) absent.push(file);
    else files.push(rec);
  };
  for (const tree of scope.trees) walk(tree);
  for (const p of scope.paths) {
    if (seen.has(p)) continue;
    const st = lstatSync(p, { throwIfNoEntry: false });
    if (st === undefined) {
      seen.add(p);
      absent.push(p);
    } else addFile(p);
  }
  return { startedAt: hasher.startedAt, files, dirs, absent, result };
}

export function writeSnapshot<R>(cacheDir: string, id: string, snap: Snapshot<R>): void {
  const { file, key } = snapshotFile(cacheDir, id);
  writeEntry(file, key, snap);
}
