/**
 * The texts of several schemas with their string annotations renamed: each `title`, `description` and `$comment`
 * of a schema object (the positions `annotationBlind` blanks, annotations.ts) that holds a string is written as a
 * token `@<n>`, numbered by the first appearance of that string across all the schemas given, in document order.
 * Everything else is written as it stands: key order kept, numbers as written (src/ir/exact.ts).
 *
 * Why: two pairs of schemas with equal token texts differ only by a one-to-one renaming of that annotation text,
 * the same renaming in both schemas of the pair. A computation that reads annotation text only to ask whether two
 * annotations are equal (drift: the annotation rules say "description changed", never what it says) gives the
 * same answer for both pairs, so its result can be cached under these texts (src/drift/cached-diff.ts) and an
 * edit of one description, which keeps which annotations are equal, finds it.
 *
 * A token cannot be confused with data: `@` starts no JSON value, and a string is written quoted.
 */
import { exactText } from "./exact.js";
import { isJsonObject, type JsonValue } from "./json.js";
import { keywordKind } from "./keywords.js";

const TEXT_ANNOTATIONS = new Set(["title", "description", "$comment"]);

export interface AnnotationTokens {
  /** One text per schema given, in order. */
  readonly texts: readonly string[];
  /** The renamed strings, token n at index n. */
  readonly annotations: readonly string[];
}

/** Throws RangeError on a schema nested past the stack (the caller then goes without a key). */
export function annotationTokens(schemas: readonly JsonValue[]): AnnotationTokens {
  const tokens = new Map<string, number>();
  const annotations: string[] = [];
  const token = (text: string): string => {
    let n = tokens.get(text);
    if (n === undefined) {
      n = annotations.length;
      tokens.set(text, n);
      annotations.push(text);
    }
    return `@${n}`;
  };
  // A member of a container: numbers through exactText (the side table is keyed by container and key).
  const data = (container: object, key: string | number): string => {
    const v = (container as Record<string, JsonValue>)[String(key)]!;
    if (typeof v === "number") return exactText(container, key)!;
    if (Array.isArray(v)) return `[${v.map((_, i) => data(v, i)).join(",")}]`;
    if (isJsonObject(v)) return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${data(v, k)}`).join(",")}}`;
    return JSON.stringify(v);
  };
  // The shapes of keywords.ts `mapKeyword`, as annotations.ts walks them.
  const map = (container: object, key: string, dependencies: boolean): string => {
    const v = (container as Record<string, JsonValue>)[key]!;
    if (!isJsonObject(v)) return data(container, key);
    return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${dependencies && Array.isArray(v[k]) ? data(v, k) : schema(v, k)}`).join(",")}}`;
  };
  const schema = (container: object, key: string | number): string => {
    const node = (container as Record<string, JsonValue>)[String(key)]!;
    if (!isJsonObject(node)) return data(container, key);
    const parts: string[] = [];
    for (const [k, value] of Object.entries(node)) {
      let text: string;
      if (TEXT_ANNOTATIONS.has(k) && typeof value === "string") text = token(value);
      else {
        switch (keywordKind(k)) {
          case "schema":
            text = schema(node, k);
            break;
          case "schema-array":
            text = Array.isArray(value) ? `[${value.map((_, i) => schema(value, i)).join(",")}]` : data(node, k);
            break;
          case "schema-or-array":
            text = Array.isArray(value) ? `[${value.map((_, i) => schema(value, i)).join(",")}]` : schema(node, k);
            break;
          case "schema-map":
            text = map(node, k, false);
            break;
          case "dependencies":
            text = map(node, k, true);
            break;
          default:
            text = data(node, k);
        }
      }
      parts.push(`${JSON.stringify(k)}:${text}`);
    }
    return `{${parts.join(",")}}`;
  };
  const texts = schemas.map((s) => schema([s], 0));
  return { texts, annotations };
}
