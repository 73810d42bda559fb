/** Rule table rows 19–20: a property no longer declared. Closed model: breaks backward; open model: breaks forward. */
import { defineRule } from "../define.js";
import { slotFinding } from "../shared/slots.js";

export const propertyRemoved = defineRule({
  id: "property-removed",
  purpose: "a property is no longer declared: closed objects reject it, open objects accept anything under its name",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: [],
  booleanPairs: true,
  check: (ctx) => slotFinding(ctx, ["property"], "removed", `property "${String(ctx.site.instancePath?.at(-1) ?? ctx.site.pointer.split("/").at(-1))}"`),
});
