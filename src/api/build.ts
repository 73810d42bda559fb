import { displayPath, type Project } from "../config/config.js";
import { compileProject } from "../compile/compile.js";
import type { Diagnostic } from "../errors.js";
import { applyPlan } from "../write/apply.js";
import { diffPlan } from "../write/plan.js";
import { CHECK_STEPS } from "./steps.js";
import { outputPlan } from "../emit/javascript/plan.js";
import { syncStubs, type StubSync } from "../migrate/sync.js";

export interface BuildSummary {
  readonly contracts: number;
  readonly versions: number;
  readonly examples: number;
  readonly files: number;
}

/** `warnings`: strictness findings that do not refuse the build (see src/strictness), one per file and pointer. */
export type BuildResult =
  | ({ readonly ok: true; readonly changed: boolean; readonly written: number; readonly removed: number; readonly migrations: StubSync; readonly warnings: readonly Diagnostic[] } & BuildSummary)
  | { readonly ok: false; readonly problems: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

/** Compiles a project and writes its output folder atomically. With any input problem nothing is written. */
export async function build(project: Project): Promise<BuildResult> {
  const result = await compileProject(project);
  if (result.problems.length > 0) return { ok: false, problems: result.problems, warnings: result.warnings };
  const applied = applyPlan(project.outDir, outputPlan(project, result), displayPath(project.rootDir, project.outDir));
  // Migration modules belong to the user: created when missing, imports and signatures kept in step, bodies untouched.
  const migrations = syncStubs(project, result);
  return {
    ok: true,
    changed: applied.changed || migrations.created.length + migrations.updated.length > 0,
    migrations,
    warnings: result.warnings,
    written: applied.diff.missing.length + applied.diff.stale.length + applied.diff.edited.length,
    removed: applied.diff.extra.length,
    contracts: result.contracts.length,
    versions: result.versions.length,
    examples: result.examples,
    files: result.plan.size,
  };
}

/** Problems `check` exists to find (exit 1). Anything else it meets is an input error (exit 2). */
const CHECK_FINDINGS = /^(schema\.(meta|strict|compile)|strict\.|example\.|generated\.|contract\.version-(gap|duplicate)|drift\.|lint\.|migration\.)/;

export interface CheckResult extends BuildSummary {
  readonly problems: readonly Diagnostic[];
  /** Strictness findings that are warnings: listed, not failing. */
  readonly warnings: readonly Diagnostic[];
  /** 0 nothing wrong, 1 problems found, 2 some input could not be read. */
  readonly exitCode: 0 | 1 | 2;
}

/** Everything `build` would do, compared with what is on disk. Writes nothing. */
export async function check(project: Project): Promise<CheckResult> {
  const result = await compileProject(project);
  const out = displayPath(project.rootDir, project.outDir);
  const problems: Diagnostic[] = [...result.problems];
  // Only a complete build can be compared: with input problems the plan is partial and every file would differ.
  if (problems.length === 0) {
    const diff = diffPlan(project.outDir, outputPlan(project, result));
    const hint = "run `llm-contracts build`";
    const add = (code: string, files: readonly string[], message: string): void => {
      for (const rel of files) problems.push({ code, file: `${out}/${rel}`, message });
    };
    add("generated.missing", diff.missing, `not generated yet: ${hint}`);
    add("generated.stale", diff.stale, `out of date with the schemas: ${hint}`);
    add("generated.edited", diff.edited, `edited by hand; generated files are overwritten by every build: ${hint}`);
    add("generated.extra", diff.extra, `left over from a removed contract or version: ${hint}`);
    for (const step of CHECK_STEPS) problems.push(...(await step.run(project, result)));
  }
  const exitCode = problems.length === 0 ? 0 : problems.every((p) => CHECK_FINDINGS.test(p.code)) ? 1 : 2;
  return {
    problems,
    warnings: result.warnings,
    exitCode,
    contracts: result.contracts.length,
    versions: result.versions.length,
    examples: result.examples,
    files: result.plan.size,
  };
}
