/**
 * The compiler with the project's extensions (the composition root's list): what commands, the public API and
 * tests call. src/compile itself takes the extensions as an argument and never imports them.
 */
import { compileProjectWith, compileVersionOutcome, type CompileOptions } from "../compile/compile.js";
import type { Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import type { LoadContext } from "../load/index.js";
import type { ContractSource, VersionSource } from "../discover/discover.js";
import type { CompiledOutcome, CompileResult } from "../shapes/compiled.js";
import { EXTENSIONS } from "./extensions.js";

export function compileProject(project: Project, options: CompileOptions = {}): Promise<CompileResult> {
  return compileProjectWith(project, EXTENSIONS, options);
}

/** One version, in this thread, with the project's extensions (no cache). */
export function compileOneVersion(project: Project, contract: ContractSource, source: VersionSource, ctx?: LoadContext): Promise<CompiledOutcome> {
  return compileVersionOutcome(project, EXTENSIONS.plan, contract, source, ctx);
}

/** What the validate / replay / migrate commands share: problems other than failing golden examples block the command (exit 2). */
export async function compileForCommand(project: Project): Promise<{ compiled: CompileResult; blocking: readonly Diagnostic[] }> {
  const compiled = await compileProject(project);
  return { compiled, blocking: compiled.problems.filter((p) => !p.code.startsWith("example.")) };
}
export { versionsWithoutExamples } from "../compile/examples.js";
