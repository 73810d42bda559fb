/**
 * Whether a property name is certainly rejected by a `propertyNames` schema: a name one side requires that the
 * other side's `propertyNames` rejects tells the two apart (lsdlschema's phrasings: each requires its own key, and
 * every other phrasing's `propertyNames` lists the keys it allows). Sufficient only: false when unsure.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.4
 */
import type { JsonValue } from "../../ir/json.js";
import { hasName, patternLanguage } from "../regex.js";
import { jsonEqual } from "../schema.js";
import type { SchemaNode } from "../types.js";
import { resolve, type Root } from "./resolve.js";

const MAX_DEPTH = 8;

export function nameRejected(schema: SchemaNode, name: string, r: Root, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const n = resolve(schema, r);
  if (typeof n === "boolean") return !n;
  const t = n["type"];
  if (t !== undefined && !(Array.isArray(t) ? t.includes("string") : t === "string")) return true;
  if (Array.isArray(n["enum"]) && !n["enum"].some((v: JsonValue) => jsonEqual(v, name))) return true;
  if (Object.hasOwn(n, "const") && !jsonEqual(n["const"], name)) return true;
  const length = [...name].length;
  if (typeof n["minLength"] === "number" && length < n["minLength"]) return true;
  if (typeof n["maxLength"] === "number" && length > n["maxLength"]) return true;
  if (typeof n["pattern"] === "string") {
    const language = patternLanguage(n["pattern"]);
    if (language !== undefined && !hasName(language, name)) return true;
  }
  const all = (kw: string): SchemaNode[] => (Array.isArray(n[kw]) ? (n[kw] as SchemaNode[]) : []);
  if (all("allOf").some((c) => nameRejected(c, name, r, depth + 1))) return true;
  for (const kw of ["anyOf", "oneOf"]) {
    const list = all(kw);
    if (list.length > 0 && list.every((c) => nameRejected(c, name, r, depth + 1))) return true;
  }
  return false;
}
