/** Rule table row 4: null no longer allowed. Stored nulls are rejected. */
import { defineRule } from "../define.js";
import { allowsNull, mayAllowNull } from "../shared/nullable.js";

export const nullableRemoved = defineRule({
  id: "nullable-removed",
  purpose: "null is no longer valid: stored nulls are rejected",
  breaks: ["backward"],
  severity: "error",
  keywords: [],
  check: (ctx) =>
    mayAllowNull(ctx.old) && !allowsNull(ctx.new)
      ? [{ message: "null is no longer allowed", breaks: ["backward"], candidates: [{ direction: "backward", value: null }] }]
      : [],
});
