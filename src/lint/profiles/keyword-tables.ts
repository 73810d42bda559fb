/**
 * Keyword tables per provider, from providers.md §4.1. Kept apart from the profiles so `portable` can be built
 * as their union and tests can pin each row.
 */
const each = (keywords: readonly string[], why: string): Record<string, string> => Object.fromEntries(keywords.map((k) => [k, why]));

export const OPENAI_STRICT_DENY: Readonly<Record<string, string>> = {
  ...each(["allOf", "not", "dependentRequired", "dependentSchemas", "dependencies", "if", "then", "else"], "is not supported by OpenAI strict mode"),
  oneOf: "is rejected by OpenAI strict mode (\"'oneOf' is not permitted\")",
  ...each(["uniqueItems", "propertyNames", "patternProperties", "minProperties", "maxProperties", "unevaluatedProperties", "unevaluatedItems"], "is rejected by OpenAI strict mode"),
  ...each(["contains", "minContains", "maxContains", "prefixItems"], "is not in OpenAI's supported keyword list"),
  ...each(["minLength", "maxLength"], "is not in OpenAI's documented keyword list (accepted in probes, not guaranteed)"),
  default: "is rejected by Azure OpenAI (and was by api.openai.com until 2025)",
};

export const ANTHROPIC_STRICT_DENY: Readonly<Record<string, string>> = {
  ...each(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"], "is not supported by Anthropic strict mode (no numeric constraints)"),
  ...each(["minLength", "maxLength"], "is not supported by Anthropic strict mode (no string length constraints)"),
  ...each(["maxItems", "uniqueItems", "contains", "minContains", "maxContains", "prefixItems"], "is not supported by Anthropic strict mode (only minItems 0/1 among array constraints)"),
  ...each(["propertyNames", "patternProperties", "minProperties", "maxProperties", "unevaluatedProperties", "unevaluatedItems"], "is not supported by Anthropic strict mode"),
  ...each(["not", "if", "then", "else", "dependentRequired", "dependentSchemas", "dependencies", "oneOf"], "is not in Anthropic's supported keyword list"),
};

export const GEMINI_JSON_DENY: Readonly<Record<string, string>> = {
  ...each(
    ["const", "pattern", "minLength", "maxLength", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "uniqueItems", "contains", "minContains", "maxContains", "minProperties", "maxProperties", "propertyNames", "patternProperties", "unevaluatedProperties", "unevaluatedItems", "not", "if", "then", "else", "dependentRequired", "dependentSchemas", "dependencies", "default"],
    "is ignored by Gemini responseJsonSchema (not in its supported keyword list)",
  ),
  allOf: "is ignored by Gemini responseJsonSchema (not in its supported keyword list)",
};

/** Gemini `Schema` (OpenAPI subset): any other field is a 400 "Invalid JSON payload received. Unknown name". */
export const GEMINI_OPENAPI_ALLOW: readonly string[] = [
  "type", "format", "title", "description", "nullable", "enum", "maxItems", "minItems", "properties", "required",
  "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "example", "anyOf", "propertyOrdering",
  "default", "items", "minimum", "maximum",
];
export const GEMINI_OPENAPI_WHY = 'is rejected by Gemini\'s OpenAPI schema ("Invalid JSON payload received. Unknown name")';

export const FORMATS = {
  openai: ["date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid"],
  anthropic: ["date-time", "time", "date", "duration", "email", "hostname", "uri", "ipv4", "ipv6", "uuid"],
  gemini: ["date-time", "date", "time"],
  geminiOpenapi: ["date-time", "enum", "float", "double", "int32", "int64"],
  portable: ["date-time"],
} as const;

export const NAME_RULES = {
  openai: { pattern: "^[a-zA-Z0-9_-]{1,64}$", rule: "1-64 characters of letters, digits, `_` and `-`" },
  gemini: { pattern: "^[A-Za-z_][A-Za-z0-9_.-]{0,63}$", rule: "at most 64 characters of letters, digits, `_`, `.`, `-`, starting with a letter or `_`" },
  mcp: { pattern: "^[A-Za-z0-9_.-]{1,128}$", rule: "1-128 characters of letters, digits, `_`, `.` and `-`" },
  portable: { pattern: "^[A-Za-z_][A-Za-z0-9_-]{0,63}$", rule: "at most 64 characters of letters, digits, `_` and `-`, starting with a letter or `_`" },
} as const;
