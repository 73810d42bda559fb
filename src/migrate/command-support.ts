/** What the validate / replay / migrate commands share: file-kind detection (their compile: src/api/compile.ts). */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { inputError } from "../errors.js";

/** `.jsonl` / `.ndjson` files hold one document per line; anything else is one document. */
export function isJsonLines(file: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(file);
}

/** The absolute path of an input file, which must exist. */
export function inputFile(cwd: string, file: string): string {
  const abs = path.resolve(cwd, file);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw inputError("input.missing", { file }, "file not found");
  return abs;
}
