/** JSON values as they come out of a schema file. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON Schema drafts we compile. A file without `$schema` is 2020-12. */
export type Draft = "draft-07" | "2019-09" | "2020-12";

export const DRAFT_URIS: Readonly<Record<Draft, readonly string[]>> = {
  "draft-07": ["http://json-schema.org/draft-07/schema", "http://json-schema.org/draft-07/schema#"],
  "2019-09": ["https://json-schema.org/draft/2019-09/schema", "https://json-schema.org/draft/2019-09/schema#"],
  "2020-12": ["https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2020-12/schema#"],
};

/** Returns the draft a `$schema` URI names, or undefined for an unknown one. */
export function draftOf(uri: string | undefined): Draft | undefined {
  if (uri === undefined) return "2020-12";
  for (const [draft, uris] of Object.entries(DRAFT_URIS) as [Draft, readonly string[]][]) {
    if (uris.includes(uri)) return draft;
  }
  return undefined;
}

/** Appends one reference token to a JSON pointer (RFC 6901 escaping). */
export function pointerAppend(pointer: string, token: string | number): string {
  return `${pointer}/${String(token).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** Splits a JSON pointer into unescaped tokens. `""` is the root. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Canonical JSON: keys sorted by code unit, no whitespace. The contract hash is sha256 of this text. */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as JsonValue)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
