/**
 * `not` folded into positive keywords where its complement can be written: `not: {type: T}` is the other types
 * (`not: {type: "null"}` ≡ the five others), `not: {enum: E}` next to listable values (shared/finite.ts) removes E
 * from them, `not: {enum: E}` whose values the node's types exclude says nothing, and `not: {not: S}` is S. Each
 * rewrite is an equivalence, so rules then compare positive keywords (drift-rules.md rule 38: meaning, not text).
 * The folded node is memoised per node object, like normalizeNode, so node identities stay stable.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.4
 */
import { hasLiterals } from "../../ir/exact.js";
import type { Draft, JsonObject, JsonValue } from "../../ir/json.js";
import { normalizeNode } from "../normalize.js";
import { ALL_TYPES, assertionKeys, isObj, jsonEqual, typesOf, type BasicType } from "../schema.js";
import type { SchemaNode } from "../types.js";
import { finiteValues, typeAdmits } from "./finite.js";

const memo = new Map<Draft, WeakMap<object, SchemaNode>>();

export function foldNot(node: SchemaNode, draft: Draft): SchemaNode {
  if (typeof node === "boolean" || node["not"] === undefined) return node;
  let byNode = memo.get(draft);
  if (byNode === undefined) memo.set(draft, (byNode = new WeakMap()));
  let out = byNode.get(node);
  if (out === undefined) byNode.set(node, (out = foldOnce(node, draft)));
  return out;
}

function foldOnce(node: JsonObject, draft: Draft): SchemaNode {
  const raw = node["not"];
  // A `$ref` is judged where it points (the engine pairs `not` contravariantly); booleans are the engine's.
  if (!isObj(raw) || typeof raw["$ref"] === "string") return node;
  const neg = foldNot(normalizeNode(raw, draft), draft);
  if (typeof neg === "boolean") return node;
  // Numbers held inexactly (src/ir/exact.ts) would lose their literals in the rewritten copies: not folded.
  if (hasLiterals(node) || hasLiterals(neg) || (Array.isArray(neg["enum"]) && hasLiterals(neg["enum"]))) return node;
  const keys = assertionKeys(neg);
  const rest: JsonObject = { ...node };
  delete rest["not"];
  // `not` hides its subschema's annotations and `allOf` does not: never next to unevaluated* keywords.
  if (keys.length === 1 && keys[0] === "not" && rest["unevaluatedProperties"] === undefined && rest["unevaluatedItems"] === undefined) {
    rest["allOf"] = [neg["not"] as JsonValue, ...(Array.isArray(rest["allOf"]) ? rest["allOf"] : [])];
    return foldNot(normalizeNode(rest, draft), draft);
  }
  if (keys.length === 1 && keys[0] === "type" && Array.isArray(neg["type"])) return complementType(node, rest, neg["type"] as BasicType[]);
  if (keys.length === 1 && keys[0] === "enum" && Array.isArray(neg["enum"])) return withoutValues(node, rest, neg["enum"]);
  return node;
}

/**
 * `not: {type: T}`: the node's types minus T. An integer-only T has no complement as a type list (1.5 stays a
 * number) unless the node's own types hold no "number".
 */
function complementType(node: JsonObject, rest: JsonObject, excluded: readonly BasicType[]): SchemaNode {
  const t = new Set(excluded);
  const own = Array.isArray(rest["type"]) ? (rest["type"] as BasicType[]) : undefined;
  if (t.has("integer") && !t.has("number")) {
    if (own === undefined || own.includes("number")) return node;
    return { ...rest, type: own.filter((x) => !t.has(x)) };
  }
  const comp = ALL_TYPES.filter((x) => !t.has(x));
  const kept = own === undefined ? comp : own.filter((x) => (x === "integer" ? comp.includes("number") : comp.includes(x)));
  return { ...rest, type: [...kept].sort() };
}

/**
 * `not: {enum: E}`: E removed from listable values. Otherwise the types whose every value E lists (null; true and
 * false) leave the type list, and the `not` is dropped when none of the rest of E has a type the node allows.
 */
function withoutValues(node: JsonObject, rest: JsonObject, excluded: readonly JsonValue[]): SchemaNode {
  const listed = finiteValues(rest);
  const has = (v: JsonValue): boolean => excluded.some((w) => jsonEqual(v, w));
  if (listed !== undefined) return { ...rest, enum: listed.filter((v) => !has(v)) };
  const gone = new Set<BasicType>();
  if (has(null)) gone.add("null");
  if (has(true) && has(false)) gone.add("boolean");
  const own = Array.isArray(rest["type"]) ? (rest["type"] as BasicType[]) : ALL_TYPES;
  const out: JsonObject = gone.size === 0 ? rest : { ...rest, type: own.filter((x) => !gone.has(x)) };
  const left = excluded.filter((v) => (v !== null && typeof v !== "boolean") || !gone.has(v === null ? "null" : "boolean"));
  if (left.every((v) => !typeAdmits(typesOf(out), v))) return out;
  return gone.size === 0 ? node : { ...out, not: { enum: left } };
}
