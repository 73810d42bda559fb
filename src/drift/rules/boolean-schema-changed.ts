/** A subschema replaced by `true` or `false` (or the reverse) outside property/tuple/tail slots. */
import { defineRule } from "../define.js";
import { slotFinding } from "../shared/slots.js";

export const booleanSchemaChanged = defineRule({
  id: "boolean-schema-changed",
  purpose: "a subschema became true (accepts anything) or false (accepts nothing), or the reverse",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: [],
  booleanPairs: true,
  check: (ctx) => slotFinding(ctx, ["root", "subschema", "branch", "property", "tuple"], "changed", "boolean schema"),
});
