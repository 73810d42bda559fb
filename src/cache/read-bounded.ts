/**
 * Every read of a file in the cache folder (entries, snapshots, units, texts) and of a file the hasher hashes goes
 * through here. The cache folder is something another process may have written: a path there may be a named pipe
 * (opening or reading it waits for a writer that never comes: a run that hangs), a link to a device (`/dev/zero`
 * never ends: a run that fills memory), or a file of gigabytes. `readFileSync` follows all of them; this never does.
 *
 * - Opened without following a link (`O_NOFOLLOW`): the tool writes its files by rename, never as links, so a link
 *   where a cache file should be is someone else's, and a miss.
 * - Opened without waiting (`O_NONBLOCK`: a pipe with no writer opens at once), then the open file itself is asked
 *   what it is: only a regular file is read, so nothing that was swapped in between a check and the read is.
 * - Read up to the size it had when opened, and refused above `limit`: memory is bounded by the limit.
 * - Read only from a folder that is itself a folder, not a link to one (`isOwnFolder`): a namespace folder of the
 *   cache replaced by a link out of the project would have every read (and write, store.ts) go there.
 * The opening and reading are src/contain/read-regular.ts's, as for every file the tool reads from a folder others
 * may write. Any failure is a miss (undefined), never an error: a cache can make a run faster, never change or stop it.
 */
import { readSync } from "node:fs";
import { lstatSync } from "../contain/stat.js";
import { createHash } from "node:crypto";
import path from "node:path";
import { readRegular, withRegularFile } from "../contain/read-regular.js";

/**
 * The largest cache file read (256 MiB). The largest the tool writes is a snapshot: about 2.2 MB at 1,000
 * contracts, so this leaves a hundredfold and more, and still bounds what one read can take.
 */
export const MAX_CACHE_FILE_BYTES = 256 * 1024 * 1024;

/** Bytes hashed per read when hashing (the file is never held whole). */
const CHUNK = 256 * 1024;

/** Folders found to be folders (not links) by this process: each cache folder is asked once per run. */
const ownFolders = new Set<string>();

/**
 * Whether `dir` is a folder itself, not a link to one nor anything else. The tool makes the folders of its cache
 * with mkdir, so a link there is someone else's, and the cache files under it are neither read nor written.
 * Only a yes is remembered: a folder missing now may be made by this run's first write, and is asked again.
 */
export function isOwnFolder(dir: string): boolean {
  if (ownFolders.has(dir)) return true;
  try {
    if (!lstatSync(dir).isDirectory()) return false;
  } catch {
    return false;
  }
  ownFolders.add(dir);
  return true;
}

/**
 * The bytes of a regular file of at most `limit` bytes; undefined when absent, unreadable, a link, not a regular
 * file, larger, or in a folder that is a link (`isOwnFolder`).
 */
export function readBounded(file: string, limit = MAX_CACHE_FILE_BYTES): Buffer | undefined {
  if (!isOwnFolder(path.dirname(file))) return undefined;
  const read = readRegular(file, { limit, noFollow: true });
  return read.ok ? read.bytes : undefined;
}

/** One read buffer per thread for hashing, made on first use (reads are synchronous: never two at once). */
let chunk: Buffer | undefined;

/**
 * The SHA-256 (hex) of a regular file's bytes, read in chunks so that memory does not grow with the file: for a
 * regular file, the answer `createHash("sha256").update(readFileSync(file))` gives. At most the size the file had
 * when opened is read (a file that grows without end cannot hold the run). Undefined as `readBounded`.
 */
export function hashBounded(file: string): string | undefined {
  const hashed = withRegularFile(file, true, (fd, size) => {
    const into = (chunk ??= Buffer.allocUnsafe(CHUNK));
    const h = createHash("sha256");
    for (let left = size; left > 0; ) {
      const n = readSync(fd, into, 0, Math.min(CHUNK, left), null);
      if (n === 0) break;
      h.update(into.subarray(0, n));
      left -= n;
    }
    return h.digest("hex");
  });
  return hashed.ok ? hashed.value : undefined;
}
