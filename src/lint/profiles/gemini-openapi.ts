import { FORMATS, GEMINI_OPENAPI_ALLOW, GEMINI_OPENAPI_WHY, NAME_RULES } from "./keyword-tables.js";
import { defineProfile } from "./types.js";

/** @see https://ai.google.dev/api/caching#Schema ("select subset of an OpenAPI 3.0 schema object") */
export const geminiOpenapi = defineProfile({
  id: "gemini-openapi",
  title: "Gemini responseSchema / parameters (OpenAPI 3.0 subset)",
  wire: "generationConfig.responseSchema / functionDeclarations[].parameters",
  rules: {
    "root-type-object": ["error", { kinds: ["tool-arguments"] }],
    "unsupported-keyword": ["error", { allow: GEMINI_OPENAPI_ALLOW, allowWhy: GEMINI_OPENAPI_WHY, inlineRefs: true }],
    "dropped-keyword": ["warn", { allow: GEMINI_OPENAPI_ALLOW, allowWhy: GEMINI_OPENAPI_WHY, inlineRefs: true }],
    "unsupported-format": ["warn", { allowed: FORMATS.geminiOpenapi }],
    "enum-value-types": ["error", { allowed: ["string"] }],
    "type-array": "warn",
    "recursive-ref": "error",
    "regex-redos": "warn",
    "tool-name": ["error", NAME_RULES.gemini],
  },
});
