/**
 * The compiler with the project's extensions (the composition root's list): what commands, the public API and
 * tests call. src/compile itself takes the extensions as an argument and never imports them.
 */
import { statSync } from "../contain/stat.js";
import path from "node:path";
import { compileProjectWith, type CompileOptions } from "../compile/compile.js";
import type { Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import type { LoadContext } from "../load/index.js";
import { CONTRACT_NAME, type ContractSource, type VersionSource } from "../discover/discover.js";
import type { CompiledOutcome, CompileResult } from "../shapes/compiled.js";
import { EXTENSIONS } from "./extensions.js";
import type { LoadedChain } from "../migrate/load.js";

export function compileProject(project: Project, options: CompileOptions = {}): Promise<CompileResult> {
  return compileProjectWith(project, EXTENSIONS, options);
}

/** One version, in this thread, with the project's extensions (no cache). The version compiler is imported here: a check whose versions all come from the cache must not load it. */
export async function compileOneVersion(project: Project, contract: ContractSource, source: VersionSource, ctx?: LoadContext): Promise<CompiledOutcome> {
  const { compileVersionOutcome } = await import("../compile/version.js");
  return compileVersionOutcome(project, EXTENSIONS.plan, contract, source, ctx);
}

/**
 * What the validate / replay / migrate commands share: problems other than failing golden examples block the
 * command (exit 2). `contract`: the contract the command reads; when it names a contract folder, only that contract
 * is compiled (its versions, with the shared definitions they reference), so one document costs one contract, not
 * the project. Otherwise (a misspelt name) the whole project is, so the caller can say which names exist.
 */
export async function compileForCommand(project: Project, contract?: string): Promise<{ compiled: CompileResult; blocking: readonly Diagnostic[] }> {
  const only = contract !== undefined && isContractFolder(project, contract) ? { scope: { names: new Set([contract]), others: [] } } : {};
  const compiled = await compileProject(project, only);
  return { compiled, blocking: compiled.problems.filter((p) => !p.code.startsWith("example.")) };
}

function isContractFolder(project: Project, name: string): boolean {
  if (!CONTRACT_NAME.test(name)) return false;
  try {
    return statSync(path.join(project.schemasDir, name)).isDirectory();
  } catch {
    return false;
  }
}
export { versionsWithoutExamples } from "../compile/examples.js";

/** The upgrade chain of `contract`, runnable here; the runtime copies come compiled with the package (nothing moves a module in the chain's folder, so an entry serves as it is). */
export async function loadChainForCommand(project: Project, compiled: Pick<CompileResult, "plan" | "contracts">, contract: ContractSource): Promise<LoadedChain> {
  // Imported here: both load TypeScript, which what else imports this module (a check) must not pay for.
  const { loadChain } = await import("../migrate/load.js");
  const { precompiledModule, shippedPrecompiled } = await import("../emit/javascript/precompiled.js");
  return loadChain(project, compiled, contract, (file, text) => precompiledModule(shippedPrecompiled(), file, text, () => undefined)?.js);
}
