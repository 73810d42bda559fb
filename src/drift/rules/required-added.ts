/**
 * Rule table rows 17, 18, 21, 23: a name became required (also names not listed in `properties`: `required` is a
 * set). Old values without it are rejected. A `default` does not help: our validators run without useDefaults.
 */
import { defineRule } from "../define.js";
import { objectCandidates, requiredOf, requiredWithConjuncts } from "../shared/objects.js";
import { hasType } from "../schema.js";

export const requiredAdded = defineRule({
  id: "required-added",
  purpose: "a property became required: old values without it are rejected",
  breaks: ["backward"],
  severity: "error",
  keywords: ["required"],
  check: (ctx) => {
    if (!hasType(ctx.oldTypes, "object")) return [];
    const before = requiredWithConjuncts(ctx.old, ctx.oldRoot);
    return [...requiredOf(ctx.new)].filter((k) => !before.has(k)).map((k) => ({
      message: `property "${k}" is now required`,
      breaks: ["backward"] as const,
      at: ["properties", k],
      candidates: objectCandidates(ctx, "backward", (o) => {
        delete o[k];
        return o;
      }),
    }));
  },
});
