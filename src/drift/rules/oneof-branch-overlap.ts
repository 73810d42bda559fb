/**
 * Rule table row 34: a oneOf whose branches overlap on the target side. Adding `integer` to `oneOf: [number]`
 * makes 0 match twice, so it is rejected: breaking backward although every branch only widened.
 */
import { defineRule } from "../define.js";
import { unionDelta } from "../shared/union.js";

export const oneofBranchOverlap = defineRule({
  id: "oneof-branch-overlap",
  purpose: "oneOf branches that are not provably disjoint changed: values matching two branches are rejected",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: ["oneOf"],
  check: (ctx) => [...unionDelta(ctx, "oneOf", "backward", "overlap"), ...unionDelta(ctx, "oneOf", "forward", "overlap")],
});
