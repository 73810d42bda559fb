/** Rule table row 27: dependentRequired/dependencies added. Old values with the key but not its dependency fail. */
import { defineRule } from "../define.js";
import { dependencyDelta } from "../shared/dependencies.js";

export const dependentRequiredAdded = defineRule({
  id: "dependent-required-added",
  purpose: "a property now requires another one when present",
  breaks: ["backward"],
  severity: "error",
  keywords: ["dependentRequired", "dependencies"],
  check: (ctx) => dependencyDelta(ctx, "backward"),
});
