/** Rule table rows 24–25: additionalProperties opened (true/schema) or closed (false). */
import { defineRule } from "../define.js";
import { slotFinding } from "../shared/slots.js";

export const additionalPropertiesChanged = defineRule({
  id: "additional-properties-changed",
  purpose: "undeclared properties became allowed (breaks forward) or forbidden (breaks backward)",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: [],
  booleanPairs: true,
  check: (ctx) => slotFinding(ctx, ["additional"], "changed", "additionalProperties"),
});
