import { defineRule } from "../types.js";

/** OpenAI: "For a single enum property with string values, the total string length of all enum values cannot exceed 15,000 characters when there are more than 250 enum values". */
export const enumStringSize = defineRule<{ count: number; chars: number }>({
  id: "enum-string-size",
  purpose: "A large string enum (more than `count` values) must stay under `chars` characters.",
  source: "providers.md §4.2 (OpenAI: one string enum with >250 values ≤15,000 chars)",
  scope: "node",
  defaults: { count: 250, chars: 15000 },
  node(v, ctx) {
    const values = v.node["enum"];
    if (!Array.isArray(values) || values.length <= ctx.options.count) return [];
    const chars = values.reduce<number>((n, e) => n + (typeof e === "string" ? e.length : 0), 0);
    if (chars <= ctx.options.chars) return [];
    return [{ pointer: `${v.pointer}/enum`, message: `enum of ${values.length} values with ${chars} characters (limit ${ctx.options.chars} above ${ctx.options.count} values): shorten the values or split the enum` }];
  },
});
