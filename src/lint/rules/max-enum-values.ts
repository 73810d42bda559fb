import { defineRule } from "../types.js";

/** OpenAI: "A schema may have up to 1000 enum values across all enum properties". */
export const maxEnumValues = defineRule<{ max: number }>({
  id: "max-enum-values",
  purpose: "Total number of enum values in one schema.",
  source: "providers.md §4.2 (OpenAI ≤1000 enum values total)",
  scope: "schema",
  defaults: { max: 1000 },
  schema(facts, ctx) {
    if (facts.enumValues <= ctx.options.max) return [];
    return [{ pointer: "", message: `${facts.enumValues} enum values in total (limit ${ctx.options.max}): replace the largest enums with a string plus a lookup tool` }];
  },
});
