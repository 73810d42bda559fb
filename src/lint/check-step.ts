import type { CheckStep } from "../api/steps.js";
import { lintCompiled, toDiagnostic } from "./project.js";

/**
 * `check` runs the profiles each contract lists in `providers`. Only `error` findings are problems: a warning
 * is something export lowers or drops (see the loss manifest), shown by `llm-contracts lint`.
 */
export const lintCheckStep: CheckStep = {
  name: "lint",
  async run(project, compiled) {
    return lintCompiled(project, compiled)
      .filter((f) => f.severity === "error")
      .map(toDiagnostic);
  },
};
