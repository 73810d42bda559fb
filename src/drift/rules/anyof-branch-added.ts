/** Rule table rows 33–36; see ../shared/union.ts for the proof obligations. */
import { defineRule } from "../define.js";
import { unionDelta } from "../shared/union.js";

export const anyofBranchAdded = defineRule({
  id: "anyof-branch-added",
  purpose: "a new anyOf branch is not inside any old branch (or the old schema)",
  breaks: ["forward"],
  severity: "error",
  keywords: ["anyOf"],
  check: (ctx) => unionDelta(ctx, "anyOf", "forward", "uncovered"),
});
