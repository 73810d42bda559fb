/**
 * Provable disjointness of two subschemas: no value valid under both. Sound, not complete: different types,
 * disjoint listable values (enums, booleans, short integer ranges: finite.ts), numeric ranges or string lengths that do not meet, patterns whose languages do not intersect
 * (refa), a property required by both whose values are disjoint (a discriminator), or more required names than
 * the other side's `maxProperties`. `within` is what the
 * parent already allows (its types): `type: object` next to a oneOf makes discriminated branches disjoint
 * although non-objects would match them all.
 */
import type { JsonObject, JsonValue } from "../../ir/json.js";
import type { At } from "../define.js";
import { LENGTHS, NUMBERS, type Family } from "../bounds.js";
import { patternsDisjoint } from "../regex.js";
import { ALL_TYPES, assertionKeys, hasType, isObj, jsonEqual, typesOf, type BasicType } from "../schema.js";
import type { SchemaNode } from "../types.js";
import { exactRangesApart, needsExact } from "./exact-range.js";
import { finiteValues } from "./finite.js";
import { nameRejected } from "./names.js";
import { resolve, type Root } from "./resolve.js";
import { oneOfTypes } from "./vacuous.js";

export type { Root };

/** Types of `a` that `within` allows (integers count as numbers). */
function restrict(a: ReadonlySet<BasicType>, within: ReadonlySet<BasicType>): Set<BasicType> {
  const out = new Set<BasicType>();
  for (const t of a) {
    if (t === "number" && within.has("integer") && !within.has("number")) out.add("integer");
    else if (t === "number" ? within.has("number") : hasType(within, t)) out.add(t);
  }
  return out;
}

function typesOverlap(a: ReadonlySet<BasicType>, b: ReadonlySet<BasicType>): boolean {
  for (const t of a) if (t === "number" ? b.has("number") || b.has("integer") : hasType(b, t)) return true;
  return false;
}

const only = (types: ReadonlySet<BasicType>, allowed: readonly BasicType[]): boolean => types.size > 0 && [...types].every((t) => allowed.includes(t));

/** Two intervals of one bound family that do not meet (for integer-only values, a gap holding no integer too). */
function rangesApart(a: JsonObject, b: JsonObject, f: Family, ints: boolean): boolean {
  const below = (x: JsonObject, y: JsonObject): boolean => {
    const hi = f.hi(x);
    const lo = f.lo(y);
    if (hi === undefined || lo === undefined) return false;
    if (ints) return (hi.excl ? Math.ceil(hi.v) - 1 : Math.floor(hi.v)) < (lo.excl ? Math.floor(lo.v) + 1 : Math.ceil(lo.v));
    return hi.v < lo.v || (hi.v === lo.v && (hi.excl || lo.excl));
  };
  return below(a, b) || below(b, a);
}

/**
 * Numeric ranges apart, compared as written when a bound is a literal a double misrepresents: as doubles,
 * `exclusiveMaximum: 9007199254740993` and `minimum: 9007199254740992` look apart on integers (both read as
 * 2^53), yet 2^53 is in both.
 */
function numbersApart(a: JsonObject, b: JsonObject, ints: boolean): boolean {
  if (needsExact(a, b)) return exactRangesApart(a, b, ints) === true;
  return rangesApart(a, b, NUMBERS, ints);
}

export function disjoint(x: SchemaNode, y: SchemaNode, rx: Root, ry: Root = rx, within: ReadonlySet<BasicType> = new Set(ALL_TYPES), depth = 0): boolean {
  const a = resolve(x, rx);
  const b = resolve(y, ry);
  if (a === false || b === false) return true;
  if (a === true || b === true) return false;
  const ta = restrict(typesOf(a), within);
  const tb = restrict(typesOf(b), within);
  if (!typesOverlap(ta, tb)) return true;
  // Listable values on both sides (enums, booleans, short integer ranges) that have none in common.
  const la = finiteValues(a);
  const lb = la === undefined ? undefined : finiteValues(b);
  if (la !== undefined && lb !== undefined && !la.some((v) => lb.some((w) => jsonEqual(v, w)))) return true;
  const both = restrict(ta, tb);
  if (only(both, ["number", "integer"]) && numbersApart(a, b, !both.has("number"))) return true;
  if (only(both, ["string"])) {
    if (rangesApart(a, b, LENGTHS, true)) return true;
    if (typeof a["pattern"] === "string" && typeof b["pattern"] === "string" && patternsDisjoint(a["pattern"], b["pattern"]) === true) return true;
  }
  if (depth > MAX_DEPTH) return false;
  if (combinatorsApart(a, b, rx, ry, within, depth) || combinatorsApart(b, a, ry, rx, within, depth)) return true;
  if (!only(both, ["object"])) return false;
  // Objects: a property both require whose values are disjoint (a discriminator), or one required by one side
  // that the other, closed, does not allow. Conjuncts count: `allOf: [{required: [type]}, {properties: {type: …}}]`.
  const ra = facts(a, rx, depth);
  const rb = facts(b, ry, depth);
  // Property counts that do not meet: a value has at least as many members as names required (distinct names).
  if (countsApart(a, ra, b) || countsApart(b, rb, a)) return true;
  for (const k of ra.required) {
    if (rb.closed.some((c) => !allows(c, k))) return true;
    if (rb.names.some((n) => nameRejected(n, k, ry))) return true;
    // a's values all have k (with a value in every pa); b's values that have k hold there a value of every pb: so
    // disjoint values at k separate them even when b does not require k.
    const pa = ra.props.get(k) ?? [];
    const pb = [...(rb.props.get(k) ?? []), ...additionalAt(b, k)];
    if (pa.some((x1) => pb.some((y1) => disjoint(x1, y1, rx, ry, new Set(ALL_TYPES), depth + 1)))) return true;
  }
  for (const k of rb.required) if (ra.closed.some((c) => !allows(c, k)) || ra.names.some((n) => nameRejected(n, k, rx)) || excluded(ra.absent.get(k), rb.props.get(k), ry)) return true;
  for (const k of ra.required) if (excluded(rb.absent.get(k), ra.props.get(k), rx)) return true;
  return false;
}

/** The schema of an undeclared key k: `additionalProperties`, when k is not declared and no pattern may claim it. */
function additionalAt(node: JsonObject, k: string): SchemaNode[] {
  const ap = node["additionalProperties"];
  if (ap === undefined || node["patternProperties"] !== undefined) return [];
  if (isObj(node["properties"]) && Object.hasOwn(node["properties"], k)) return [];
  return [ap as SchemaNode];
}

/** Every object of `a` has more members than `b` allows: max(minProperties, |required|) of a > maxProperties of b. */
function countsApart(a: JsonObject, fa: ObjectFacts, b: JsonObject): boolean {
  const max = b["maxProperties"];
  if (typeof max !== "number") return false;
  const min = typeof a["minProperties"] === "number" ? a["minProperties"] : 0;
  return Math.max(min, fa.required.size) > max;
}

/** How deep disjointness looks through properties and combinators (each level multiplies the work). */
const MAX_DEPTH = 3;

/**
 * A value of an allOf is in every conjunct (one conjunct apart suffices); a value of an anyOf or oneOf is in some
 * branch (every branch must be apart), and a oneOf's value is of a type it can accept (vacuous.ts).
 */
function combinatorsApart(a: JsonObject, b: JsonObject, ra: Root, rb: Root, within: ReadonlySet<BasicType>, depth: number): boolean {
  const list = (kw: string): SchemaNode[] | undefined => (Array.isArray(a[kw]) ? (a[kw] as SchemaNode[]) : undefined);
  const all = list("allOf");
  if (all !== undefined && all.some((c) => disjoint(c, b, ra, rb, within, depth + 1))) return true;
  // A branch is judged with the node's other keywords as a conjunct: `properties` beside a oneOf whose branches
  // name what is required discriminate only together.
  const withParent = (kw: string, c: SchemaNode): JsonObject => {
    const rest: JsonObject = { ...a, allOf: [c, ...(all ?? [])] };
    delete rest[kw];
    return rest;
  };
  const any = list("anyOf");
  if (any !== undefined && any.every((c) => disjoint(withParent("anyOf", c), b, ra, rb, within, depth + 1))) return true;
  const one = list("oneOf");
  if (one === undefined) return false;
  const types = oneOfTypes(one.map((node) => ({ node, pointer: "" })), ra, within);
  return types.size === 0 || one.every((c) => disjoint(withParent("oneOf", c), b, ra, rb, types, depth + 1));
}

interface ObjectFacts {
  readonly required: Set<string>;
  /** Every schema a property's value must satisfy, from the node and its conjuncts. */
  readonly props: Map<string, SchemaNode[]>;
  /** Nodes (the node or conjuncts) with `additionalProperties: false`: an object must fit each. */
  readonly closed: JsonObject[];
  /**
   * Properties that must be absent, or absent with a value of these types: `not: {required: [k]}`,
   * `not: {anyOf: [{required: [k], properties: {k: {type: T}}}, …]}`.
   */
  readonly absent: Map<string, ReadonlySet<BasicType>>;
  /** `propertyNames` schemas of the node and its conjuncts: every member name must satisfy each. */
  readonly names: SchemaNode[];
}

function facts(node: JsonObject, r: Root, depth: number, out: ObjectFacts = { required: new Set(), props: new Map(), closed: [], absent: new Map(), names: [] }): ObjectFacts {
  if (Array.isArray(node["required"])) for (const k of node["required"]) if (typeof k === "string") out.required.add(k);
  if (isObj(node["properties"])) for (const [k, v] of Object.entries(node["properties"])) out.props.set(k, [...(out.props.get(k) ?? []), v as SchemaNode]);
  if (node["additionalProperties"] === false) out.closed.push(node);
  if (node["propertyNames"] !== undefined) out.names.push(node["propertyNames"] as SchemaNode);
  for (const [k, types] of absentKeys(node["not"], r)) out.absent.set(k, types);
  if (depth <= MAX_DEPTH && Array.isArray(node["allOf"])) {
    for (const c of node["allOf"]) {
      const n = resolve(c as SchemaNode, r);
      if (isObj(n)) facts(n, r, depth + 1, out);
    }
  }
  return out;
}

/** Whether a closed node allows a property name (declared, or matching a pattern; an unreadable pattern might). */
function allows(node: JsonObject, key: string): boolean {
  if (isObj(node["properties"]) && Object.hasOwn(node["properties"], key)) return true;
  const pp = node["patternProperties"];
  if (!isObj(pp)) return false;
  return Object.keys(pp).some((p) => {
    try {
      return new RegExp(p, "u").test(key);
    } catch {
      return true;
    }
  });
}

export function branchesDisjoint(list: readonly At[], r: Root, within?: ReadonlySet<BasicType>): boolean {
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (!disjoint(list[i]!.node, list[j]!.node, r, r, within)) return false;
  return true;
}

/**
 * Whether a required key's value cannot exist: the key is forbidden with values of `types`, and one of the
 * schemas its value must satisfy allows only those types (no schema: any value, so every type must be forbidden).
 */
function excluded(types: ReadonlySet<BasicType> | undefined, props: readonly SchemaNode[] | undefined, r: Root): boolean {
  if (types === undefined) return false;
  const inside = (t: ReadonlySet<BasicType>): boolean => t.size > 0 && [...t].every((x) => types.has(x) || (x === "integer" && types.has("number")));
  if (props === undefined || props.length === 0) return inside(new Set(ALL_TYPES));
  return props.some((p) => {
    const n = resolve(p, r);
    return n === false || (n !== true && inside(typesOf(n)));
  });
}

/**
 * Keys that `not: S` forbids, with the value types it forbids them with: S requires exactly one key (optionally
 * on objects only, with that key's value typed), or S is an anyOf with such requirements among its branches.
 */
function absentKeys(not: JsonValue | undefined, r: Root): [string, ReadonlySet<BasicType>][] {
  if (not === undefined) return [];
  const n = resolve(not as SchemaNode, r);
  if (!isObj(n)) return [];
  const one = (x: JsonObject | boolean): [string, ReadonlySet<BasicType>] | undefined => {
    if (!isObj(x) || assertionKeys(x).some((k) => k !== "required" && k !== "type" && k !== "properties")) return undefined;
    // `type` may only say "object" (non-objects never have the key anyway).
    if (x["type"] !== undefined && x["type"] !== "object" && !(Array.isArray(x["type"]) && x["type"].includes("object"))) return undefined;
    const req = x["required"];
    if (!Array.isArray(req) || req.length !== 1 || typeof req[0] !== "string") return undefined;
    const key = req[0];
    const props = x["properties"];
    if (props === undefined) return [key, new Set(ALL_TYPES)];
    if (!isObj(props) || Object.keys(props).some((k) => k !== key)) return undefined;
    const value = props[key];
    if (value === undefined) return [key, new Set(ALL_TYPES)];
    const v = resolve(value as SchemaNode, r);
    // Only a value schema that is a type alone: the forbidden values are then exactly those types.
    if (v === true) return [key, new Set(ALL_TYPES)];
    if (!isObj(v) || assertionKeys(v).some((k) => k !== "type")) return undefined;
    return [key, typesOf(v)];
  };
  const alone = one(n);
  if (alone !== undefined) return [alone];
  if (assertionKeys(n).some((k) => k !== "anyOf") || !Array.isArray(n["anyOf"])) return [];
  // not (A or B) is (not A) and (not B): each branch understood forbids on its own.
  return n["anyOf"].map((b) => one(resolve(b as SchemaNode, r))).filter((k): k is [string, ReadonlySet<BasicType>] => k !== undefined);
}
