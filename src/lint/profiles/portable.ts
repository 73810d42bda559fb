import { ANTHROPIC_STRICT_DENY, FORMATS, GEMINI_JSON_DENY, NAME_RULES, OPENAI_STRICT_DENY } from "./keyword-tables.js";
import { defineProfile } from "./types.js";

const DENY = { ...GEMINI_JSON_DENY, ...ANTHROPIC_STRICT_DENY, ...OPENAI_STRICT_DENY };

/** The strictest common subset (providers.md §4.3): what one schema sent everywhere must satisfy. */
export const portable = defineProfile({
  id: "portable",
  title: "Strictest common subset of OpenAI strict, Anthropic strict and Gemini",
  wire: "any of the above",
  rules: {
    "root-type-object": "error",
    "root-combinator": "error",
    "optional-property": "warn",
    "additional-properties-missing": "warn",
    "additional-properties-open": "error",
    "unsupported-keyword": ["error", { deny: DENY }],
    "dropped-keyword": ["warn", { deny: DENY }],
    "unsupported-format": ["warn", { allowed: FORMATS.portable }],
    "enum-value-types": ["error", { allowed: ["string"] }],
    "enum-string-size": "error",
    "ref-siblings": "error",
    "allof-ref": "error",
    "recursive-ref": "error",
    "min-items-limit": "warn",
    "regex-portability": "warn",
    "regex-redos": "warn",
    "tool-name": ["error", NAME_RULES.portable],
    "max-properties": "error",
    "max-nesting": "error",
    "max-string-size": "error",
    "max-enum-values": "error",
    "toolset-tool-count": ["error", { max: 20 }],
    "toolset-optional-params": "error",
    "toolset-union-params": "error",
    "toolset-size": "error",
  },
});
