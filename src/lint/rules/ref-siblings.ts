import { KEYWORD_EXPORT } from "../keywords.js";
import { defineRule } from "../types.js";

const ANNOTATIONS = new Set(["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly"]);

/** Gemini: "If `$ref` is set on a sub-schema, no other properties, except… starting as a `$`, may be set". */
export const refSiblings = defineRule<Record<string, never>>({
  id: "ref-siblings",
  purpose: "A `$ref` node holds nothing else except `$`-keywords.",
  source: "providers.md §4.1 note on Gemini responseJsonSchema `$ref`",
  scope: "node",
  defaults: {},
  node(v) {
    if (typeof v.node["$ref"] !== "string") return [];
    return Object.keys(v.node)
      .filter((k) => !k.startsWith("$"))
      .map((k) =>
        ANNOTATIONS.has(k)
          ? { pointer: `${v.pointer}/${k}`, export: "dropped" as const, message: `\`${k}\` beside \`$ref\`: export drops it; move it into the referenced definition` }
          : {
              pointer: `${v.pointer}/${k}`,
              ...(KEYWORD_EXPORT[k] === "drop" ? { export: "dropped" as const } : {}),
              message: `\`${k}\` beside \`$ref\`: move it into the referenced definition or wrap both in \`anyOf\` with one branch`,
            },
      );
  },
});
