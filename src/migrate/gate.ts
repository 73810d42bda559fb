/**
 * The migration gate, a `check` step: a backward-breaking step (old documents fail the new version) must have an
 * implemented migration, and every migration must type-check against the types `build` would generate.
 */
import path from "node:path";
import type { CheckStep } from "../api/steps.js";
import type { Diagnostic } from "../errors.js";
import { chainSources } from "./files.js";
import { stepStatus } from "./status.js";
import { planSteps } from "./sync.js";
import { typecheckChain } from "./typecheck.js";

export const migrationCheckStep: CheckStep = {
  name: "migrations",
  async run(project, compiled) {
    const problems: Diagnostic[] = [];
    const planned = planSteps(project, compiled);
    for (const { step, analysis } of planned) {
      const label = `${step.contract} v${step.from} → v${step.to}`;
      const { status, markers } = stepStatus(step);
      if (status === "missing") {
        problems.push({ code: "migration.missing", file: step.display, message: `${label} has no migration module: run \`llm-contracts build\` to scaffold ${step.functionName}` });
      } else if (status === "stub" && analysis.breaks.length > 0) {
        problems.push({
          code: "migration.not-implemented",
          file: step.display,
          line: markers[0]!,
          message:
            `${label} breaks old documents (${analysis.breaks.join("; ")}) and ${step.functionName} is not implemented: ` +
            `replace the ${markers.length} notImplemented(...) call(s) (line ${markers.join(", ")})`,
        });
      }
    }
    const contracts = new Set(planned.map((p) => p.step.contract));
    if (contracts.size === 0 || problems.some((p) => p.code === "migration.missing")) return problems;
    const sources = chainSources(project, compiled);
    const roots = [...contracts].map((c) => path.join(project.outDir, c, "upgrade.ts"));
    problems.push(...typecheckChain(project, sources, roots));
    return problems;
  },
};
