/**
 * Which recorded paths changed since a snapshot was taken: the same per-entry proof as the no-op replay
 * (src/cache/snapshot.ts), but every entry is visited and every change listed instead of stopping at the first.
 *
 * A folder is a change only when its entry names differ (a new, removed or renamed entry); a folder that was
 * only touched (a rename of its parent, a file rewritten inside it) is not, since its files are visited too.
 *
 * The same walk groups the records by the contract folder that holds them (`roots`), each as proved now (a
 * record whose stat changed while its content did not is refreshed), for the next snapshot (reuse.ts).
 *
 * Why a folder of the base proved by stat alone holds no records: after a one-file edit that is nearly every
 * folder, and the next snapshot (a delta) keeps them in the base by reference; making ~28k records (a tuple and a
 * hex hash each) only to drop them was most of the listing's time and garbage. They are read back from the base
 * when needed after all (src/cache/snapshot-subtrees.ts), with the records this walk refreshed put in.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { FileHasher, RACY_MS, type FileRecord } from "../cache/files.js";
import { cwdRelative, namesHash, statOrAbsent, statProves } from "../cache/snapshot.js";
import { b64ToHex, parentOf, walkStored, type DirRecord, type StoredSnapshot } from "../cache/snapshot-format.js";
import { LazyRecords, type FolderRecords } from "../cache/snapshot-subtrees.js";

/** The records under one folder, the folder's own entry-names hash apart. */
export interface Subtree {
  names: string;
  readonly dirs: DirRecord[];
  readonly files: FileRecord[];
  /**
   * Set while every record of the subtree came from the snapshot's base file and was proved by stat alone (so a
   * delta may keep the base's entries, src/cache/snapshot-delta.ts): `self`, the folder's own record there. `dirs`
   * and `files` are then empty, and `records` reads them from the base. Undefined otherwise.
   */
  base?: { readonly self: DirRecord; readonly records: (root: string) => FolderRecords | undefined } | undefined;
}

export interface Changes {
  /** Changed paths: files, folders, paths that appeared. */
  readonly changed: readonly string[];
  /** The records under each of `roots` that holds no change (a root with a change is absent). */
  readonly subtrees: ReadonlyMap<string, Subtree>;
  /**
   * The file records this run may hash again, for its file-hash memo (src/cache/session.ts): those outside every
   * root (the config, the tool's files) and those of a root with a change that the walk made (a root read from
   * the base holds none). Why not every record: a root without a change is taken over as it is (reuse.ts), its
   * files never hashed, and at 1,000 contracts that is ~28,000 records and a memo of them built for a handful of
   * files. A file missing here is hashed afresh.
   */
  readonly records: readonly FileRecord[];
}

const SEP = path.sep.charCodeAt(0);

/**
 * undefined when the snapshot cannot be read. The first `proven` entries were proved unchanged by stat alone by
 * this run already (the replay attempt, `verifySnapshot`): they are taken as recorded, without a second stat, as
 * are those `trusted` holds (the contracts outside a focused run's focus, focus.ts).
 */
export function changedPaths(snap: StoredSnapshot<unknown>, startedAt: number, roots: ReadonlySet<string>, proven = 0, trusted?: (abs: string) => boolean): Changes | undefined {
  const limit = snap.startedAt - RACY_MS;
  const hasher = new FileHasher(startedAt);
  const local = cwdRelative();
  const changed: string[] = [];
  /** Records of files not filed under a root's subtree (recorded alone, or in a folder outside every root). */
  const loose: FileRecord[] = [];
  const subtrees = new Map<string, Subtree>();
  const dirty = new Set<string>();
  const lazy = new LazyRecords(snap.body);
  /** Subtrees of the base whose records a refresh made necessary: read from the base after the walk. */
  const pending = new Map<Subtree, string>();
  /** The records refreshed in those subtrees, by path. */
  const refreshed = new Map<string, FileRecord | DirRecord>();
  let current: Subtree | undefined;
  /** Whether `current` collects its records as the walk meets them (neither read from the base nor pending). */
  let collects = false;
  let currentRoot = "";
  // Memoised by folder: a folder's records come right after its parent's, so the parent's answer is known.
  const rootMemo = new Map<string, string | undefined>();
  const rootOf = (abs: string): string | undefined => {
    if (roots.has(abs)) return abs;
    if (rootMemo.has(abs)) return rootMemo.get(abs);
    const up = parentOf(abs);
    const root = up === abs ? undefined : rootOf(up);
    rootMemo.set(abs, root);
    return root;
  };
  // A folder inside the current root (its records are contiguous: a root, then everything under it) needs no lookup.
  const rootOfDir = (abs: string): string | undefined =>
    roots.has(abs) ? abs : currentRoot !== "" && abs.charCodeAt(currentRoot.length) === SEP && abs.startsWith(currentRoot) ? currentRoot : rootOf(abs);
  // Records a change; the walk goes on (every visitor below returns true: nothing stops it).
  const change = (abs: string): true => {
    changed.push(abs);
    const root = rootOf(abs);
    if (root !== undefined) dirty.add(root);
    return true;
  };
  // A subtree read from the base met a refreshed record: its records are read from the base after the walk.
  const unkeep = (t: Subtree): void => {
    if (t.base !== undefined) pending.set(t, t.base.self[0]);
    t.base = undefined;
    collects = false;
  };
  let visited = 0;
  // Whether the walk is in the base file's entries (after a delta's, if any): only those can be kept by a delta.
  let inBase = snap.delta === undefined;
  const opened = (root: string, abs: string, mtimeMs: number, ctimeMs: number, ino: number, names: string): Subtree => {
    const own = inBase && abs === root;
    if (own) lazy.add(root);
    const t: Subtree = { names: "", dirs: [], files: [], base: own ? { self: [abs, mtimeMs, ctimeMs, ino, names], records: lazy.get } : undefined };
    subtrees.set(root, t);
    return t;
  };
  const ok = walkStored(snap, {
    base: () => void (inBase = true),
    dir(abs, mtimeMs, ctimeMs, ino, names) {
      const root = rootOfDir(abs);
      currentRoot = root ?? "";
      current = root === undefined ? undefined : (subtrees.get(root) ?? opened(root, abs, mtimeMs, ctimeMs, ino, names));
      if (current !== undefined && !inBase && current.base !== undefined) unkeep(current);
      collects = current !== undefined && current.base === undefined && !pending.has(current);
      if (visited++ < proven || trusted?.(abs) === true) {
        if (current !== undefined && abs === currentRoot) current.names = names;
        else if (collects) current!.dirs.push([abs, mtimeMs, ctimeMs, ino, names]);
        return true;
      }
      const st = statOrAbsent(local(abs));
      if (st === undefined || !st.isDirectory()) return change(abs);
      const same = statProves(st, mtimeMs, ctimeMs, ino, limit);
      if (!same && namesHash(readdirSync(abs).sort()) !== names) return change(abs);
      if (current === undefined) return true;
      if (!same && current.base !== undefined) unkeep(current);
      if (abs === currentRoot) current.names = names;
      else if (collects) current.dirs.push(same ? [abs, mtimeMs, ctimeMs, ino, names] : [abs, st.mtimeMs, st.ctimeMs, st.ino, names]);
      else if (!same) refreshed.set(abs, [abs, st.mtimeMs, st.ctimeMs, st.ino, names]);
      return true;
    },
    file(abs, size, mtimeMs, ctimeMs, ino, hash, listed) {
      // Files of a folder follow its record (the last one visited: `current`'s); files recorded alone (the config,
      // the tool) follow a bare base line.
      const into = listed ? current : undefined;
      const kept = into !== undefined && !collects;
      // A record is made only where it is kept: outside a root, or in a subtree collecting its records.
      let hex = kept ? undefined : b64ToHex(hash);
      if (into === undefined) loose.push([abs, size, mtimeMs, ctimeMs, ino, hex!]);
      if (visited++ < proven || trusted?.(abs) === true) {
        if (!kept) into?.files.push([abs, size, mtimeMs, ctimeMs, ino, hex!]);
        return true;
      }
      const st = statOrAbsent(local(abs));
      if (st === undefined || !st.isFile() || st.size !== size) return change(abs);
      const same = statProves(st, mtimeMs, ctimeMs, ino, limit);
      if (!same && hasher.hash(abs) !== (hex ??= b64ToHex(hash))) return change(abs);
      if (into === undefined) return true;
      if (!same && into.base !== undefined) unkeep(into);
      if (collects) into.files.push(same ? [abs, size, mtimeMs, ctimeMs, ino, hex!] : [abs, st.size, st.mtimeMs, st.ctimeMs, st.ino, hex!]);
      else if (!same) refreshed.set(abs, [abs, st.size, st.mtimeMs, st.ctimeMs, st.ino, hex!]);
      return true;
    },
    // A contract folder `trusted` holds, kept in the base: nothing below it is stat-ed or kept as a record (a
    // subtree read from the base holds none), so its lines are passed over unread.
    skipBelow: (abs) => trusted !== undefined && proven === 0 && inBase && abs === currentRoot && current?.base !== undefined && trusted(abs),
    absent(abs) {
      if (visited++ < proven || trusted?.(abs) === true) return true;
      return statOrAbsent(local(abs)) === undefined || change(abs);
    },
  });
  if (!ok) return undefined;
  const records = loose;
  for (const root of dirty) {
    const t = subtrees.get(root);
    if (t !== undefined && t.base === undefined && !pending.has(t)) for (const r of t.files) records.push(r);
    if (t !== undefined) pending.delete(t);
    subtrees.delete(root);
  }
  // A subtree whose base records cannot be read back is not taken over: the next snapshot lists it afresh.
  for (const [t, root] of pending) {
    const base = lazy.get(root);
    if (base === undefined) {
      subtrees.delete(root);
      continue;
    }
    for (const d of base.dirs) t.dirs.push((refreshed.get(d[0]) as DirRecord | undefined) ?? d);
    for (const f of base.files) t.files.push((refreshed.get(f[0]) as FileRecord | undefined) ?? f);
  }
  return { changed, subtrees, records };
}
