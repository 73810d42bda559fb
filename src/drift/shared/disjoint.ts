/**
 * Provable disjointness of two subschemas: no value valid under both. Sound, not complete: different types,
 * disjoint listable values (enums, booleans, short integer ranges: finite.ts), numeric ranges or string lengths that do not meet, patterns whose languages do not intersect
 * (refa), or a property required by both whose values are disjoint (a discriminator). `within` is what the
 * parent already allows (its types): `type: object` next to a oneOf makes discriminated branches disjoint
 * although non-objects would match them all.
 */
import type { JsonObject } from "../../ir/json.js";
import type { At } from "../define.js";
import { LENGTHS, NUMBERS, type Family } from "../bounds.js";
import { normalizeNode } from "../normalize.js";
import { patternsDisjoint } from "../regex.js";
import { ALL_TYPES, hasType, isObj, jsonEqual, resolveRef, typesOf, type BasicType } from "../schema.js";
import type { SchemaNode } from "../types.js";
import type { Draft } from "../../ir/json.js";
import { finiteValues } from "./finite.js";
import { foldNot } from "./negation.js";

export interface Root {
  readonly root: SchemaNode;
  readonly draft: Draft;
}

function resolve(node: SchemaNode, r: Root): JsonObject | boolean {
  let n = node;
  for (let i = 0; i < 32 && isObj(n) && typeof n["$ref"] === "string"; i++) n = resolveRef(r.root, n["$ref"])?.node ?? true;
  return typeof n === "boolean" ? n : (foldNot(normalizeNode(n, r.draft), r.draft) as JsonObject);
}

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
  if (only(both, ["number", "integer"]) && rangesApart(a, b, NUMBERS, !both.has("number"))) return true;
  if (only(both, ["string"])) {
    if (rangesApart(a, b, LENGTHS, true)) return true;
    if (typeof a["pattern"] === "string" && typeof b["pattern"] === "string" && patternsDisjoint(a["pattern"], b["pattern"]) === true) return true;
  }
  if (depth > 2 || !only(both, ["object"])) return false;
  const ra = Array.isArray(a["required"]) ? (a["required"] as string[]) : [];
  const rb = new Set(Array.isArray(b["required"]) ? (b["required"] as string[]) : []);
  const pa = isObj(a["properties"]) ? a["properties"] : {};
  const pb = isObj(b["properties"]) ? b["properties"] : {};
  return ra.some((k) => rb.has(k) && pa[k] !== undefined && pb[k] !== undefined && disjoint(pa[k] as SchemaNode, pb[k] as SchemaNode, rx, ry, new Set(ALL_TYPES), depth + 1));
}

export function branchesDisjoint(list: readonly At[], r: Root, within?: ReadonlySet<BasicType>): boolean {
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (!disjoint(list[i]!.node, list[j]!.node, r, r, within)) return false;
  return true;
}
