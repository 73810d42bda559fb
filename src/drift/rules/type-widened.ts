/** Rule table row 1: a type added (or integer → number). New values of that type reach old readers. */
import { defineRule } from "../define.js";
import { typeDelta } from "../shared/types.js";

export const typeWidened = defineRule({
  id: "type-widened",
  purpose: "a type was added (or integer became number): old readers reject values of the new type",
  breaks: ["forward"],
  severity: "error",
  keywords: ["type"],
  check: (ctx) => typeDelta(ctx, "forward"),
});
