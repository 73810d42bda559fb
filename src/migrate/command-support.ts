/** What the validate / replay / migrate commands share: file-kind detection (their compile: src/api/compile.ts). */
import type { Stats } from "node:fs";
import { statSync } from "../contain/stat.js";
import path from "node:path";
import { inputError } from "../errors.js";

/** `.jsonl` / `.ndjson` files hold one document per line; anything else is one document. */
export function isJsonLines(file: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(file);
}

/**
 * The absolute path of an input file, which must exist and be a regular file (a link to one is followed): a named
 * pipe, a device or a folder is refused as what it is, not as missing. The read itself is bounded and does not wait
 * (src/migrate/jsonl.ts), since what is there may change after this look.
 */
export function inputFile(cwd: string, file: string): string {
  const abs = path.resolve(cwd, file);
  let st: Stats;
  try {
    st = statSync(abs);
  } catch {
    throw inputError("input.missing", { file }, "file not found");
  }
  if (st.isDirectory()) throw inputError("input.read", { file }, "is a folder, not a file");
  if (!st.isFile()) throw inputError("input.read", { file }, "not a regular file");
  return abs;
}
