/** Rule table row 2: a type removed or changed (number → integer). Stored old values of that type are rejected. */
import { defineRule } from "../define.js";
import { typeDelta } from "../shared/types.js";

export const typeNarrowed = defineRule({
  id: "type-narrowed",
  purpose: "a type was removed or changed: values of that type valid before are now rejected",
  breaks: ["backward"],
  severity: "error",
  keywords: ["type"],
  check: (ctx) => typeDelta(ctx, "backward"),
});
