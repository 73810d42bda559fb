/** Rule table row 37: an old allOf conjunct removed (or widened): old readers still apply it. */
import { defineRule } from "../define.js";
import { conjunctDelta } from "../shared/conjuncts.js";

export const allofConjunctRemoved = defineRule({
  id: "allof-conjunct-removed",
  purpose: "an old allOf conjunct is not implied by the new schema",
  breaks: ["forward"],
  severity: "error",
  keywords: ["allOf"],
  check: (ctx) => conjunctDelta(ctx, "forward"),
});
