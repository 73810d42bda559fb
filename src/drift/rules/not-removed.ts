/**
 * Rule table row 39: a `not` removed. Old readers reject new values matching the excluded schema, unless no new
 * value can match it (provably disjoint: shared/disjoint.ts).
 */
import { defineRule } from "../define.js";
import { disjoint } from "../shared/disjoint.js";
import { candidatesFor } from "../shared/samples.js";
import type { SchemaNode } from "../types.js";

export const notRemoved = defineRule({
  id: "not-removed",
  purpose: "values matching the removed `not` schema are now accepted",
  breaks: ["forward"],
  severity: "error",
  keywords: ["not"],
  check: (ctx) => {
    const excluded = ctx.old["not"] as SchemaNode | undefined;
    if (excluded === undefined || ctx.new["not"] !== undefined) return [];
    if (disjoint(ctx.new, excluded, ctx.newRoot, ctx.oldRoot)) return [];
    return [{ message: "`not` removed", breaks: ["forward"], candidates: candidatesFor(ctx, "forward", excluded) }];
  },
});
