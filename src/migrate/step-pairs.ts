/**
 * Every consecutive version step of a project with its two compiled versions: what the migration gate reads
 * (src/migrate/gate.ts) before it knows whether a step needs its analysis. Its own module, apart from the stub
 * planning (plan-steps.ts), because the analysis (analyze.ts, compare.ts) is wanted only for a step whose module is
 * still a stub: a `check` whose migrations are all implemented (an annotation-only edit of a breaking contract)
 * loads and runs none of it.
 */
import type { CompileResult, CompiledVersion } from "../shapes/compiled.js";
import type { Project } from "../config/config.js";
import { migrationSteps, type MigrationStep } from "./layout.js";

export interface StepPair {
  readonly step: MigrationStep;
  readonly old: CompiledVersion;
  readonly neu: CompiledVersion;
}

/** Every step of every contract whose two versions compiled, contracts and steps in order. */
export function stepPairs(project: Project, compiled: Pick<CompileResult, "contracts" | "versions">): StepPair[] {
  const byKey = new Map<string, CompiledVersion>(compiled.versions.map((v) => [`${v.contract.name}@${v.source.version}`, v]));
  const out: StepPair[] = [];
  for (const contract of compiled.contracts) {
    for (const step of migrationSteps(project, contract)) {
      const old = byKey.get(`${contract.name}@${step.from}`);
      const neu = byKey.get(`${contract.name}@${step.to}`);
      if (old !== undefined && neu !== undefined) out.push({ step, old, neu });
    }
  }
  return out;
}
