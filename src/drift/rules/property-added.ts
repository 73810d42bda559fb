/**
 * Rule table rows 14–16: a property declared in new that old governed by additionalProperties. Closed model
 * (old additionalProperties false): breaks forward only. Open model (old accepted anything there): breaks backward
 * unless the new schema accepts everything. Partially open: the engine compares the old additionalProperties or
 * patternProperties schema with the new property schema instead.
 */
import { defineRule } from "../define.js";
import { slotFinding } from "../shared/slots.js";

export const propertyAdded = defineRule({
  id: "property-added",
  purpose: "a property was declared where old had a closed (false) or open (anything goes) slot",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: [],
  booleanPairs: true,
  check: (ctx) => slotFinding(ctx, ["property"], "added", `property "${String(ctx.site.instancePath?.at(-1) ?? ctx.site.pointer.split("/").at(-1))}"`),
});
