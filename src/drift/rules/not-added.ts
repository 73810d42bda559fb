/** Rule table row 39: a `not` added. Old values matching the excluded schema are rejected. (`not` on both sides is compared contravariantly by the engine.) */
import { defineRule } from "../define.js";
import { candidatesFor } from "../shared/samples.js";
import type { SchemaNode } from "../types.js";

export const notAdded = defineRule({
  id: "not-added",
  purpose: "values matching a new `not` schema are rejected",
  breaks: ["backward"],
  severity: "error",
  keywords: ["not"],
  check: (ctx) =>
    ctx.new["not"] !== undefined && ctx.old["not"] === undefined
      ? [{ message: "`not` added", breaks: ["backward"], candidates: candidatesFor(ctx, "backward", ctx.new["not"] as SchemaNode) }]
      : [],
});
