/** Every consecutive version step of a project with its stub target and analysis (no ts-morph needed to plan). */
import type { CompileResult } from "../shapes/compiled.js";
import type { Project } from "../config/config.js";
import { analyzeStep, type StepAnalysis } from "./analyze.js";
import { generatedRuntimeFile, generatedVersionFile, importSpecifier, type MigrationStep } from "./layout.js";
import { stepPairs } from "./step-pairs.js";
import type { StubTarget } from "./stub.js";

export interface PlannedStep {
  readonly step: MigrationStep;
  readonly target: StubTarget;
  readonly analysis: StepAnalysis;
}

/** Every step of every contract with its analysis; versions must all have compiled. */
export function planSteps(project: Project, compiled: Pick<CompileResult, "contracts" | "versions">): PlannedStep[] {
  return stepPairs(project, compiled).map(({ step, old, neu }) => {
    const contract = old.contract.name;
    const target: StubTarget = {
      contract,
      from: step.from,
      functionName: step.functionName,
      oldModule: importSpecifier(step.file, generatedVersionFile(project, contract, step.from)),
      newModule: importSpecifier(step.file, generatedVersionFile(project, contract, step.to)),
      runtimeModule: importSpecifier(step.file, generatedRuntimeFile(project)),
    };
    return { step, target, analysis: analyzeStep(contract, step.from, old.schema, neu.schema) };
  });
}
