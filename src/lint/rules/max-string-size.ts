import { defineRule } from "../types.js";

/** OpenAI: "the total string length of all property names, definition names, enum values, and const values cannot exceed 120,000 characters". */
export const maxStringSize = defineRule<{ max: number }>({
  id: "max-string-size",
  purpose: "Total characters of property names, definition names, enum and const values.",
  source: "providers.md §4.2 (OpenAI ≤120,000 characters)",
  scope: "schema",
  defaults: { max: 120000 },
  schema(facts, ctx) {
    if (facts.stringSize <= ctx.options.max) return [];
    return [{ pointer: "", message: `${facts.stringSize} characters of names and enum/const values (limit ${ctx.options.max}): shorten enum values or move large enums to a lookup tool` }];
  },
});
