/**
 * Faults the environment causes (a full disk, a permission, a file where a folder must be, a read-only
 * filesystem) are not bugs: they end as one line naming the path, exit 2, like any input the user must fix.
 * Only a failure no environment can cause is an "internal error".
 */
import path from "node:path";
import { InputError, inputError } from "../errors.js";

/** errno codes the environment causes, with the words a user acts on. */
const FAULTS: Readonly<Record<string, string>> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOTDIR: "a file is where a folder must be",
  EISDIR: "a folder is where a file must be",
  EEXIST: "something is already there",
  ENOTEMPTY: "a folder that must be empty is not",
  EBUSY: "the file or folder is busy",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  EIO: "input/output error",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "the name is too long",
  EXDEV: "the rename crosses file systems",
};

export function isEnvironmentFault(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && (error as NodeJS.ErrnoException).code! in FAULTS;
}

/**
 * The fault as an `InputError` (`env.<code>`) naming `file` (or the path the system call names, relative to
 * `cwd` when inside it). Any other error is returned as it is.
 */
export function environmentError(error: unknown, file?: string, cwd: string = process.cwd()): unknown {
  if (error instanceof InputError || !isEnvironmentFault(error)) return error;
  const code = error.code!;
  const where = (file !== undefined && path.isAbsolute(file) ? displayOf(file, cwd) : file) ?? displayOf(error.path, cwd) ?? "(unknown path)";
  const to = (error as { dest?: unknown }).dest;
  const dest = typeof to === "string" ? ` (to ${displayOf(to, cwd)})` : "";
  return inputError(`env.${code.toLowerCase()}`, { file: where }, `cannot ${error.syscall ?? "access"}${dest}: ${FAULTS[code]} (${code})`);
}

function displayOf(p: string | undefined, cwd: string): string | undefined {
  if (typeof p !== "string") return undefined;
  const rel = path.relative(cwd, p);
  return (rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p).split(path.sep).join("/");
}
