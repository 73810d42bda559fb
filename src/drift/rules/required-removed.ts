/** Rule table row 21: a property made optional. Old readers that require it reject new values without it. */
import { defineRule } from "../define.js";
import { objectCandidates, requiredOf, requiredWithConjuncts } from "../shared/objects.js";
import { hasType } from "../schema.js";

export const requiredRemoved = defineRule({
  id: "required-removed",
  purpose: "a property is no longer required: old readers reject values without it",
  breaks: ["forward"],
  severity: "error",
  keywords: ["required"],
  check: (ctx) => {
    if (!hasType(ctx.newTypes, "object")) return [];
    const now = requiredWithConjuncts(ctx.new, ctx.newRoot);
    return [...requiredOf(ctx.old)].filter((k) => !now.has(k)).map((k) => ({
      message: `property "${k}" is no longer required`,
      breaks: ["forward"] as const,
      at: ["properties", k],
      candidates: objectCandidates(ctx, "forward", (o) => {
        delete o[k];
        return o;
      }),
    }));
  },
});
