import { FORMATS, GEMINI_JSON_DENY, NAME_RULES } from "./keyword-tables.js";
import { defineProfile } from "./types.js";

/** @see https://ai.google.dev/gemini-api/docs/structured-output (responseJsonSchema) */
export const gemini = defineProfile({
  id: "gemini",
  title: "Gemini responseJsonSchema / parametersJsonSchema",
  wire: "generationConfig.responseJsonSchema / functionDeclarations[].parametersJsonSchema",
  rules: {
    "root-type-object": ["error", { kinds: ["tool-arguments"] }],
    "unsupported-keyword": ["error", { deny: GEMINI_JSON_DENY }],
    "dropped-keyword": ["warn", { deny: GEMINI_JSON_DENY }],
    "unsupported-format": ["warn", { allowed: FORMATS.gemini }],
    "enum-value-types": ["error", { allowed: ["string", "number"] }],
    "ref-siblings": "error",
    "recursive-ref": ["error", { allowUnderOptional: true }],
    "regex-redos": "warn",
    "tool-name": ["error", NAME_RULES.gemini],
  },
});
