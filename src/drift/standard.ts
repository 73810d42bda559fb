/**
 * Standard keywords (every draft we read, plus ajv's `discriminator` and OpenAPI's `nullable`): never "own"
 * keywords, so an unhandled one stays unknown even when unchanged (it may depend on its siblings, as
 * `unevaluatedProperties` does).
 */
export const STANDARD = new Set([
  "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
  "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required",
  "dependentRequired", "dependencies", "format", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas",
  "prefixItems", "items", "additionalItems", "contains", "properties", "patternProperties", "additionalProperties",
  "propertyNames", "unevaluatedItems", "unevaluatedProperties", "discriminator", "nullable",
]);
