/** Rule table row 3: null allowed, in any of its three spellings (type array, anyOf/oneOf with null, enum null). */
import { defineRule } from "../define.js";
import { allowsNull, mayAllowNull } from "../shared/nullable.js";

export const nullableAdded = defineRule({
  id: "nullable-added",
  purpose: "null became valid: old readers reject null",
  breaks: ["forward"],
  severity: "error",
  keywords: [],
  check: (ctx) =>
    mayAllowNull(ctx.new) && !allowsNull(ctx.old)
      ? [{ message: "null is now allowed", breaks: ["forward"], candidates: [{ direction: "forward", value: null }] }]
      : [],
});
