/** Rule table rows 33–36; see ../shared/union.ts for the proof obligations. */
import { defineRule } from "../define.js";
import { unionDelta } from "../shared/union.js";

export const anyofBranchRemoved = defineRule({
  id: "anyof-branch-removed",
  purpose: "an old anyOf branch (or the old schema) is not inside any new branch",
  breaks: ["backward"],
  severity: "error",
  keywords: ["anyOf"],
  check: (ctx) => unionDelta(ctx, "anyOf", "backward", "uncovered"),
});
