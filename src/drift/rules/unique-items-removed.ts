/** Rule table row 28: uniqueItems removed. Old readers reject new arrays with duplicates. */
import { defineRule } from "../define.js";
import { hasType } from "../schema.js";

export const uniqueItemsRemoved = defineRule({
  id: "unique-items-removed",
  purpose: "array items may now repeat: old readers reject arrays with duplicates",
  breaks: ["forward"],
  severity: "error",
  keywords: ["uniqueItems"],
  check: (ctx) => {
    if (ctx.old["uniqueItems"] !== true || ctx.new["uniqueItems"] === true || !hasType(ctx.newTypes, "array")) return [];
    const candidates = ctx.examples("new", ctx.new, 4).filter(Array.isArray).filter((a) => a.length > 0).map((a) => ({ direction: "forward" as const, value: [...a, a[a.length - 1]!] }));
    return [{ message: "uniqueItems removed", breaks: ["forward"], candidates }];
  },
});
