/**
 * A copy of a schema whose string `title`/`description`/`$comment` at schema positions are rewritten by `f`. Objects
 * shared in the input are shared in the copy (as `structuredClone` keeps them): the fast path's output follows
 * sharing (a table case reuses one object for many tuple items), and a schema read from a file shares none.
 */
import { keywordKind } from "../../src/ir/keywords.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../../src/ir/json.js";

export function reannotated(schema: JsonObject, f: (text: string) => string): JsonObject {
  const own = (o: JsonObject, k: string, v: JsonValue): void => void Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  const map = (value: JsonValue, deps: boolean): JsonValue => {
    if (!isJsonObject(value)) return value;
    const o: JsonObject = {};
    for (const [k, v] of Object.entries(value)) own(o, k, deps && Array.isArray(v) ? v : visit(v));
    return o;
  };
  const copies = new Map<JsonObject, JsonObject>();
  const visit = (node: JsonValue): JsonValue => {
    if (!isJsonObject(node)) return node;
    const known = copies.get(node);
    if (known !== undefined) return known;
    const o: JsonObject = {};
    copies.set(node, o);
    for (const [k, v] of Object.entries(node)) {
      const kind = keywordKind(k);
      if ((k === "title" || k === "description" || k === "$comment") && typeof v === "string") own(o, k, f(v));
      else if (kind === "schema") own(o, k, visit(v));
      else if (kind === "schema-array" || kind === "schema-or-array") own(o, k, Array.isArray(v) ? v.map(visit) : kind === "schema-or-array" ? visit(v) : v);
      else if (kind === "schema-map" || kind === "dependencies") own(o, k, map(v, kind === "dependencies"));
      else own(o, k, structuredClone(v));
    }
    return o;
  };
  return visit(schema) as JsonObject;
}
