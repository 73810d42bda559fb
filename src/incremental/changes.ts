/**
 * Which recorded paths changed since a snapshot was taken: the same per-entry proof as the no-op replay
 * (src/cache/snapshot.ts), but every entry is visited and every change listed instead of stopping at the first.
 *
 * A folder is a change only when its entry names differ (a new, removed or renamed entry); a folder that was
 * only touched (a rename of its parent, a file rewritten inside it) is not, since its files are visited too.
 *
 * The same walk groups the records by the contract folder that holds them (`roots`), each as proved now (a
 * record whose stat changed while its content did not is refreshed), for the next snapshot (reuse.ts).
 */
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { FileHasher, RACY_MS, type FileRecord } from "../cache/files.js";
import { cwdRelative, namesHash, statProves } from "../cache/snapshot.js";
import { b64ToHex, walkStored, type DirRecord, type StoredSnapshot } from "../cache/snapshot-format.js";

/** The records under one folder, the folder's own entry-names hash apart. */
export interface Subtree {
  names: string;
  readonly dirs: DirRecord[];
  readonly files: FileRecord[];
  /**
   * The folder's own record, while every record of the subtree came from the snapshot's base file and was proved
   * by stat alone (so a delta may keep the base's entries, src/cache/snapshot-delta.ts); undefined otherwise.
   */
  base?: { self: DirRecord } | undefined;
}

export interface Changes {
  /** Changed paths: files, folders, paths that appeared. */
  readonly changed: readonly string[];
  /** The records under each of `roots` that holds no change (a root with a change is absent). */
  readonly subtrees: ReadonlyMap<string, Subtree>;
  /**
   * The file records this run may hash again, for its file-hash memo (src/cache/session.ts): those outside every
   * root (the config, the tool's files) and those under a root with a change. Why not every record: a root
   * without a change is taken over as it is (reuse.ts), its files never hashed, and at 1,000 contracts that is
   * ~28,000 records and a memo of them built for a handful of files. A file missing here is hashed afresh.
   */
  readonly records: readonly FileRecord[];
}

/**
 * undefined when the snapshot cannot be read. The first `proven` entries were proved unchanged by stat alone by
 * this run already (the replay attempt, `verifySnapshot`): they are taken as recorded, without a second stat.
 */
export function changedPaths(snap: StoredSnapshot<unknown>, startedAt: number, roots: ReadonlySet<string>, proven = 0): Changes | undefined {
  const limit = snap.startedAt - RACY_MS;
  const hasher = new FileHasher(startedAt);
  const local = cwdRelative();
  const changed: string[] = [];
  /** Records of files not filed under a root's subtree (recorded alone, or in a folder outside every root). */
  const loose: FileRecord[] = [];
  const subtrees = new Map<string, Subtree>();
  const dirty = new Set<string>();
  let current: Subtree | undefined;
  let currentRoot = "";
  let currentDir = "";
  // Memoised by folder: a folder's records come right after its parent's, so the parent's answer is known.
  const rootMemo = new Map<string, string | undefined>();
  const rootOf = (abs: string): string | undefined => {
    if (roots.has(abs)) return abs;
    if (rootMemo.has(abs)) return rootMemo.get(abs);
    const up = path.dirname(abs);
    const root = up === abs ? undefined : rootOf(up);
    rootMemo.set(abs, root);
    return root;
  };
  // Records a change; the walk goes on (every visitor below returns true: nothing stops it).
  const change = (abs: string): true => {
    changed.push(abs);
    const root = rootOf(abs);
    if (root !== undefined) dirty.add(root);
    return true;
  };
  let visited = 0;
  // Whether the walk is in the base file's entries (after a delta's, if any): only those can be kept by a delta.
  let inBase = snap.delta === undefined;
  // A subtree met first in the base: its own record there (a delta's entries or a refreshed record clear it).
  const opened = (root: string, self: DirRecord): Subtree => {
    const t: Subtree = { names: "", dirs: [], files: [], base: inBase && self[0] === root ? { self } : undefined };
    subtrees.set(root, t);
    return t;
  };
  const ok = walkStored(snap, {
    base: () => void (inBase = true),
    dir(abs, mtimeMs, ctimeMs, ino, names) {
      const root = rootOf(abs);
      currentDir = abs;
      currentRoot = root ?? "";
      const recorded: DirRecord = [abs, mtimeMs, ctimeMs, ino, names];
      current = root === undefined ? undefined : (subtrees.get(root) ?? opened(root, recorded));
      if (current !== undefined && !inBase) current.base = undefined;
      if (visited++ < proven) {
        if (current !== undefined && abs === currentRoot) current.names = names;
        else current?.dirs.push(recorded);
        return true;
      }
      const st = lstatSync(local(abs), { throwIfNoEntry: false });
      if (st === undefined || !st.isDirectory()) return change(abs);
      const same = statProves(st, mtimeMs, ctimeMs, ino, limit);
      if (!same && namesHash(readdirSync(abs).sort()) !== names) return change(abs);
      if (current === undefined) return true;
      if (!same) current.base = undefined;
      if (abs === currentRoot) current.names = names;
      else current.dirs.push(same ? recorded : [abs, st.mtimeMs, st.ctimeMs, st.ino, names]);
      return true;
    },
    file(abs, size, mtimeMs, ctimeMs, ino, hash) {
      const recorded: FileRecord = [abs, size, mtimeMs, ctimeMs, ino, b64ToHex(hash)];
      // Files of a folder follow its record; files recorded alone (the config, the tool) follow a bare base line.
      const into = current !== undefined && path.dirname(abs) === currentDir ? current : undefined;
      if (into === undefined) loose.push(recorded);
      if (visited++ < proven) {
        into?.files.push(recorded);
        return true;
      }
      const st = lstatSync(local(abs), { throwIfNoEntry: false });
      if (st === undefined || !st.isFile() || st.size !== size) return change(abs);
      const same = statProves(st, mtimeMs, ctimeMs, ino, limit);
      if (!same && hasher.hash(abs) !== recorded[5]) return change(abs);
      if (into !== undefined) {
        if (!same) into.base = undefined;
        into.files.push(same ? recorded : [abs, st.size, st.mtimeMs, st.ctimeMs, st.ino, recorded[5]]);
      }
      return true;
    },
    absent(abs) {
      if (visited++ < proven) return true;
      return lstatSync(local(abs), { throwIfNoEntry: false }) === undefined || change(abs);
    },
  });
  if (!ok) return undefined;
  const records = loose;
  for (const root of dirty) {
    const t = subtrees.get(root);
    if (t !== undefined) for (const r of t.files) records.push(r);
    subtrees.delete(root);
  }
  return { changed, subtrees, records };
}
