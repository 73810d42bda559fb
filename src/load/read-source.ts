/**
 * The bytes of a project file the tool reads (a schema, an example, a migration module and the helpers it imports),
 * with the guards every such read needs: the project folder is hostile input too. A named pipe where a file
 * should be would hold the run forever (opening it, then reading it, waits for a writer), a device would never
 * end, a huge file would fill memory. So the file is opened without waiting, the open file itself must be a
 * regular file (a link to one is followed: containment is checked where the folders are, src/contain), and it is
 * read only up to MAX_FILE_BYTES. Every refusal is an InputError naming the file: a one-line error and exit 2.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { inputError, InputError } from "../errors.js";
import { MAX_FILE_BYTES } from "./limits.js";

const FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The file's bytes; undefined when nothing is there (ENOENT, or a path below a file). Throws an InputError otherwise. */
export function readInputBytesIfPresent(abs: string, file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(abs, FLAGS);
  } catch (error) {
    const code = errnoOf(error);
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw inputError("input.read", { file }, `cannot read file (${code ?? "unknown error"})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw inputError("input.read", { file }, "not a regular file");
    // Checked before reading so an oversized file costs nothing.
    if (st.size > MAX_FILE_BYTES) throw tooLarge(file, st.size);
    // One byte more than the size: a file that grew since the stat is refused if it outgrew the limit.
    const bytes = Buffer.alloc(Math.min(st.size, MAX_FILE_BYTES) + 1);
    let at = 0;
    for (;;) {
      const n = readSync(fd, bytes, at, bytes.length - at, null);
      if (n === 0) break;
      at += n;
      if (at === bytes.length) {
        if (at > MAX_FILE_BYTES) throw tooLarge(file, at);
        break;
      }
    }
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw inputError("input.read", { file }, `cannot read file (${errnoOf(error) ?? "unknown error"})`);
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes; an InputError ("file not found" among them) when they cannot be read. */
export function readInputBytes(abs: string, file: string): Buffer {
  const bytes = readInputBytesIfPresent(abs, file);
  if (bytes === undefined) throw inputError("input.read", { file }, "file not found");
  return bytes;
}

/** A source file's text (UTF-8); undefined when nothing is there. */
export function readSourceIfPresent(abs: string, file: string): string | undefined {
  return readInputBytesIfPresent(abs, file)?.toString("utf8");
}

export function tooLarge(file: string, size: number): InputError {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return inputError("input.too-large", { file }, `file is ${mb(size)}; the limit is ${mb(MAX_FILE_BYTES)}`);
}

function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

