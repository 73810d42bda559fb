/**
 * Rule table row 39: a `not` added. Old values matching the excluded schema are rejected, unless no old value can
 * match it (provably disjoint: shared/disjoint.ts). `not` on both sides is compared contravariantly by the engine;
 * a `not` with a positive equivalent is folded away before rules run (shared/negation.ts).
 */
import { defineRule } from "../define.js";
import { disjoint } from "../shared/disjoint.js";
import { candidatesFor } from "../shared/samples.js";
import type { SchemaNode } from "../types.js";

export const notAdded = defineRule({
  id: "not-added",
  purpose: "values matching a new `not` schema are rejected",
  breaks: ["backward"],
  severity: "error",
  keywords: ["not"],
  check: (ctx) => {
    const excluded = ctx.new["not"] as SchemaNode | undefined;
    if (excluded === undefined || ctx.old["not"] !== undefined) return [];
    if (disjoint(ctx.old, excluded, ctx.oldRoot, ctx.newRoot)) return [];
    return [{ message: "`not` added", breaks: ["backward"], candidates: candidatesFor(ctx, "backward", excluded) }];
  },
});
