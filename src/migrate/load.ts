/**
 * Runs the upgrade chain in Node. The user's migrations are TypeScript, so the generated modules (from the plan)
 * and the migration folders are transpiled one file at a time into a scratch folder inside the project
 * (src/cache/scratch.ts) with the project's relative layout, which keeps every relative `.js` import working, and
 * imported from there.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ts } from "../typescript.js";
import { makeScratch } from "../cache/scratch.js";
import type { CompileResult } from "../shapes/compiled.js";
import { displayPath, type Project } from "../config/config.js";
import type { ContractSource } from "../discover/discover.js";
import type { UpgradeResult, UpgradeStep } from "../runtime/runtime.js";
import { chainSources } from "./files.js";
import { migrationSettings, migrationSteps } from "./layout.js";
import { readSourceIfPresent } from "../load/read-source.js";
import { inputError } from "../errors.js";
import { upgradeNames } from "../emit/modules/names.js";

type RunUpgrade = (contract: string, steps: readonly UpgradeStep[], value: unknown, from?: number, options?: { to?: number; versionField?: string }) => UpgradeResult<unknown>;

export interface LoadedChain {
  readonly steps: readonly UpgradeStep[];
  /** Upgrades one value from `from` (detected when undefined) to `to` (default: latest). */
  upgrade(value: unknown, from?: number, to?: number): UpgradeResult<unknown>;
}

/**
 * `precompiled(file, text)`: JavaScript already made for a module with this text at this place, if any (the caller
 * passes the package's precompiled runtime copies, src/emit/javascript/precompiled.ts); the rest is transpiled.
 */
export async function loadChain(
  project: Project,
  compiled: Pick<CompileResult, "plan" | "contracts">,
  contract: ContractSource,
  precompiled?: (file: string, text: string) => string | undefined,
): Promise<LoadedChain> {
  const upgradeModule = `${contract.name}/upgrade.ts`;
  if (!compiled.plan.has(upgradeModule)) {
    throw inputError("migration.incomplete", { file: displayPath(project.rootDir, contract.dir) }, `${contract.name} has no upgrade chain: a version did not compile or failed its golden examples (llm-contracts check lists why)`);
  }
  // A step module that is not there would be a module the chain cannot import: say which, before anything runs.
  for (const step of migrationSteps(project, contract)) {
    if (readSourceIfPresent(step.file, step.display) === undefined) {
      throw inputError("migration.missing", { file: step.display }, `${step.contract} v${step.from} → v${step.to} has no migration module: run \`llm-contracts build\` to scaffold ${step.functionName}`);
    }
  }
  const scratch = makeScratch(project, "chain");
  const dir = scratch.dir;
  try {
    writeFileSync(path.join(dir, "package.json"), '{"type":"module"}\n');
    for (const [file, text] of chainSources(project, compiled)) {
      const rel = path.relative(project.rootDir, file);
      const out = path.join(dir, rel.replace(/\.ts$/, ".js"));
      mkdirSync(path.dirname(out), { recursive: true });
      const js =
        precompiled?.(file, text) ??
        ts.transpileModule(text, {
          fileName: file,
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
        }).outputText;
      writeFileSync(out, js);
    }
    const outRel = path.relative(project.rootDir, project.outDir);
    const runtime = (await importChainModule(project, dir, path.join(dir, outRel, "_runtime.js"))) as { runUpgrade: RunUpgrade };
    const mod = await importChainModule(project, dir, path.join(dir, outRel, contract.name, "upgrade.js"));
    const steps = mod[upgradeNames(contract.name).steps] as readonly UpgradeStep[];
    const { versionField } = migrationSettings(project, contract);
    return {
      steps,
      upgrade: (value, from, to) =>
        runtime.runUpgrade(contract.name, steps, value, from, { ...(to !== undefined ? { to } : {}), ...(versionField !== undefined ? { versionField } : {}) }),
    };
  } finally {
    // Loaded modules stay in memory; the files are no longer needed.
    scratch.dispose();
  }
}

/**
 * Imports a module of the chain's scratch copy. What the user's migrations import is theirs (a helper that is not
 * there, a package not installed, a module that throws while it loads): each is an input error naming the module
 * as the project shows it (`schemas/…/v1-to-v2.ts`), with the scratch folder taken out of the message, never a crash.
 */
async function importChainModule(project: Project, scratch: string, file: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const shown = (abs: string): string => displayPath(project.rootDir, path.join(project.rootDir, path.relative(scratch, abs))).replace(/\.js$/, ".ts");
    const text = error instanceof Error ? error.message : String(error);
    const message = text.split(scratch + path.sep).join("").split("\n")[0]!;
    // The module at fault: the importer a resolution failure names, else the first scratch module on the stack (a
    // migration that throws while it loads), else the module imported.
    const stack = error instanceof Error ? (error.stack ?? "") : "";
    const onStack = stack.split(pathToFileURL(scratch).href + "/")[1]?.split(/[:\s)]/)[0];
    const from = /imported from (\S+)/.exec(text)?.[1] ?? (onStack !== undefined ? path.join(scratch, decodeURIComponent(onStack)) : undefined);
    const where = from !== undefined && from.startsWith(scratch + path.sep) ? shown(from) : shown(file);
    throw inputError("migration.load", { file: where }, `the upgrade chain cannot be loaded: ${message}`);
  }
}
