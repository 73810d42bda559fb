import { NAME_RULES } from "./keyword-tables.js";
import { defineProfile } from "./types.js";

/**
 * Non-strict tool `input_schema`: any valid 2020-12 schema (the compiler's meta-schema check covers that) with an
 * object root and no root combinators.
 * @see https://platform.claude.com/docs/en/build-with-claude/tool-use
 */
export const anthropic = defineProfile({
  id: "anthropic",
  title: "Anthropic tool input_schema (non-strict)",
  wire: "tools[].input_schema",
  rules: {
    "root-type-object": "error",
    "root-combinator": ["error", { keywords: ["anyOf", "oneOf", "allOf"] }],
    "regex-redos": "warn",
    "tool-name": ["error", NAME_RULES.openai],
  },
});
