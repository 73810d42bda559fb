import { defineRule, typesOf } from "../types.js";

/** Gemini OpenAPI schema: "Proto field is not repeating, cannot start list" for `type: [...]`; no `null` type. */
export const typeArray = defineRule<Record<string, never>>({
  id: "type-array",
  purpose: "`type` must be a single non-null type; nullability is `nullable: true` (OpenAPI 3.0 form).",
  source: "providers.md §4.1 row 'type:[\"T\",\"null\"]' (Gemini responseSchema R, zed#53919)",
  scope: "node",
  defaults: {},
  node(v) {
    const t = v.node["type"];
    if (Array.isArray(t)) {
      const rest = typesOf(v.node).filter((x) => x !== "null");
      const how = rest.length === 1 ? `\`"type": ${JSON.stringify(rest[0])}, "nullable": true\`` : "`anyOf` of single types";
      return [{ pointer: `${v.pointer}/type`, export: "lowered", message: `type array ${JSON.stringify(t)}: export lowers it to ${how}` }];
    }
    if (t === "null") return [{ pointer: `${v.pointer}/type`, export: "lowered", message: '`"type": "null"` is not supported: export folds it into `nullable: true` on the sibling alternatives' }];
    return [];
  },
});
