/**
 * Rule table row 26: patternProperties keys added or removed. Entries under the same pattern are compared by the
 * engine; a different set of patterns changes which keys fall under additionalProperties, which this checker does
 * not decide by key-language overlap yet: unknown unless a witness is found.
 */
import { defineRule } from "../define.js";
import { candidatesFor } from "../shared/samples.js";
import { isObj } from "../schema.js";

export const patternPropertiesChanged = defineRule({
  id: "pattern-properties-changed",
  purpose: "the set of patternProperties patterns changed",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: ["patternProperties"],
  check: (ctx) => {
    const o = Object.keys(isObj(ctx.old["patternProperties"]) ? ctx.old["patternProperties"] : {});
    const n = Object.keys(isObj(ctx.new["patternProperties"]) ? ctx.new["patternProperties"] : {});
    const added = n.filter((p) => !o.includes(p));
    const removed = o.filter((p) => !n.includes(p));
    if (added.length === 0 && removed.length === 0) return [];
    const message = `patternProperties changed (added: ${JSON.stringify(added)}, removed: ${JSON.stringify(removed)}); not decided by key-language overlap`;
    return [{
      message,
      breaks: [],
      unknown: ["backward", "forward"],
      candidates: [...candidatesFor(ctx, "backward", ctx.oldAt.node, []), ...candidatesFor(ctx, "forward", ctx.newAt.node, [])],
    }];
  },
});
