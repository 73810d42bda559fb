/** Rule table row 31: a tuple position removed. Closed tail: breaks backward; open tail: breaks forward. */
import { defineRule } from "../define.js";
import { slotFinding } from "../shared/slots.js";

export const tupleItemRemoved = defineRule({
  id: "tuple-item-removed",
  purpose: "a prefixItems (tuple) position was removed; the tail now governs it",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: [],
  booleanPairs: true,
  check: (ctx) => slotFinding(ctx, ["tuple"], "removed", `tuple item ${String(ctx.site.instancePath?.at(-1) ?? "")}`),
});
