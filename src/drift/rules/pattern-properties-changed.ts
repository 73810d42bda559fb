/**
 * Rule table row 26: the set of patternProperties patterns changed. Entries under the same pattern are compared by
 * the engine; a different set of patterns changes which schema governs which keys, decided on the key languages
 * (shared/keys.ts): every key a new constraint covers must be covered on the source side by something proven
 * inside it. `unknown` only when a pattern has no automaton (lookaround, backreference) or the automata grow too
 * large.
 */
import { defineRule } from "../define.js";
import { keyCoverage } from "../shared/keys.js";

export const patternPropertiesChanged = defineRule({
  id: "pattern-properties-changed",
  purpose: "the set of patternProperties patterns changed",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: ["patternProperties"],
  check: (ctx) => [...keyCoverage(ctx, "backward"), ...keyCoverage(ctx, "forward")],
});
