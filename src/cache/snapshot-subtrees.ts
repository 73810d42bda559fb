/**
 * The records of some folders (the contract folders of src/incremental), read back from a snapshot's base file on
 * demand. Why on demand: after a one-file edit at 1,000 contracts, ~28k records are proved unchanged by stat and
 * then, in the usual case, written nowhere (the delta keeps them in the base by reference, snapshot-delta.ts).
 * Turning each into a record (a tuple, a hex hash) only to drop it was most of the listing's garbage; they are
 * made only when a whole new base is written or a folder is taken over without being kept.
 *
 * What a folder's records are here is what the changes walk (src/incremental/changes.ts) files under it: every
 * folder record below it (its own apart) and every file listed right after the record of its folder.
 */
import path from "node:path";
import type { FileRecord } from "./files.js";
import { b64ToHex, keptUnder, walkSnapshot, type DirRecord } from "./snapshot-format.js";

/** One folder's records below its own: its subfolders' and its files'. */
export interface FolderRecords {
  readonly dirs: DirRecord[];
  readonly files: FileRecord[];
}

/** The records under each of `roots` in `body` (a base file's entries); undefined when the body cannot be walked. */
export function recordsUnder(body: string, roots: ReadonlySet<string>): Map<string, FolderRecords> | undefined {
  const out = new Map<string, FolderRecords>();
  const rootOf = new Map<string, FolderRecords>();
  let last: FolderRecords | undefined;
  const ok = walkSnapshot(
    body,
    {
      dir(abs, mtimeMs, ctimeMs, ino, names) {
        if (roots.has(abs)) {
          last = out.get(abs) ?? { dirs: [], files: [] };
          out.set(abs, last);
        } else {
          // Below a root (the filter holds): its parent's folder was met before it, in the same walk.
          last = rootOf.get(path.dirname(abs));
          last?.dirs.push([abs, mtimeMs, ctimeMs, ino, names]);
        }
        if (last !== undefined) rootOf.set(abs, last);
        return true;
      },
      file(abs, size, mtimeMs, ctimeMs, ino, hash, listed) {
        if (last !== undefined && listed) last.files.push([abs, size, mtimeMs, ctimeMs, ino, b64ToHex(hash)]);
        return true;
      },
      absent: () => true,
    },
    keptUnder(roots),
  );
  return ok ? out : undefined;
}

/**
 * A memo over `recordsUnder` for a set of folders that grows while a walk goes on: the first question reads the
 * records of every folder registered by then in one walk of `body`, later ones are answered from it.
 */
export class LazyRecords {
  private readonly roots = new Set<string>();
  private read: Map<string, FolderRecords> | undefined;
  /** How many folders were registered when `read` was made (a later one needs another walk). */
  private readFor = -1;

  constructor(private readonly body: string) {}

  /** Registers a folder whose records `get` may be asked for. */
  add(root: string): void {
    this.roots.add(root);
  }

  /** The records under a registered folder (one function for all: no closure per folder). */
  readonly get = (root: string): FolderRecords | undefined => {
    if (this.readFor !== this.roots.size) {
      this.read = recordsUnder(this.body, this.roots);
      this.readFor = this.roots.size;
    }
    return this.roots.has(root) ? this.read?.get(root) : undefined;
  };
}
