import { defineRule } from "../types.js";

/** OpenAI: "up to 10 levels of nesting". */
export const maxNesting = defineRule<{ max: number }>({
  id: "max-nesting",
  purpose: "Depth of nested objects, following `$ref`s.",
  source: "providers.md §4.2 (OpenAI ≤10 nesting levels)",
  scope: "schema",
  defaults: { max: 10 },
  schema(facts, ctx) {
    if (facts.maxDepth <= ctx.options.max) return [];
    return [{ pointer: "", message: `objects nest ${facts.maxDepth} levels deep (limit ${ctx.options.max}): flatten inner objects into their parents` }];
  },
});
