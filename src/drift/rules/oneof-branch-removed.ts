/** Rule table rows 33–36; see ../shared/union.ts for the proof obligations. */
import { defineRule } from "../define.js";
import { unionDelta } from "../shared/union.js";

export const oneofBranchRemoved = defineRule({
  id: "oneof-branch-removed",
  purpose: "an old oneOf branch (or the old schema) is not inside any new branch",
  breaks: ["backward"],
  severity: "error",
  keywords: ["oneOf"],
  check: (ctx) => unionDelta(ctx, "oneOf", "backward", "uncovered"),
});
