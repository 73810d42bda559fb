/** Rule table row 30: a tuple position appended. Closed tail: breaks forward; open tail: breaks backward unless `{}`. */
import { defineRule } from "../define.js";
import { slotFinding } from "../shared/slots.js";

export const tupleItemAdded = defineRule({
  id: "tuple-item-added",
  purpose: "a prefixItems (tuple) position was added where old had a closed or open tail",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: [],
  booleanPairs: true,
  check: (ctx) => slotFinding(ctx, ["tuple"], "added", `tuple item ${String(ctx.site.instancePath?.at(-1) ?? "")}`),
});
