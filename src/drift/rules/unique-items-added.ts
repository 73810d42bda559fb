/** Rule table row 28: uniqueItems added. Old arrays with duplicates are rejected. */
import { defineRule } from "../define.js";
import { hasType } from "../schema.js";

export const uniqueItemsAdded = defineRule({
  id: "unique-items-added",
  purpose: "array items must now be unique: old arrays with duplicates are rejected",
  breaks: ["backward"],
  severity: "error",
  keywords: ["uniqueItems"],
  check: (ctx) => {
    if (ctx.new["uniqueItems"] !== true || ctx.old["uniqueItems"] === true || !hasType(ctx.oldTypes, "array")) return [];
    const candidates = ctx.examples("old", ctx.old, 4).filter(Array.isArray).filter((a) => a.length > 0).map((a) => ({ direction: "backward" as const, value: [...a, a[a.length - 1]!] }));
    return [{ message: "uniqueItems added", breaks: ["backward"], candidates }];
  },
});
