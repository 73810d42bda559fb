/**
 * How one property's schema changed between two versions, as far as a migration stub needs to know: is every old
 * value still valid (carry it over), did `null` or some enum values go away (handle those), or is it something else
 * (a person decides). Local `$ref`s are inlined (cycles left as refs) and annotations ignored before comparing.
 *
 * Why not the drift engine: a stub only needs a per-property verdict with the values that went away; the drift
 * checker answers "is the whole step compatible", which the gate uses when it is available.
 */
import { canonicalJson, isJsonObject, pointerTokens, type JsonObject, type JsonValue } from "../ir/json.js";

export type Relation =
  | { readonly kind: "same" }
  | { readonly kind: "widened" }
  | { readonly kind: "null-removed" }
  | { readonly kind: "enum-narrowed"; readonly removed: readonly JsonValue[] }
  | { readonly kind: "changed" };

const ANNOTATIONS = new Set(["title", "description", "examples", "default", "$comment", "deprecated", "readOnly", "writeOnly", "$id", "$anchor"]);
const UPPER = new Set(["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"]);
const LOWER = new Set(["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"]);
/** Keywords whose absence accepts more: dropping one in the new version only widens. */
const DROPPABLE = new Set([...UPPER, ...LOWER, "pattern", "format", "uniqueItems", "multipleOf", "enum", "const"]);

/** Inlines local `$ref`s of `node` against `root`, drops annotations; a ref already being expanded stays a ref. */
export function normalized(node: JsonValue, root: JsonObject, seen: ReadonlySet<string> = new Set()): JsonValue {
  if (Array.isArray(node)) return node.map((n) => normalized(n, root, seen));
  if (!isJsonObject(node)) return node;
  const ref = node["$ref"];
  if (typeof ref === "string" && ref.startsWith("#") && !seen.has(ref)) {
    const target = resolvePointer(root, ref.slice(1));
    if (target !== undefined) {
      const rest: JsonObject = { ...node };
      delete rest["$ref"];
      const inlined = normalized(target, root, new Set([...seen, ref]));
      if (Object.keys(stripAnnotations(rest)).length === 0) return inlined;
      return { allOf: [inlined, normalized(rest, root, seen)] };
    }
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(stripAnnotations(node))) {
    out[k] = k === "properties" || k === "$defs" || k === "definitions" || k === "patternProperties" ? mapValues(v, root, seen) : normalized(v, root, seen);
  }
  return out;
}

function mapValues(v: JsonValue, root: JsonObject, seen: ReadonlySet<string>): JsonValue {
  if (!isJsonObject(v)) return v;
  return Object.fromEntries(Object.entries(v).map(([k, s]) => [k, normalized(s, root, seen)]));
}

function stripAnnotations(node: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(node).filter(([k]) => !ANNOTATIONS.has(k)));
}

export function resolvePointer(root: JsonValue, pointer: string): JsonValue | undefined {
  let cur: JsonValue | undefined = root;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(token)];
    else if (isJsonObject(cur) && Object.hasOwn(cur, token)) cur = cur[token];
    else return undefined;
  }
  return cur;
}

export function sameSchema(a: JsonValue, b: JsonValue): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Compares two normalized property schemas. */
export function relate(old: JsonValue, neu: JsonValue): Relation {
  if (sameSchema(old, neu)) return { kind: "same" };
  if (neu === true || (isJsonObject(neu) && Object.keys(neu).length === 0)) return { kind: "widened" };
  if (!isJsonObject(old) || !isJsonObject(neu)) return { kind: "changed" };
  let widened = false;
  let nullRemoved = false;
  let removed: JsonValue[] = [];
  for (const key of new Set([...Object.keys(old), ...Object.keys(neu)])) {
    const o = old[key];
    const n = neu[key];
    if (o !== undefined && n !== undefined && sameSchema(o, n)) continue;
    if (n === undefined && DROPPABLE.has(key)) {
      widened = true;
      continue;
    }
    if (o === undefined || n === undefined) return { kind: "changed" };
    if (key === "type") {
      const ot = types(o);
      const nt = types(n);
      const lost = ot.filter((t) => !nt.includes(t) && !(t === "integer" && nt.includes("number")));
      if (lost.length === 0) widened = true;
      else if (lost.length === 1 && lost[0] === "null") nullRemoved = true;
      else return { kind: "changed" };
      continue;
    }
    if (key === "enum" && Array.isArray(o) && Array.isArray(n)) {
      const lost = o.filter((v) => !n.some((w) => sameSchema(v, w)));
      if (lost.length === 0) widened = true;
      else if (lost.length === 1 && lost[0] === null) nullRemoved = true;
      else removed = lost.filter((v) => v !== null);
      if (lost.includes(null)) nullRemoved = true;
      continue;
    }
    if (typeof o === "number" && typeof n === "number" && (UPPER.has(key) || LOWER.has(key))) {
      if (UPPER.has(key) ? n >= o : n <= o) {
        widened = true;
        continue;
      }
    }
    return { kind: "changed" };
  }
  if (removed.length > 0) return { kind: "enum-narrowed", removed };
  if (nullRemoved) return { kind: "null-removed" };
  return widened ? { kind: "widened" } : { kind: "same" };
}

function types(t: JsonValue): string[] {
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === "string") : typeof t === "string" ? [t] : [];
}

/** True when `null` is a valid value of the (normalized) schema, judging by `type`, `enum` and `const`. */
export function allowsNull(schema: JsonValue): boolean {
  if (schema === true) return true;
  if (!isJsonObject(schema)) return false;
  if (schema["type"] !== undefined && !types(schema["type"]).includes("null")) return false;
  if (Array.isArray(schema["enum"]) && !schema["enum"].includes(null)) return false;
  if (schema["const"] !== undefined && schema["const"] !== null) return false;
  return schema["type"] !== undefined || schema["enum"] !== undefined || schema["const"] !== undefined;
}

/** Short human description of a schema for comments: its type or enum. */
export function describe(schema: JsonValue): string {
  if (!isJsonObject(schema)) return String(schema);
  if (Array.isArray(schema["enum"])) return `one of ${schema["enum"].map((v) => JSON.stringify(v)).join(", ")}`;
  if (schema["const"] !== undefined) return `exactly ${JSON.stringify(schema["const"])}`;
  if (schema["type"] !== undefined) return types(schema["type"]).join(" | ");
  return "a schema";
}

/** Likely renames: the two names share a word or are a few edits apart. */
export function similarNames(a: string, b: string): boolean {
  const wa = a.toLowerCase().split(/[^a-z0-9]+|(?<=[a-z])(?=[A-Z])/).filter((w) => w.length > 2);
  const wb = new Set(b.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2));
  if (wa.some((w) => wb.has(w))) return true;
  return distance(a.toLowerCase(), b.toLowerCase()) <= Math.max(2, Math.floor(Math.min(a.length, b.length) / 3));
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
