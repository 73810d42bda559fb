import { FORMATS, NAME_RULES, OPENAI_STRICT_DENY } from "./keyword-tables.js";
import { defineProfile } from "./types.js";

/** @see https://developers.openai.com/api/docs/guides/structured-outputs (Supported schemas) */
export const openaiStrict = defineProfile({
  id: "openai-strict",
  title: "OpenAI Structured Outputs and strict function calling",
  wire: "response_format json_schema (strict: true) / function tool parameters (strict: true)",
  rules: {
    "root-type-object": "error",
    "root-combinator": "error",
    "optional-property": "warn",
    "additional-properties-missing": "warn",
    "additional-properties-open": "error",
    "unsupported-keyword": ["error", { deny: OPENAI_STRICT_DENY }],
    "dropped-keyword": ["warn", { deny: OPENAI_STRICT_DENY }],
    "unsupported-format": ["warn", { allowed: FORMATS.openai }],
    "enum-string-size": "error",
    "regex-redos": "warn",
    "tool-name": ["error", NAME_RULES.openai],
    "max-properties": "error",
    "max-nesting": "error",
    "max-string-size": "error",
    "max-enum-values": "error",
    "toolset-tool-count": ["error", { max: 128 }],
    "toolset-size": "error",
  },
});
