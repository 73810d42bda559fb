/**
 * The no-op fast path: a snapshot of every file and folder a run depended on (inputs, the output folder, the
 * tool's own files) with the run's result. When a later run finds every signature unchanged, it replays the
 * result without loading the compiler: no compile, no type-check, no drift.
 *
 * Folders are recorded with the hash of their sorted entry names, so an added or removed file is noticed even
 * where no file record exists for it; files with their content hash (see files.ts for when a stat proves it).
 */
import { readdirSync, type Stats } from "node:fs";
import { lstatSync } from "../contain/stat.js";
import path from "node:path";
import { contentHash, FileHasher, RACY_MS, type FileRecord } from "./files.js";
import { decodeSnapshot, encodeSnapshot, join, snapshotRecords, walkStored, b64ToHex, type DirRecord, type Snapshot, type StoredSnapshot } from "./snapshot-format.js";
import { decodeDelta, deltaFile, encodeDelta, type KeptSpan } from "./snapshot-delta.js";
import type { FolderRecords } from "./snapshot-subtrees.js";
import { readTextFile, sha256, writeText } from "./store.js";

export type { Snapshot, StoredSnapshot } from "./snapshot-format.js";

export interface SnapshotScope {
  /** Folders recorded recursively. */
  readonly trees: readonly string[];
  /** Single files (or paths that must stay absent). */
  readonly paths: readonly string[];
  /**
   * Folders whose records an earlier snapshot holds and that are proved unchanged since (src/incremental): their
   * records are taken over instead of listing and stat-ing the subtree again; the folder itself is stat-ed anew.
   */
  readonly reuse?: (dir: string) => Reused | undefined;
}

/** A folder's records taken over from an earlier snapshot. */
export interface Reused {
  readonly names: string;
  readonly dirs: readonly DirRecord[];
  readonly files: readonly FileRecord[];
  /**
   * Set when every record came from the previous snapshot's base file, each proved unchanged by stat alone, with
   * `self`, the folder's own record there: a delta may then keep the base's entries instead (snapshot-delta.ts).
   * `dirs` and `files` are then empty: `records` reads them from the base (snapshot-subtrees.ts) if they are
   * needed after all (a whole base written, or the folder taken over without being kept).
   */
  readonly base?: { readonly self: DirRecord; readonly records: (root: string) => FolderRecords | undefined } | undefined;
}

/** A snapshot as taken, with the folders whose records came unchanged from the previous snapshot's base. */
export interface TakenSnapshot<R> extends Snapshot<R> {
  readonly kept?: readonly KeptSpan[];
}

export function namesHash(names: readonly string[]): string {
  return contentHash(names.join("\0")).slice(0, 16);
}

/** Where a command's snapshot for one project is kept. */
export function snapshotFile(cacheDir: string, id: string): { file: string; key: string } {
  const key = `state-${sha256(id)}`;
  return { file: path.join(cacheDir, "state", `${key.slice(6)}.txt`), key };
}

/** The snapshot kept for `id`: its base file, with the delta read over it when that delta is this base's. */
export function readSnapshot<R>(cacheDir: string, id: string): StoredSnapshot<R> | undefined {
  const { file, key } = snapshotFile(cacheDir, id);
  return readSnapshotAt<R>(file, key);
}

/** The snapshot in the base `file` (under `key`), with its delta if that delta is this base's. */
export function readSnapshotAt<R>(file: string, key: string): StoredSnapshot<R> | undefined {
  const base = readTextFile(file);
  const stored = base === undefined ? undefined : decodeSnapshot<R>(key, base.text, base.ascii);
  if (stored?.mac === undefined) return stored;
  const read = readTextFile(deltaFile(file));
  const delta = read === undefined ? undefined : decodeDelta<R>(key, stored.mac, read.text, read.ascii);
  return delta === undefined ? stored : { ...stored, startedAt: delta.startedAt, result: delta.result, delta: { body: delta.body, kept: delta.kept } };
}

const NO_THROW = { throwIfNoEntry: false } as const;

/**
 * `lstatSync` for a walk over recorded paths: undefined when nothing is there, a path below a file (ENOTDIR)
 * included. Why: a folder the previous run recorded may since have been replaced by a file; its recorded files
 * are then absent, changes to list, not an error that ends the run (a cached check once exited 2 with "cannot
 * lstat: a file is where a folder must be" where a run without the cache passed). Other errors are thrown.
 */
export function statOrAbsent(p: string): Stats | undefined {
  try {
    return lstatSync(p, NO_THROW);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOTDIR") return undefined;
    throw error;
  }
}

/**
 * The path to stat for an absolute one: relative to the working folder when inside it. The kernel then resolves
 * only the components below it, which is about a tenth cheaper per lstat on the 28k entries of 1,000 contracts.
 */
export function cwdRelative(): (abs: string) => string {
  const cwd = process.cwd();
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  return (abs) => (abs.startsWith(prefix) ? abs.slice(prefix.length) : abs);
}

/**
 * Whether a recorded signature proves an entry unchanged by stat alone: equal, and older than the racy window of
 * the run that recorded it (`limit`: that run's start minus RACY_MS, see files.ts).
 */
export function statProves(st: Stats, mtimeMs: number, ctimeMs: number, ino: number, limit: number): boolean {
  return st.mtimeMs === mtimeMs && st.ctimeMs === ctimeMs && st.ino === ino && ctimeMs < limit;
}

/**
 * Whether everything recorded is unchanged, by stat alone where the signature proves it (files.ts). `refresh` is
 * set when that was proved by re-hashing at least `refreshAt` racily clean entries: writing it lets the next run
 * prove them by stat alone. `proven`: how many entries, from the first, were proved unchanged by stat alone before the walk met anything
 * else; a run that goes on to list the changes (src/incremental/changes.ts) need not stat them again.
 */
export function verifySnapshot<R>(snap: StoredSnapshot<R>, startedAt: number, refreshAt = 1): { ok: boolean; refresh?: Snapshot<R>; proven: number } {
  const limit = snap.startedAt - RACY_MS;
  const fresh = new Map<string, FileRecord | DirRecord>();
  const hasher = new FileHasher(startedAt);
  const local = cwdRelative();
  let proven = 0;
  let prefix = true;
  // Counts an entry proved by stat alone while every entry before it was too.
  const byStat = (): true => {
    if (prefix) proven++;
    return true;
  };
  const other = <T>(answer: T): T => {
    prefix = false;
    return answer;
  };
  const ok = walkStored(snap, {
    dir(abs, mtimeMs, ctimeMs, ino, names) {
      const st = statOrAbsent(local(abs));
      if (st === undefined || !st.isDirectory()) return other(false);
      if (statProves(st, mtimeMs, ctimeMs, ino, limit)) return byStat();
      if (namesHash(readdirSync(abs).sort()) !== names) return other(false);
      fresh.set(abs, [abs, st.mtimeMs, st.ctimeMs, st.ino, names]);
      return other(true);
    },
    file(abs, size, mtimeMs, ctimeMs, ino, hash) {
      const st = statOrAbsent(local(abs));
      if (st === undefined || !st.isFile()) return other(false);
      if (st.size === size && statProves(st, mtimeMs, ctimeMs, ino, limit)) return byStat();
      if (st.size !== size) return other(false);
      const now = hasher.record(abs);
      if (now === undefined || now[5] !== b64ToHex(hash)) return other(false);
      fresh.set(abs, now);
      return other(true);
    },
    absent: (abs) => (statOrAbsent(local(abs)) === undefined ? byStat() : other(false)),
  });
  if (!ok) return { ok: false, proven };
  if (fresh.size === 0 || fresh.size < refreshAt) return { ok: true, proven };
  const all = snapshotRecords(snap);
  if (all === undefined) return { ok: true, proven };
  const pick = <T extends FileRecord | DirRecord>(r: T): T => (fresh.get(r[0]) as T | undefined) ?? r;
  return { ok: true, proven, refresh: { ...all, startedAt, dirs: all.dirs.map(pick), files: all.files.map(pick) } };
}

/**
 * Records a scope after a run. Files are hashed through `hasher` (so files the run already hashed are not read
 * again); `startedAt` must be no later than the moment the run began reading its inputs.
 */
export function takeSnapshot<R>(scope: SnapshotScope, hasher: FileHasher, result: R): TakenSnapshot<R> {
  const files: FileRecord[] = [];
  const dirs: DirRecord[] = [];
  const kept: KeptSpan[] = [];
  const absent: string[] = [];
  const seen = new Set<string>();
  // `parent`: the folder whose listing met `dir` as a folder (undefined for a tree's own root).
  const walk = (dir: string, parent?: string): void => {
    if (seen.has(dir)) return;
    seen.add(dir);
    // A folder kept from the base is recorded with the base's own record of it, proved by stat in this run's walk
    // (src/incremental/changes.ts), without another lstat. Why that is sound: a record is trusted only while the
    // folder's stat still equals it, and any change since (an entry added, removed or renamed) moves its ctime.
    // Its records stay in the base, not in this snapshot's lists: a delta keeps them by reference, and a whole
    // new base reads them back at the span's place (withKept).
    const early = parent !== undefined ? scope.reuse?.(dir) : undefined;
    const base = early?.base;
    if (early !== undefined && base !== undefined && base.self[4] === early.names) {
      kept.push({ root: dir, ...(parent !== undefined ? { parent } : {}), dirs: [dirs.length, dirs.length], files: [files.length, files.length], self: base.self, records: base.records });
      return;
    }
    const st = lstatSync(dir, { throwIfNoEntry: false });
    if (st === undefined) {
      absent.push(dir);
      return;
    }
    if (!st.isDirectory()) {
      addFile(dir);
      return;
    }
    const reused = early ?? scope.reuse?.(dir);
    // Records left in the base are read back; a folder whose records cannot be is listed afresh below.
    const taken = reused === undefined ? undefined : reused.base === undefined ? reused : reused.base.records(dir);
    if (reused !== undefined && taken !== undefined) {
      dirs.push([dir, st.mtimeMs, st.ctimeMs, st.ino, reused.names]);
      for (const d of taken.dirs) dirs.push(d);
      for (const f of taken.files) files.push(f);
      return;
    }
    // The listing's entry types (lstat's, as the kernel reports them) spare an lstat per entry: a folder is
    // stat-ed by its own walk, a file by the hasher.
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    dirs.push([dir, st.mtimeMs, st.ctimeMs, st.ino, namesHash(entries.map((e) => e.name))]);
    for (const e of entries) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs, dir);
      else addFile(abs);
    }
  };
  const addFile = (file: string): void => {
    seen.add(file);
    const rec = hasher.record(file);
    if (rec === undefined) absent.push(file);
    else files.push(rec);
  };
  // Resolved, so that a folder's path joined with an entry name (join, without normalising) is a normalised path.
  for (const tree of scope.trees) walk(path.resolve(tree));
  // A path that is not a readable regular file (absent, a folder) is recorded as absent: the hasher's own lstat
  // tells, so the ~500 files recorded alone (the tool's, the config) are not stat-ed twice.
  for (const p of scope.paths) if (!seen.has(p)) addFile(p);
  return { startedAt: hasher.startedAt, files, dirs, absent, result, kept };
}

/**
 * A delta grows with the contracts redone since its base was written; past a quarter of the base's size (or of
 * 128 KiB, for a small project, whose delta is mostly the tool's own ~600 file records), the next write is a whole
 * new base instead: reading base and delta then costs at most 1.25 times the base alone, or a few milliseconds.
 */
const deltaLimit = (baseLength: number): number => Math.max(baseLength / 4, 128 * 1024);

/**
 * Writes the snapshot atomically; when it cannot be encoded, removes the old one (the next run does the work).
 * With `previous` (the snapshot this run started from) and folders kept from its base, only a delta over that
 * base is written while it stays small (snapshot-delta.ts); otherwise a new base, then the old delta is removed
 * (a crash in between leaves a delta naming another base: ignored). `limit`: the delta's largest size, in characters.
 */
export function writeSnapshot<R>(cacheDir: string, id: string, snap: TakenSnapshot<R>, previous?: StoredSnapshot<unknown>, limit?: number): void {
  const { file, key } = snapshotFile(cacheDir, id);
  if (previous?.mac !== undefined && snap.kept !== undefined && snap.kept.length > 0) {
    const delta = encodeDelta(key, previous.mac, snap, snap.kept);
    if (delta !== undefined && delta.length <= (limit ?? deltaLimit(previous.body.length))) {
      writeText(deltaFile(file), delta);
      return;
    }
  }
  const whole = withKept(snap);
  writeText(file, whole === undefined ? undefined : encodeSnapshot(key, whole));
  writeText(deltaFile(file), undefined);
  // The JSON snapshot of format 1 (same name, .json) is never read again.
  writeText(`${file.slice(0, -4)}.json`, undefined);
}

/**
 * The snapshot with the records of its kept folders read back from the previous base and put at their places (the
 * order a walk recorded them in); undefined when some cannot be read (then no snapshot is written: the next run
 * does the work).
 */
function withKept<R>(snap: TakenSnapshot<R>): Snapshot<R> | undefined {
  const spans = snap.kept ?? [];
  if (spans.length === 0) return snap;
  const dirs: DirRecord[] = [];
  const files: FileRecord[] = [];
  let d = 0;
  let f = 0;
  // Spans were recorded in walk order, at non-decreasing positions of both lists.
  for (const span of spans) {
    const read = span.records(span.root);
    if (read === undefined) return undefined;
    for (; d < span.dirs[0]; d++) dirs.push(snap.dirs[d]!);
    for (; f < span.files[0]; f++) files.push(snap.files[f]!);
    dirs.push(span.self);
    for (const r of read.dirs) dirs.push(r);
    for (const r of read.files) files.push(r);
    d = Math.max(d, span.dirs[1]);
    f = Math.max(f, span.files[1]);
  }
  for (; d < snap.dirs.length; d++) dirs.push(snap.dirs[d]!);
  for (; f < snap.files.length; f++) files.push(snap.files[f]!);
  return { startedAt: snap.startedAt, files, dirs, absent: snap.absent, result: snap.result };
}
