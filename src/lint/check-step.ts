import type { CheckStep } from "../shapes/check-step.js";
import { displayPath } from "../config/config.js";
import type { Diagnostic } from "../errors.js";

/**
 * `check` runs the profiles each contract lists in `providers`. Only `error` findings are problems: a warning
 * is something export lowers or drops (see the loss manifest), shown by `llm-contracts lint`.
 */
export const lintCheckStep: CheckStep = {
  name: "lint",
  async run(project, compiled) {
    // Nothing to lint when no compiled version lists a provider and there is no toolset: the engine, its rules and
    // profiles (about 40 modules) are then not loaded.
    if (compiled.versions.every((v) => v.contract.manifest.providers.length === 0) && Object.keys(project.toolsets).length === 0) return [];
    const { lintCompiled, lintToolsetBudgets, toDiagnostic } = await import("./project.js");
    const findings = lintCompiled(project, compiled);
    // An incremental run compiled only some contracts (every toolset member among them); the others exist too.
    const known = new Set([...compiled.contracts, ...(compiled.scope?.others ?? [])].map((c) => c.name));
    const problems: Diagnostic[] = [];
    for (const [name, members] of Object.entries(project.toolsets).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const unknown = members.filter((m) => !known.has(m));
      if (unknown.length > 0) {
        problems.push({
          code: "lint.toolset-unknown-contract",
          file: project.configFile === undefined ? "llm-contracts.config.json" : displayPath(project.rootDir, project.configFile),
          pointer: `/toolsets/${name}`,
          message: `toolset "${name}" names contracts that do not exist: ${unknown.join(", ")}`,
        });
        continue;
      }
      findings.push(...lintToolsetBudgets(project, compiled, members));
    }
    return [...problems, ...findings.filter((f) => f.severity === "error").map(toDiagnostic)];
  },
};
