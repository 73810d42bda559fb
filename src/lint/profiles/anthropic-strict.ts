import { ANTHROPIC_STRICT_DENY, FORMATS, NAME_RULES } from "./keyword-tables.js";
import { defineProfile } from "./types.js";

/** @see https://platform.claude.com/docs/en/build-with-claude/structured-outputs (JSON Schema limitations, Schema complexity limits) */
export const anthropicStrict = defineProfile({
  id: "anthropic-strict",
  title: "Anthropic structured outputs and strict tool use",
  wire: "output_config.format (json_schema) / tools[].input_schema with strict: true",
  rules: {
    "root-type-object": "error",
    "root-combinator": "error",
    "additional-properties-missing": "warn",
    "additional-properties-open": "error",
    "unsupported-keyword": ["error", { deny: ANTHROPIC_STRICT_DENY }],
    "dropped-keyword": ["warn", { deny: ANTHROPIC_STRICT_DENY }],
    "unsupported-format": ["warn", { allowed: FORMATS.anthropic }],
    "enum-value-types": ["error", { allowed: ["string", "number", "boolean", "null"] }],
    "allof-ref": "error",
    "recursive-ref": "error",
    "min-items-limit": "warn",
    "regex-portability": "warn",
    "regex-redos": "warn",
    "tool-name": ["error", NAME_RULES.openai],
    "toolset-tool-count": ["error", { max: 20 }],
    "toolset-optional-params": "error",
    "toolset-union-params": "error",
  },
});
