/**
 * What export can do with a keyword a provider does not take. The table is the single source for the
 * `unsupported-keyword` / `dropped-keyword` split and for the exporter, so lint and export cannot disagree.
 *
 * - `drop`: the keyword only narrows the set of valid values (or is an annotation). Removing it widens the wire
 *   schema; the contract's validator still enforces it locally, and the loss manifest lists it.
 * - `anyOf`: `oneOf` is lowered to `anyOf` (exclusivity is then only checked locally).
 * - `none`: the keyword shapes the value (it adds properties or positions). Dropping it would make the model
 *   produce something else, so export refuses and lint reports an error.
 */
export type KeywordExport = "drop" | "anyOf" | "none";

export const KEYWORD_EXPORT: Readonly<Record<string, KeywordExport>> = {
  // assertions: narrowing only
  minLength: "drop", maxLength: "drop", pattern: "drop", format: "drop",
  minimum: "drop", maximum: "drop", exclusiveMinimum: "drop", exclusiveMaximum: "drop", multipleOf: "drop",
  minItems: "drop", maxItems: "drop", uniqueItems: "drop", contains: "drop", minContains: "drop", maxContains: "drop",
  minProperties: "drop", maxProperties: "drop", propertyNames: "drop", const: "drop",
  dependentRequired: "drop", dependentSchemas: "drop", dependencies: "drop", not: "drop", if: "drop", then: "drop", else: "drop",
  unevaluatedProperties: "drop", unevaluatedItems: "drop",
  // annotations and dialect
  default: "drop", examples: "drop", deprecated: "drop", readOnly: "drop", writeOnly: "drop", $comment: "drop",
  $schema: "drop", $id: "drop", $anchor: "drop", contentEncoding: "drop", contentMediaType: "drop", contentSchema: "drop",
  title: "drop", description: "drop", propertyOrdering: "drop",
  // combinators
  oneOf: "anyOf",
  allOf: "none", anyOf: "none", patternProperties: "none", prefixItems: "none", additionalItems: "none",
  $ref: "none", $defs: "none", definitions: "none", $dynamicRef: "none", $dynamicAnchor: "none", $recursiveRef: "none", $recursiveAnchor: "none",
  additionalProperties: "drop", properties: "none", required: "none", items: "none", type: "none", enum: "none",
};

/** Keywords export removes by inlining every (non-recursive) `$ref` where a profile cannot take references. */
export const REF_KEYWORDS: ReadonlySet<string> = new Set(["$ref", "$defs", "definitions"]);

export function keywordExport(keyword: string, inlineRefs = false): KeywordExport | "inline" {
  if (inlineRefs && REF_KEYWORDS.has(keyword)) return "inline";
  return KEYWORD_EXPORT[keyword] ?? "drop";
}

/** Keywords of each kind of provider answer, for the profile tables. `why` texts cite providers.md §4.1. */
export interface KeywordPolicy {
  /** Keywords the provider refuses (400) or ignores, each with the reason shown in the finding. */
  readonly deny?: Readonly<Record<string, string>>;
  /** When set, every keyword not listed here is denied too (Gemini's OpenAPI subset rejects unknown fields). */
  readonly allow?: readonly string[];
  readonly allowWhy?: string;
}

/** The reason a profile gives for a keyword, or undefined when the profile accepts it. */
export function denied(policy: KeywordPolicy, keyword: string): string | undefined {
  const why = policy.deny?.[keyword];
  if (why !== undefined) return why;
  if (policy.allow !== undefined && !policy.allow.includes(keyword)) return policy.allowWhy ?? "not in the provider's supported keyword list";
  return undefined;
}
