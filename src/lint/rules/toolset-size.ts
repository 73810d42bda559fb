import { defineRule } from "../types.js";

/** OpenAI's schema limits, applied to all functions of one request together. */
export const toolsetSize = defineRule<{ properties: number; stringSize: number; enumValues: number }>({
  id: "toolset-size",
  purpose: "Total properties, name/enum characters and enum values of all tools in one request.",
  source: "providers.md §4.2 (OpenAI 5000 properties, 120,000 characters, 1000 enum values)",
  scope: "toolset",
  defaults: { properties: 5000, stringSize: 120000, enumValues: 1000 },
  toolset(ctx) {
    const sum = (k: "properties" | "stringSize" | "enumValues") => ctx.tools.reduce((n, t) => n + t.facts[k], 0);
    const out = [];
    for (const [k, what] of [["properties", "object properties"], ["stringSize", "characters of names and enum/const values"], ["enumValues", "enum values"]] as const) {
      const total = sum(k);
      if (total > ctx.options[k]) out.push({ pointer: "", message: `${total} ${what} across the toolset (limit ${ctx.options[k]}): send fewer tools per request` });
    }
    return out;
  },
});
