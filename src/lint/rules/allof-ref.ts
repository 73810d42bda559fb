import { defineRule, isSchemaObject } from "../types.js";

/** Anthropic strict: "`anyOf` and `allOf` (with limitations - `allOf` with `$ref` not supported)". */
export const allofRef = defineRule<Record<string, never>>({
  id: "allof-ref",
  purpose: "No `$ref` inside `allOf`.",
  source: "Anthropic structured outputs 'JSON Schema limitations' (allOf with $ref not supported)",
  scope: "node",
  defaults: {},
  node(v) {
    const all = v.node["allOf"];
    if (!Array.isArray(all)) return [];
    return all.flatMap((branch, i) =>
      isSchemaObject(branch) && typeof branch["$ref"] === "string"
        ? [{ pointer: `${v.pointer}/allOf/${i}/$ref`, message: "`$ref` inside `allOf`: copy the referenced properties into this object instead" }]
        : [],
    );
  },
});
