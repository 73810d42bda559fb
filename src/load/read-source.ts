/**
 * The bytes of a project file the tool reads (a schema, an example, a migration module and the helpers it imports),
 * with the guards every such read needs: the project folder is hostile input too. A named pipe where a file
 * should be would hold the run forever (opening it, then reading it, waits for a writer), a device would never
 * end, a huge file would fill memory. So the file is opened without waiting, the open file itself must be a
 * regular file (a link to one is followed: containment is checked where the folders are, src/contain), and it is
 * read only up to MAX_FILE_BYTES (src/contain/read-regular.ts). Every refusal is an InputError naming the file: a
 * one-line error and exit 2.
 */
import { inputError, InputError } from "../errors.js";
import { readRegular } from "../contain/read-regular.js";
import { MAX_FILE_BYTES } from "./limits.js";

/** The file's bytes; undefined when nothing is there (ENOENT, or a path below a file). Throws an InputError otherwise. */
export function readInputBytesIfPresent(abs: string, file: string): Buffer | undefined {
  const read = readRegular(abs, { limit: MAX_FILE_BYTES });
  if (read.ok) return read.bytes;
  switch (read.why) {
    case "absent":
      return undefined;
    case "not-regular":
      throw inputError("input.read", { file }, "not a regular file");
    case "too-large":
      throw tooLarge(file, read.size);
    default:
      throw inputError("input.read", { file }, `cannot read file (${read.code ?? "unknown error"})`);
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
