import { defineRule } from "../types.js";

const TOP_LEVEL = ["anyOf", "oneOf", "allOf", "not", "enum", "if"] as const;

/** "input_schema does not support oneOf, allOf, or anyOf at the top level" (Anthropic); OpenAI alike. */
export const rootCombinator = defineRule<{ keywords: readonly string[] }>({
  id: "root-combinator",
  purpose: "No `anyOf`/`oneOf`/`allOf`/`not`/`enum`/`if` at the root: providers reject them there even where they accept them nested.",
  source: "providers.md §4.1 row 'root anyOf/oneOf/allOf'; Anthropic 400 'does not support oneOf, allOf, or anyOf at the top level'",
  scope: "node",
  defaults: { keywords: TOP_LEVEL },
  node(v, ctx) {
    if (!v.isRoot) return [];
    return ctx.options.keywords
      .filter((k) => k in v.node)
      .map((k) => ({
        pointer: `/${k}`,
        message: `\`${k}\` at the root: keep the root a plain object; move the alternatives into a property (e.g. \`{"properties": {"result": {"${k}": [...]}}}\`)`,
      }));
  },
});
