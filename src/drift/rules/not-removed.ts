/** Rule table row 39: a `not` removed. Old readers reject new values matching the excluded schema. */
import { defineRule } from "../define.js";
import { candidatesFor } from "../shared/samples.js";
import type { SchemaNode } from "../types.js";

export const notRemoved = defineRule({
  id: "not-removed",
  purpose: "values matching the removed `not` schema are now accepted",
  breaks: ["forward"],
  severity: "error",
  keywords: ["not"],
  check: (ctx) =>
    ctx.old["not"] !== undefined && ctx.new["not"] === undefined
      ? [{ message: "`not` removed", breaks: ["forward"], candidates: candidatesFor(ctx, "forward", ctx.old["not"] as SchemaNode) }]
      : [],
});
