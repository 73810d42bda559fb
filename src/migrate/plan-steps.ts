/** Every consecutive version step of a project with its stub target and analysis (no ts-morph needed to plan). */
import type { CompileResult, CompiledVersion } from "../shapes/compiled.js";
import type { Project } from "../config/config.js";
import { analyzeStep, type StepAnalysis } from "./analyze.js";
import { generatedRuntimeFile, generatedVersionFile, importSpecifier, migrationSteps, type MigrationStep } from "./layout.js";
import type { StubTarget } from "./stub.js";

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

