/** Rule table row 27: dependentRequired/dependencies removed. Old readers still require the dependency. */
import { defineRule } from "../define.js";
import { dependencyDelta } from "../shared/dependencies.js";

export const dependentRequiredRemoved = defineRule({
  id: "dependent-required-removed",
  purpose: "a property no longer requires another one when present",
  breaks: ["forward"],
  severity: "error",
  keywords: ["dependentRequired", "dependencies"],
  check: (ctx) => dependencyDelta(ctx, "forward"),
});
