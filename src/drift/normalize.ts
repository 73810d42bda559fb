/**
 * Normal form of one schema node before pairing, so that spellings with the same meaning compare equal:
 * `const` → `enum`, draft-07/2019-09 tuple `items: [...]` → `prefixItems`, `additionalItems` → `items`,
 * `dependencies` → `dependentRequired`/`dependentSchemas`, `type` as a sorted array, one-branch combinators
 * unwrapped, `anyOf`/`oneOf` of bare types → a type array, and `[T, "null"]` in its three spellings.
 * Why: rule 38/3 of drift-rules.md (compare meaning, not text). Only local rewrites: children stay as they are.
 */
import { carryLiteral, carryLiterals, exactMemberEqual } from "../ir/exact.js";
import { exactKey } from "../ir/exact-key.js";
import type { Draft, JsonObject, JsonValue } from "../ir/json.js";
import { dialectOf } from "./dialect.js";
import { assertionKeys, isObj, jsonEqual } from "./schema.js";
import type { SchemaNode } from "./types.js";

/** Keywords that only mean something next to siblings: never merge a combinator branch holding them. */
const SIBLING_SENSITIVE = new Set(["additionalProperties", "unevaluatedProperties", "unevaluatedItems", "items", "additionalItems", "prefixItems", "$ref", "$dynamicRef", "$recursiveRef", "if", "then", "else", "contains", "minContains", "maxContains"]);

const memo = new Map<string, WeakMap<object, SchemaNode>>();

/**
 * Memoised per node object and draft: the same node always normalizes to the same object, so node identities
 * (memo keys and the co-inductive assumptions of the engine) are stable across visits of a recursive schema.
 */
export function normalizeNode(node: SchemaNode, draft: Draft): SchemaNode {
  if (typeof node === "boolean") return node;
  let byNode = memo.get(draft);
  if (byNode === undefined) memo.set(draft, (byNode = new WeakMap()));
  let out = byNode.get(node);
  if (out === undefined) byNode.set(node, (out = normalizeOnce(node, draft)));
  return out;
}

function normalizeOnce(node: Exclude<SchemaNode, boolean>, draft: Draft): SchemaNode {
  const dialect = dialectOf(draft);
  let out: JsonObject = copy(node);
  // A keyword the draft's validator does not have is ignored by it: an annotation here too.
  for (const k of dialect.absent) delete out[k];
  // `$ref` next to other assertions is one more conjunct, in every draft: the generated validators (ajv) apply
  // the siblings even where the spec (before 2019-09) says they are ignored, and drift judges what is enforced.
  if (typeof out["$ref"] === "string" && assertionKeys(out).some((k) => k !== "$ref")) {
    const ref: JsonObject = { $ref: out["$ref"] };
    delete out["$ref"];
    out["allOf"] = [ref, ...(Array.isArray(out["allOf"]) ? out["allOf"] : [])];
  }
  if (out["const"] !== undefined) {
    const c = out["const"];
    const e = out["enum"];
    // Numbers as written (src/ir/exact.ts): `const: 9007199254740993` is not `enum: [9007199254740992]`.
    const list: JsonValue[] = [];
    if (Array.isArray(e)) e.forEach((v, i) => exactMemberEqual(e, i, node, "const") && (carryLiteral(e, i, list, list.length), list.push(v)));
    else (carryLiteral(node, "const", list, 0), list.push(c));
    out["enum"] = list;
    delete out["const"];
  }
  if (Array.isArray(out["enum"])) out["enum"] = dedupe(out["enum"]);
  if (dialect.booleanExclusive) {
    out = exclusiveBounds(out);
    // Branches first too: a one-branch combinator is merged below, and a boolean bound merged raw would be read
    // as inclusive (`allOf: [{minimum: 5, exclusiveMinimum: true}]` is (5, ∞), not [5, ∞)).
    for (const kw of ["anyOf", "oneOf", "allOf"] as const) {
      const list = out[kw];
      if (Array.isArray(list) && list.some(hasBooleanBound)) out[kw] = list.map((b) => (hasBooleanBound(b) ? exclusiveBounds(b as JsonObject) : b));
    }
  }
  if (dialect.tupleItems) {
    if (Array.isArray(out["items"])) {
      out["prefixItems"] = out["items"];
      if (out["additionalItems"] !== undefined) out["items"] = out["additionalItems"];
      else delete out["items"];
    }
    delete out["additionalItems"]; // without a tuple it has no effect (rule 43)
  }
  const deps = out["dependencies"];
  if (isObj(deps)) {
    const req: JsonObject = isObj(out["dependentRequired"]) ? { ...out["dependentRequired"] } : {};
    const sch: JsonObject = isObj(out["dependentSchemas"]) ? { ...out["dependentSchemas"] } : {};
    for (const [k, v] of Object.entries(deps)) (Array.isArray(v) ? req : sch)[k] = v;
    delete out["dependencies"];
    if (Object.keys(req).length > 0) out["dependentRequired"] = req;
    if (Object.keys(sch).length > 0) out["dependentSchemas"] = sch;
  }
  for (const kw of ["anyOf", "oneOf", "allOf"] as const) out = unwrapSingle(out, kw);
  out = typeUnion(out, "anyOf");
  out = typeUnion(out, "oneOf");
  out = nullable(out, "anyOf");
  out = nullable(out, "oneOf");
  if (typeof out["type"] === "string") out["type"] = [out["type"]];
  if (Array.isArray(out["type"])) out["type"] = [...new Set(out["type"] as string[])].sort();
  return out;
}

function hasBooleanBound(b: JsonValue): boolean {
  return isObj(b) && (typeof b["exclusiveMinimum"] === "boolean" || typeof b["exclusiveMaximum"] === "boolean");
}

/** draft-04 `exclusiveMinimum: true` next to `minimum: m` ≡ `exclusiveMinimum: m`; `false` ≡ absent. */
function exclusiveBounds(node: JsonObject): JsonObject {
  const out: JsonObject = copy(node);
  for (const [ex, inc] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
    if (typeof out[ex] !== "boolean") continue;
    if (out[ex] === true && typeof out[inc] === "number") {
      out[ex] = out[inc] as number;
      carryLiteral(node, inc, out, ex);
      delete out[inc];
    } else delete out[ex];
  }
  return out;
}

/**
 * Exact (numbers as written), so values that differ only beyond double precision both stay. Linear: one key per
 * value (src/ir/exact-key.ts), not every value compared with every other.
 */
function dedupe(values: JsonValue[]): JsonValue[] {
  const out: JsonValue[] = [];
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const key = exactKey(values, i);
    if (seen.has(key)) return;
    seen.add(key);
    carryLiteral(values, i, out, out.length);
    out.push(v);
  });
  return out;
}

/** A shallow copy of a node that keeps its number literals (src/ir/exact.ts). */
function copy(node: JsonObject): JsonObject {
  const out: JsonObject = { ...node };
  carryLiterals(node, out);
  return out;
}

/** `anyOf: [S]` ≡ S. Merged into the parent only when no keyword collides and S holds no sibling-sensitive one. */
function unwrapSingle(node: JsonObject, kw: "anyOf" | "oneOf" | "allOf"): JsonObject {
  const branches = node[kw];
  if (!Array.isArray(branches)) return node;
  if (kw !== "allOf" && branches.length !== 1) return node;
  const rest: JsonObject = copy(node);
  delete rest[kw];
  const keep: JsonValue[] = [];
  for (const b of branches) {
    if (b === true) continue;
    if (!isObj(b) || !mergeable(rest, b)) {
      keep.push(b);
      continue;
    }
    for (const k of assertionKeys(b)) (rest[k] = b[k] as JsonValue, carryLiteral(b, k, rest));
  }
  if (keep.length > 0) rest[kw] = keep;
  return rest;
}

function mergeable(parent: JsonObject, branch: JsonObject): boolean {
  const parentKeys = new Set(assertionKeys(parent));
  if ([...parentKeys].some((k) => SIBLING_SENSITIVE.has(k))) return false;
  return assertionKeys(branch).every((k) => !parentKeys.has(k) && !SIBLING_SENSITIVE.has(k));
}

/** `anyOf: [{type: string}, {type: integer}]` ≡ `type: [integer, string]` (getsentry/json-schema-diff#16). */
function typeUnion(node: JsonObject, kw: "anyOf" | "oneOf"): JsonObject {
  const branches = node[kw];
  if (!Array.isArray(branches) || node["type"] !== undefined || branches.length < 2) return node;
  const types: string[] = [];
  for (const b of branches) {
    if (!isObj(b) || assertionKeys(b).length !== 1 || !Array.isArray(b["type"]) && typeof b["type"] !== "string") return node;
    types.push(...(Array.isArray(b["type"]) ? (b["type"] as string[]) : [b["type"] as string]));
  }
  // oneOf of overlapping types (number, integer) is not a union: leave it to the oneOf rules.
  if (kw === "oneOf" && (new Set(types).size !== types.length || (types.includes("number") && types.includes("integer")))) return node;
  const out: JsonObject = { ...node, type: [...new Set(types)].sort() };
  carryLiterals(node, out);
  delete out[kw];
  return out;
}

/** `anyOf: [S, {type: "null"}]` ≡ S with null added to its type (and enum), when S holds only typed keywords. */
function nullable(node: JsonObject, kw: "anyOf" | "oneOf"): JsonObject {
  const branches = node[kw];
  if (!Array.isArray(branches) || branches.length !== 2) return node;
  const i = branches.findIndex((b) => isObj(b) && assertionKeys(b).length === 1 && jsonEqual(b["type"] as JsonValue, "null"));
  const j = 1 - i;
  const s = branches[j];
  if (i < 0 || !isObj(s) || (typeof s["type"] !== "string" && !Array.isArray(s["type"]))) return node;
  const combinators = ["anyOf", "oneOf", "allOf", "not", "$ref", "if", "const", "$dynamicRef", "$recursiveRef"];
  if (assertionKeys(s).some((k) => combinators.includes(k))) return node;
  if (kw === "oneOf" && (Array.isArray(s["type"]) ? s["type"].includes("null") : s["type"] === "null")) return node;
  const rest: JsonObject = copy(node);
  delete rest[kw];
  if (!mergeable(rest, s)) return node;
  const types = Array.isArray(s["type"]) ? (s["type"] as string[]) : [s["type"] as string];
  const merged: JsonObject = { ...rest, ...Object.fromEntries(assertionKeys(s).map((k) => [k, s[k] as JsonValue])) };
  carryLiterals(rest, merged);
  carryLiterals(s, merged);
  merged["type"] = [...new Set([...types, "null"])].sort();
  const e = s["enum"];
  if (Array.isArray(e) && !e.includes(null)) {
    const list: JsonValue[] = [...e, null];
    e.forEach((_, i) => carryLiteral(e, i, list));
    merged["enum"] = list;
  }
  return merged;
}
