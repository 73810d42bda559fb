/**
 * Keywords real schemas carry that no validator checks and that we accept without a finding. They stay in the
 * bundled schema (and so in `<Name>Schema` and the hash); the validator ignores them, as ajv does outside strict
 * mode.
 *
 * Chosen from what SchemaStore schemas (`../shared/corpus/schemastore`) and real tool schemas use, and from
 * the editors and generators that read them:
 * - OpenAPI 3.x: `example`, `discriminator`, `xml`, `externalDocs` (`nullable` is a keyword ajv implements);
 * - VS Code JSON language service: `markdownDescription`, `enumDescriptions`, `markdownEnumDescriptions`,
 *   `defaultSnippets`, `deprecationMessage`, `errorMessage`, `patternErrorMessage`, `doNotSuggest`,
 *   `suggestSortText`, `allowComments`, `allowTrailingCommas`;
 * - any `x-*` vendor extension (OpenAPI, IntelliJ `x-intellij-*`, Taplo `x-taplo`, Tombi `x-tombi-*`).
 *
 * Not here on purpose: `tsType` and `tsEnumNames`. json-schema-to-typescript would paste `tsType` text into code;
 * our types emitter ignores both, so a schema relying on them gets a finding instead of a type it did not ask for.
 */
const ANNOTATIONS: ReadonlySet<string> = new Set([
  "example",
  "discriminator",
  "xml",
  "externalDocs",
  "markdownDescription",
  "enumDescriptions",
  "markdownEnumDescriptions",
  "defaultSnippets",
  "deprecationMessage",
  "errorMessage",
  "patternErrorMessage",
  "doNotSuggest",
  "suggestSortText",
  "allowComments",
  "allowTrailingCommas",
]);

/** True for a keyword accepted silently as an annotation. */
export function isAnnotation(keyword: string): boolean {
  return keyword.startsWith("x-") || ANNOTATIONS.has(keyword);
}

/**
 * Keywords of some JSON Schema draft. One of them in a schema of another draft is not a typo of a neighbour
 * (`id` is not a misspelt `$id`, `definitions` not a misspelt `$defs`): it is reported as unknown, not refused.
 */
export const DRAFT_KEYWORDS: ReadonlySet<string> = new Set([
  "id",
  "$schema",
  "$id",
  "$ref",
  "$comment",
  "$defs",
  "definitions",
  "$anchor",
  "$dynamicAnchor",
  "$dynamicRef",
  "$recursiveAnchor",
  "$recursiveRef",
  "$vocabulary",
  "additionalItems",
  "prefixItems",
  "items",
  "dependencies",
  "dependentRequired",
  "dependentSchemas",
  "unevaluatedProperties",
  "unevaluatedItems",
  "minContains",
  "maxContains",
  "contentSchema",
  "contentMediaType",
  "contentEncoding",
  "exclusiveMinimum",
  "exclusiveMaximum",
]);
