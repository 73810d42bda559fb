/**
 * How the engine pairs the children of one old/new pair: properties by name (a name missing on one side is
 * paired with the schema that governed it there: patternProperties, additionalProperties, or `true`), tuple
 * positions by index (a missing position is paired with the tail `items`), and same-keyword subschemas.
 */
import { pointerAppend, type JsonObject, type JsonValue } from "../ir/json.js";
import { freshKey, patternKey, type FreshKey } from "./regex.js";
import { isObj } from "./schema.js";
import type { SchemaNode, Slot } from "./types.js";

export interface Located {
  readonly node: SchemaNode;
  readonly pointer: string;
  /** True when the keyword is absent and `node` is what governs the slot instead. */
  readonly implied: boolean;
}

export interface ChildPair {
  readonly old: Located;
  readonly new: Located;
  readonly slot: Slot;
  /** Instance path step, or null when the child does not sit at one definite place. */
  readonly step: string | number | null;
  /** -1 for contravariant positions (`not`). */
  readonly polarity: 1 | -1;
  /** The instance type this child constrains (direction masks), or null for any. */
  readonly applies: "object" | "array" | "string" | null;
  /** Pointer reported for the new side when the key is absent there (e.g. a removed property). */
  readonly reportPointer?: string;
}

/** Keywords whose meaning the engine accounts for by pairing children (rules see the parents only). */
export const PAIRED_KEYWORDS = ["properties", "additionalProperties", "prefixItems", "items", "not", "propertyNames"];
/** Treated like additionalProperties/items only when no in-place applicator sits next to them. */
export const UNEVALUATED = ["unevaluatedProperties", "unevaluatedItems"];
export const IN_PLACE = ["allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref", "dependentSchemas", "$dynamicRef", "$recursiveRef"];

/** The schema governing property `key` of an object node, and where it lives. */
export function governing(node: JsonObject, pointer: string, key: string): Located {
  const props = node["properties"];
  if (isObj(props) && props[key] !== undefined) {
    return { node: props[key] as SchemaNode, pointer: pointerAppend(pointerAppend(pointer, "properties"), key), implied: false };
  }
  const patterns = node["patternProperties"];
  if (isObj(patterns)) {
    const hits = Object.keys(patterns).filter((p) => safeTest(p, key));
    if (hits.length === 1) {
      return { node: patterns[hits[0]!] as SchemaNode, pointer: pointerAppend(pointerAppend(pointer, "patternProperties"), hits[0]!), implied: true };
    }
    if (hits.length > 1) {
      return { node: { allOf: hits.map((h) => patterns[h]!) }, pointer: pointerAppend(pointer, "patternProperties"), implied: true };
    }
  }
  return additional(node, pointer);
}

export function additional(node: JsonObject, pointer: string): Located {
  for (const kw of ["additionalProperties", "unevaluatedProperties"]) {
    if (node[kw] !== undefined) return { node: node[kw] as SchemaNode, pointer: pointerAppend(pointer, kw), implied: true };
  }
  return { node: true, pointer, implied: true };
}

/** The schema governing tuple position `i` (prefixItems, then the tail `items`/`unevaluatedItems`, then true). */
export function position(node: JsonObject, pointer: string, i: number): Located {
  const prefix = node["prefixItems"];
  if (Array.isArray(prefix) && i < prefix.length) {
    return { node: prefix[i] as SchemaNode, pointer: pointerAppend(pointerAppend(pointer, "prefixItems"), i), implied: false };
  }
  return tail(node, pointer);
}

export function tail(node: JsonObject, pointer: string): Located {
  for (const kw of ["items", "unevaluatedItems"]) {
    if (node[kw] !== undefined) return { node: node[kw] as SchemaNode, pointer: pointerAppend(pointer, kw), implied: true };
  }
  return { node: true, pointer, implied: true };
}

/** A property name neither side declares or matches by pattern (regex.ts: from the automata, no guessing). */
function fresh(o: JsonObject, n: JsonObject): FreshKey {
  const patterns = [o, n].flatMap((s) => (isObj(s["patternProperties"]) ? Object.keys(s["patternProperties"]) : []));
  const declared = new Set([o, n].flatMap((s) => (isObj(s["properties"]) ? Object.keys(s["properties"]) : [])));
  return freshKey([...new Set(patterns)], declared, [o, n].flatMap((s) => namesListed(s["propertyNames"])));
}

/**
 * Names a `propertyNames` schema lists (`enum`, or the enums of its anyOf branches): the fresh key is taken from
 * them when one fits, so a witness placed under it is not rejected for its name. Any fresh key pairs the same
 * schemas; the choice only makes witnesses valid.
 */
function namesListed(node: JsonValue | undefined): string[] {
  if (!isObj(node)) return [];
  const own = Array.isArray(node["enum"]) ? node["enum"].filter((x): x is string => typeof x === "string") : [];
  const branches = Array.isArray(node["anyOf"]) ? node["anyOf"].flatMap((b) => (isObj(b) && Array.isArray(b["enum"]) ? b["enum"].filter((x): x is string => typeof x === "string") : [])) : [];
  return [...own, ...branches].slice(0, 64);
}

export function safeTest(pattern: string, key: string): boolean {
  try {
    return new RegExp(pattern, "u").test(key);
  } catch {
    return false;
  }
}

/** Every child pair of one normalized pair, in a stable order. */
export function childPairs(o: JsonObject, oPtr: string, n: JsonObject, nPtr: string): ChildPair[] {
  const out: ChildPair[] = [];
  const names = new Set([...Object.keys(isObj(o["properties"]) ? o["properties"] : {}), ...Object.keys(isObj(n["properties"]) ? n["properties"] : {})]);
  for (const name of names) {
    const a = governing(o, oPtr, name);
    const b = governing(n, nPtr, name);
    const reportPointer = pointerAppend(pointerAppend(nPtr, "properties"), name);
    out.push({ old: a, new: b, slot: "property", step: name, polarity: 1, applies: "object", reportPointer });
  }
  const oPat = isObj(o["patternProperties"]) ? o["patternProperties"] : {};
  const nPat = isObj(n["patternProperties"]) ? n["patternProperties"] : {};
  for (const p of Object.keys(nPat)) {
    if (oPat[p] === undefined) continue;
    const at = (ptr: string) => pointerAppend(pointerAppend(ptr, "patternProperties"), p);
    out.push({
      old: { node: oPat[p] as SchemaNode, pointer: at(oPtr), implied: false },
      new: { node: nPat[p] as SchemaNode, pointer: at(nPtr), implied: false },
      // A key of the pattern's language that no name claims, so witnesses can be placed at a definite key.
      slot: "subschema", step: patternKey(p, [...names]) ?? null, polarity: 1, applies: "object",
    });
  }
  // No name outside every pattern and declaration: additionalProperties governs nothing on either side (keys
  // under one side's patterns only are judged by pattern-properties-changed).
  const extra = fresh(o, n);
  if (!("none" in extra)) {
    out.push({ old: additional(o, oPtr), new: additional(n, nPtr), slot: "additional", step: "key" in extra ? extra.key : null, polarity: 1, applies: "object" });
  }
  const oLen = Array.isArray(o["prefixItems"]) ? o["prefixItems"].length : 0;
  const nLen = Array.isArray(n["prefixItems"]) ? n["prefixItems"].length : 0;
  for (let i = 0; i < Math.max(oLen, nLen); i++) {
    const reportPointer = pointerAppend(pointerAppend(nPtr, "prefixItems"), i);
    out.push({ old: position(o, oPtr, i), new: position(n, nPtr, i), slot: "tuple", step: i, polarity: 1, applies: "array", reportPointer });
  }
  out.push({ old: tail(o, oPtr), new: tail(n, nPtr), slot: "items", step: Math.max(oLen, nLen), polarity: 1, applies: "array" });
  if (o["not"] !== undefined && n["not"] !== undefined) {
    out.push({
      old: { node: o["not"] as SchemaNode, pointer: pointerAppend(oPtr, "not"), implied: false },
      new: { node: n["not"] as SchemaNode, pointer: pointerAppend(nPtr, "not"), implied: false },
      slot: "subschema", step: null, polarity: -1, applies: null,
    });
  }
  const oNames = o["propertyNames"] ?? true;
  const nNames = n["propertyNames"] ?? true;
  if (o["propertyNames"] !== undefined || n["propertyNames"] !== undefined) {
    out.push({
      old: { node: oNames as SchemaNode, pointer: pointerAppend(oPtr, "propertyNames"), implied: o["propertyNames"] === undefined },
      new: { node: nNames as SchemaNode, pointer: pointerAppend(nPtr, "propertyNames"), implied: n["propertyNames"] === undefined },
      slot: "subschema", step: null, polarity: 1, applies: "object",
    });
  }
  return out;
}
