/**
 * The conjunction of several schemas written as one node, where that can be done exactly: what a source value
 * satisfies at once. Why: an anyOf/oneOf branch or allOf conjunct may be inside its target only together with
 * what stands beside it (dependabot's `commit-message`: an anyOf branch that declares no `mutation-added` key,
 * next to `additionalProperties: false` that already rejects it), and the engine compares one node with one node.
 *
 * Object keywords are merged per key: a key of any part's `properties` is held to that part's property schema, or
 * else to its `additionalProperties`, and to every other part's the same way (so `additionalProperties` keeps its
 * meaning without `patternProperties`); `required` lists are joined, `type`s intersected. Every other assertion
 * keyword of a part is kept whole in an `allOf` of the rests. A part with `patternProperties`, `unevaluated*` or a
 * `$ref` beside other keywords is not merged (undefined): its `additionalProperties` depends on more than names.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2.3
 */
import { carryLiterals } from "../../ir/exact.js";
import type { JsonObject, JsonValue } from "../../ir/json.js";
import { assertionKeys, isObj, jsonEqual, resolveRef } from "../schema.js";
import type { SchemaNode } from "../types.js";

const OBJECT_KEYS = new Set(["type", "properties", "required", "additionalProperties"]);
const OBJECT_ONLY = ["properties", "required", "additionalProperties"];
const MAX_PARTS = 12;
const REFUSED = ["nullable", "patternProperties", "unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$recursiveRef"];

const memo = new WeakMap<object, WeakMap<object, JsonObject | null>>();

/**
 * Nodes built here (meets, their `allOf`s and rests). Never met again: a meet of a meet (or of the `allOf` of two
 * property schemas inside one) is a new node at every proof level, and co-induction, which closes on node
 * identity, would never close on a recursive schema.
 */
const built = new WeakSet<object>();

export function isMeet(node: SchemaNode): boolean {
  return isObj(node) && built.has(node);
}

const besideMemo = new WeakMap<object, Map<string, JsonObject | null>>();

/**
 * The node without its `kw` (the keywords that stand beside a combinator); undefined if none. Memoised per `key`,
 * the node as written (not its normalized copy, which may be a new object per visit): the meets built from it, and
 * so the proof keys, must be the same objects at every visit, or co-induction never closes on recursive schemas.
 */
export function besideOf(key: SchemaNode, node: JsonObject, kw: string): JsonObject | undefined {
  if (!isObj(key) || built.has(key)) return undefined;
  let byKw = besideMemo.get(key);
  if (byKw === undefined) besideMemo.set(key, (byKw = new Map()));
  let hit = byKw.get(kw);
  if (hit === undefined) {
    const rest: JsonObject = {};
    for (const k of assertionKeys(node)) if (k !== kw) rest[k] = node[k]!;
    carryLiterals(node, rest); // numbers as written (src/ir/exact.ts)
    byKw.set(kw, (hit = Object.keys(rest).length > 0 ? rest : null));
  }
  return hit ?? undefined;
}

/** The meet of two nodes (memoised per pair, so proof keys stay stable); undefined when not exactly writable. */
export function meetOf(a: SchemaNode, b: SchemaNode, root: SchemaNode): JsonObject | undefined {
  if (!isObj(a) || !isObj(b)) return undefined;
  let byB = memo.get(a);
  if (byB === undefined) memo.set(a, (byB = new WeakMap()));
  let hit = byB.get(b);
  if (hit === undefined) byB.set(b, (hit = meet([a, b], root) ?? null));
  return hit ?? undefined;
}


export function meet(parts: readonly SchemaNode[], root: SchemaNode): JsonObject | undefined {
  if (parts.some((p) => isObj(p) && built.has(p))) return undefined;
  const nodes: JsonObject[] = [];
  for (const p of parts) {
    const n = bare(p, root);
    if (n === undefined) return undefined;
    if (n !== true) nodes.push(n);
  }
  // Nothing to merge per key (only rests: the meet would be the source's own allOf again), or too many parts to
  // prove against in bounded work (a long allOf of `not: {pattern}`s).
  if (nodes.length === 0 || nodes.length > MAX_PARTS || !nodes.some((n) => OBJECT_ONLY.some((k) => n[k] !== undefined))) return undefined;
  const keys = new Set<string>();
  for (const n of nodes) if (isObj(n["properties"])) for (const k of Object.keys(n["properties"])) keys.add(k);
  const out: JsonObject = {};
  const types = intersectTypes(nodes);
  if (types === null) return undefined;
  if (types !== undefined) out["type"] = types;
  const properties: JsonObject = {};
  for (const k of [...keys].sort()) {
    const held = nodes.flatMap((n): JsonValue[] => {
      const own = isObj(n["properties"]) ? (n["properties"] as JsonObject)[k] : undefined;
      const at = own ?? n["additionalProperties"];
      return at === undefined ? [] : [at];
    });
    properties[k] = all(held, root);
  }
  if (keys.size > 0) out["properties"] = properties;
  const extra = nodes.flatMap((n): JsonValue[] => (n["additionalProperties"] === undefined ? [] : [n["additionalProperties"]]));
  if (extra.length > 0) out["additionalProperties"] = all(extra, root);
  const required = [...new Set(nodes.flatMap((n) => (Array.isArray(n["required"]) ? (n["required"] as JsonValue[]).filter((x): x is string => typeof x === "string") : [])))].sort();
  if (required.length > 0) out["required"] = required;
  const rests = nodes.flatMap((n): JsonValue[] => {
    const rest: JsonObject = {};
    for (const k of assertionKeys(n)) if (!OBJECT_KEYS.has(k)) rest[k] = n[k]!;
    if (Object.keys(rest).length === 0) return [];
    built.add(rest);
    return [rest];
  });
  if (rests.length > 0) out["allOf"] = rests;
  built.add(out);
  return out;
}

/** A part behind bare `$ref`s; true for a part that constrains nothing; undefined for one not merged. */
function bare(node: SchemaNode, root: SchemaNode): JsonObject | true | undefined {
  let n: SchemaNode | undefined = node;
  for (let i = 0; i < 16 && isObj(n) && typeof n["$ref"] === "string"; i++) {
    if (assertionKeys(n).length !== 1) return undefined;
    n = resolveRef(root, n["$ref"])?.node;
  }
  if (n === true) return true;
  if (!isObj(n) || typeof n["$ref"] === "string") return undefined;
  if (REFUSED.some((k) => n[k] !== undefined)) return undefined;
  if (n["required"] !== undefined && !Array.isArray(n["required"])) return undefined; // draft-03 style
  return assertionKeys(n).length === 0 ? true : n;
}

/** The conjunction of subschemas: one written twice (a `$ref` to a property schema beside that schema) once. */
function all(list: readonly JsonValue[], root: SchemaNode): JsonValue {
  const seen: JsonValue[] = [];
  const kept = list.filter((x) => {
    let n: JsonValue | undefined = x;
    for (let i = 0; i < 16 && isObj(n) && typeof n["$ref"] === "string" && assertionKeys(n).length === 1; i++) n = resolveRef(root, n["$ref"])?.node;
    if (n === undefined || n === true || (isObj(n) && assertionKeys(n).length === 0) || seen.some((m) => m === n || jsonEqual(m, n))) return n === undefined;
    seen.push(n);
    return true;
  });
  if (kept.some((x) => x === false)) return false;
  if (kept.length === 0) return true;
  if (kept.length === 1) return kept[0]!;
  const both: JsonObject = { allOf: kept };
  built.add(both);
  return both;
}

/** The types every part allows (undefined: no part says; null: none left). */
function intersectTypes(nodes: readonly JsonObject[]): string[] | undefined | null {
  let acc: Set<string> | undefined;
  for (const n of nodes) {
    const t = n["type"];
    if (t === undefined) continue;
    const list = new Set((Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === "string"));
    if (list.has("number")) list.add("integer");
    if (acc === undefined) acc = list;
    else acc = new Set([...acc].filter((x) => list.has(x)));
  }
  if (acc === undefined) return undefined;
  // "integer" was added beside "number" only to intersect; keep "number" alone where both are left.
  if (acc.has("number")) acc.delete("integer");
  return acc.size === 0 ? null : [...acc].sort();
}
