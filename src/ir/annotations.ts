/**
 * A schema with the text of its string annotations blanked: each `title`, `description` and `$comment` of a schema
 * object (a keyword position, see keywords.ts; never a property named so, nor data in `enum`/`const`/`default`)
 * that holds a string holds "" instead. Two schemas alike but for that text have one blind form.
 *
 * Why: what the validator compiler and drift's input checks decide does not read that text. The draft meta-schemas
 * require only that these keywords hold strings (a string stays a string here, and `description: 5` is left as it
 * is, so its refusal is found again), patterns, tuples and `$ref` cycles live in other keywords, and validation
 * ignores annotations. So a result computed for one schema holds for every schema of its blind form, and can be
 * cached under it (src/compile/validator-cache.ts, src/drift/inputs.ts).
 *
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-9 (annotations: title, description)
 */
import { canonicalJson, isJsonObject, type JsonObject, type JsonValue } from "./json.js";
import { keywordKind } from "./keywords.js";

const TEXT_ANNOTATIONS = new Set(["title", "description", "$comment"]);

export interface BlindSchema {
  /** Canonical JSON of the blind form. */
  readonly text: string;
  /** The blanked strings, in document order (non-empty ones only). */
  readonly blanked: readonly string[];
}

export function annotationBlind(schema: JsonValue): BlindSchema {
  const blanked: string[] = [];
  const own = (out: JsonObject, key: string, value: JsonValue): void => {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  };
  // The shapes of keywords.ts `mapKeyword`, with own keys (a `__proto__` property must stay a property).
  const map = (value: JsonValue, dependencies: boolean): JsonValue => {
    if (!isJsonObject(value)) return value;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) own(out, k, dependencies && Array.isArray(v) ? v : visit(v));
    return out;
  };
  const visit = (node: JsonValue): JsonValue => {
    if (!isJsonObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (TEXT_ANNOTATIONS.has(key) && typeof value === "string") {
        if (value !== "") blanked.push(value);
        own(out, key, "");
        continue;
      }
      switch (keywordKind(key)) {
        case "schema":
          own(out, key, visit(value));
          break;
        case "schema-array":
          own(out, key, Array.isArray(value) ? value.map(visit) : value);
          break;
        case "schema-or-array":
          own(out, key, Array.isArray(value) ? value.map(visit) : visit(value));
          break;
        case "schema-map":
          own(out, key, map(value, false));
          break;
        case "dependencies":
          own(out, key, map(value, true));
          break;
        default:
          own(out, key, value);
      }
    }
    return out;
  };
  return { text: canonicalJson(visit(schema)), blanked };
}
