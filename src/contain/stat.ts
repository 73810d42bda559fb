/**
 * The tool's synchronous stats, and `rmSync`: node:fs's, except that none of them leaves a named pipe's or a
 * socket's stat behind for Node's module loader to read. Every file of src/ and cli/ takes them from here
 * (test/contain/stat.test.ts checks it).
 *
 * Why: node:fs writes the result of a synchronous stat into one array per thread, and `fs.realpathSync`, which
 * `import` and `require` use to resolve the links in a module's path, reads the mode in that array as if it were
 * that of the path it resolves: when the last stat was of a pipe or a socket, it stops resolving and returns the
 * path with its links (nodejs/node#51142, open as of Node 20.20). With a linked `node_modules` (pnpm, a git
 * worktree) a package imported after that loads under its link path, a second copy beside the one already loaded
 * under its real path, and a CommonJS package `require`d before is imported as an empty module (the ESM loader's
 * placeholder for the link path): `check` over a cache of named pipes got an `Ajv2020` that was undefined, an
 * internal error. The tool stats pipes on purpose (a cache file or an input may be one, src/contain/read-regular.ts),
 * so after each such stat the array is overwritten at once, by a stat of the root folder, before any code (a
 * module resolution of a pending `import()`) can read it. `rmSync` lstats what it removes (Node 20), so it is
 * followed by that stat always: one stat beside a removal.
 */
import * as fs from "node:fs";
import path from "node:path";

/** A folder that exists while the process runs: its stat puts a folder's mode in the shared array. */
const ROOT = path.parse(process.execPath).root;

function overwrite(): void {
  try {
    fs.statSync(ROOT);
  } catch {
    // Nothing written, nothing to do better: the root cannot be statted.
  }
}

function settled<T extends fs.Stats | fs.BigIntStats | undefined>(st: T): T {
  // Only a pipe's or a socket's mode stops the resolution (a bigint stat fills another array, checked alike).
  if (st !== undefined && (st.isFIFO() || st.isSocket())) overwrite();
  return st;
}

export const statSync = ((p: fs.PathLike, options?: fs.StatSyncOptions) => settled(fs.statSync(p, options))) as typeof fs.statSync;
export const lstatSync = ((p: fs.PathLike, options?: fs.StatSyncOptions) => settled(fs.lstatSync(p, options))) as typeof fs.lstatSync;
export const fstatSync = ((fd: number, options?: fs.StatOptions) => settled(fs.fstatSync(fd, options))) as typeof fs.fstatSync;

export function rmSync(p: fs.PathLike, options?: fs.RmOptions): void {
  try {
    fs.rmSync(p, options);
  } finally {
    overwrite();
  }
}
