/** What the validate / replay / migrate commands share: a compiled project and file-kind detection. */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { compileProject, type CompileResult } from "../compile/compile.js";
import type { Project } from "../config/config.js";
import { inputError, type Diagnostic } from "../errors.js";

/** Compiles the project; problems other than failing golden examples block the command (exit 2). */
export async function compileForCommand(project: Project): Promise<{ compiled: CompileResult; blocking: readonly Diagnostic[] }> {
  const compiled = await compileProject(project);
  return { compiled, blocking: compiled.problems.filter((p) => !p.code.startsWith("example.")) };
}

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
