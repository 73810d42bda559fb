/**
 * `build`'s migration pass: for every consecutive pair of versions, make sure the user's migration module exists
 * and is in step with the generated types. Runs after `generated/` is written, and only for a complete compile.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CompileResult, CompiledVersion } from "../compile/compile.js";
import type { Project } from "../config/config.js";
import { analyzeStep, type StepAnalysis } from "./analyze.js";
import { generatedRuntimeFile, generatedVersionFile, importSpecifier, migrationSteps, type MigrationStep } from "./layout.js";
import { renderStub, updateStub, type StubTarget } from "./stub.js";

export interface StubSync {
  /** Project-relative paths of modules created / updated (imports or signature). */
  readonly created: readonly string[];
  readonly updated: readonly string[];
}

export interface PlannedStep {
  readonly step: MigrationStep;
  readonly target: StubTarget;
  readonly analysis: StepAnalysis;
}

/** Every step of every contract with its analysis; versions must all have compiled. */
export function planSteps(project: Project, compiled: Pick<CompileResult, "contracts" | "versions">): PlannedStep[] {
  const byKey = new Map<string, CompiledVersion>(compiled.versions.map((v) => [`${v.contract.name}@${v.source.version}`, v]));
  const out: PlannedStep[] = [];
  for (const contract of compiled.contracts) {
    for (const step of migrationSteps(project, contract)) {
      const old = byKey.get(`${contract.name}@${step.from}`);
      const neu = byKey.get(`${contract.name}@${step.to}`);
      if (old === undefined || neu === undefined) continue;
      const target: StubTarget = {
        contract: contract.name,
        from: step.from,
        functionName: step.functionName,
        oldModule: importSpecifier(step.file, generatedVersionFile(project, contract.name, step.from)),
        newModule: importSpecifier(step.file, generatedVersionFile(project, contract.name, step.to)),
        runtimeModule: importSpecifier(step.file, generatedRuntimeFile(project)),
      };
      out.push({ step, target, analysis: analyzeStep(contract.name, step.from, old.schema, neu.schema) });
    }
  }
  return out;
}

/** The text a step's module should have: a fresh stub, or the user's module brought in step. */
export function desiredText(planned: PlannedStep): { text: string; existed: boolean; current?: string } {
  if (!existsSync(planned.step.file)) return { text: renderStub(planned.target, planned.analysis), existed: false };
  const current = readFileSync(planned.step.file, "utf8");
  return { text: updateStub(current, planned.target, planned.analysis), existed: true, current };
}

export function syncStubs(project: Project, compiled: Pick<CompileResult, "contracts" | "versions">): StubSync {
  const created: string[] = [];
  const updated: string[] = [];
  for (const planned of planSteps(project, compiled)) {
    const want = desiredText(planned);
    if (want.existed && want.current === want.text) continue;
    writeAtomic(planned.step.file, want.text);
    (want.existed ? updated : created).push(planned.step.display);
  }
  return { created, updated };
}

/** Temp file in the same folder, then rename: a reader sees the old module or the new one, never half of one. */
export function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, "utf8");
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}
