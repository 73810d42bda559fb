/** Rule table row 37: an allOf conjunct added (or narrowed) in new that old values need not satisfy. */
import { defineRule } from "../define.js";
import { conjunctDelta } from "../shared/conjuncts.js";

export const allofConjunctAdded = defineRule({
  id: "allof-conjunct-added",
  purpose: "a new allOf conjunct is not implied by the old schema",
  breaks: ["backward"],
  severity: "error",
  keywords: ["allOf"],
  check: (ctx) => conjunctDelta(ctx, "backward"),
});
