import { defineRule } from "../types.js";

/** OpenAI: "A schema may have up to 5000 object properties total". */
export const maxProperties = defineRule<{ max: number }>({
  id: "max-properties",
  purpose: "Total number of object properties in one schema.",
  source: "providers.md §4.2 (OpenAI ≤5000 object properties)",
  scope: "schema",
  defaults: { max: 5000 },
  schema(facts, ctx) {
    if (facts.properties <= ctx.options.max) return [];
    return [{ pointer: "", message: `${facts.properties} object properties in total (limit ${ctx.options.max}): split the contract or move rarely used fields out` }];
  },
});
