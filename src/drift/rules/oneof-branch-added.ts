/** Rule table rows 33–36; see ../shared/union.ts for the proof obligations. */
import { defineRule } from "../define.js";
import { unionDelta } from "../shared/union.js";

export const oneofBranchAdded = defineRule({
  id: "oneof-branch-added",
  purpose: "a new oneOf branch is not inside any old branch (or the old schema)",
  breaks: ["forward"],
  severity: "error",
  keywords: ["oneOf"],
  check: (ctx) => unionDelta(ctx, "oneOf", "forward", "uncovered"),
});
