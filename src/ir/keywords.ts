import { isJsonObject, pointerAppend, type JsonObject, type JsonValue } from "./json.js";

/**
 * How a keyword holds subschemas. Schemas are walked by keyword position only: `enum`, `const`, `default`,
 * `examples` and unknown keywords are data, so a `$ref` key inside them is never a reference.
 */
export type KeywordKind =
  /** One schema. */
  | "schema"
  /** An object whose every value is a schema (`properties`, `$defs`, ...). */
  | "schema-map"
  /** An array of schemas. */
  | "schema-array"
  /** A schema, or an array of schemas (the `items: [...]` tuple form of draft-04 to 2019-09). */
  | "schema-or-array"
  /** An object whose values are schemas or arrays of property names (`dependencies`, draft-04 to draft-07). */
  | "dependencies";

const KINDS: ReadonlyMap<string, KeywordKind> = new Map<string, KeywordKind>([
  ...(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"] as const).map(
    (k) => [k, "schema-map"] as const,
  ),
  ...(["prefixItems", "allOf", "anyOf", "oneOf"] as const).map((k) => [k, "schema-array"] as const),
  ...(
    [
      "additionalProperties",
      "additionalItems",
      "unevaluatedProperties",
      "unevaluatedItems",
      "contains",
      "propertyNames",
      "not",
      "if",
      "then",
      "else",
      "contentSchema",
    ] as const
  ).map((k) => [k, "schema"] as const),
  ["items", "schema-or-array"],
  ["dependencies", "dependencies"],
]);

export function keywordKind(keyword: string): KeywordKind | undefined {
  return KINDS.get(keyword);
}

/**
 * Rebuilds one keyword value, passing each subschema it holds through `schema` and every other part through
 * `data`. The single place that decides what is a schema, so the indexer and the bundler cannot disagree.
 * A value of the wrong shape (e.g. `allOf: {}`) is data; the meta-schema check reports it later.
 */
export function mapKeyword(
  kind: KeywordKind,
  value: JsonValue,
  pointer: string,
  schema: (value: JsonValue, pointer: string) => JsonValue,
  data: (value: JsonValue) => JsonValue,
): JsonValue {
  const each = (list: JsonValue[]) => list.map((v, i) => schema(v, pointerAppend(pointer, i)));
  switch (kind) {
    case "schema":
      return schema(value, pointer);
    case "schema-array":
      return Array.isArray(value) ? each(value) : data(value);
    case "schema-or-array":
      return Array.isArray(value) ? each(value) : schema(value, pointer);
    case "schema-map":
    case "dependencies": {
      if (!isJsonObject(value)) return data(value);
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] = kind === "dependencies" && Array.isArray(v) ? data(v) : schema(v, pointerAppend(pointer, k));
      }
      return out;
    }
  }
}

/** Direct subschemas of a schema object, in key order. */
export function subschemas(node: JsonObject, pointer: string): [JsonValue, string][] {
  const out: [JsonValue, string][] = [];
  for (const [key, value] of Object.entries(node)) {
    const kind = keywordKind(key);
    if (kind === undefined) continue;
    mapKeyword(
      kind,
      value,
      pointerAppend(pointer, key),
      (v, p) => (out.push([v, p]), v),
      (v) => v,
    );
  }
  return out;
}
