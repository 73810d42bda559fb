/**
 * Provable disjointness of two subschemas: no value valid under both. Sound, not complete: different types,
 * disjoint enums, or a property required by both whose values are disjoint (a discriminator).
 */
import type { JsonObject } from "../../ir/json.js";
import type { At } from "../define.js";
import { normalizeNode } from "../normalize.js";
import { hasType, isObj, jsonEqual, resolveRef, typesOf, type BasicType } from "../schema.js";
import type { SchemaNode } from "../types.js";
import type { Draft } from "../../ir/json.js";

export interface Root {
  readonly root: SchemaNode;
  readonly draft: Draft;
}

function resolve(node: SchemaNode, r: Root): JsonObject | boolean {
  let n = node;
  for (let i = 0; i < 32 && isObj(n) && typeof n["$ref"] === "string"; i++) n = resolveRef(r.root, n["$ref"])?.node ?? true;
  return typeof n === "boolean" ? n : (normalizeNode(n, r.draft) as JsonObject);
}

function typesOverlap(a: ReadonlySet<BasicType>, b: ReadonlySet<BasicType>): boolean {
  for (const t of a) if (t === "number" ? b.has("number") || b.has("integer") : hasType(b, t)) return true;
  return false;
}

export function disjoint(x: SchemaNode, y: SchemaNode, r: Root, depth = 0): boolean {
  const a = resolve(x, r);
  const b = resolve(y, r);
  if (a === false || b === false) return true;
  if (a === true || b === true) return false;
  if (!typesOverlap(typesOf(a), typesOf(b))) return true;
  const ea = a["enum"];
  const eb = b["enum"];
  if (Array.isArray(ea) && Array.isArray(eb) && !ea.some((v) => eb.some((w) => jsonEqual(v, w)))) return true;
  if (depth > 2) return false;
  const ra = Array.isArray(a["required"]) ? (a["required"] as string[]) : [];
  const rb = new Set(Array.isArray(b["required"]) ? (b["required"] as string[]) : []);
  const pa = isObj(a["properties"]) ? a["properties"] : {};
  const pb = isObj(b["properties"]) ? b["properties"] : {};
  const onlyObjects = !typesOf(a).has("null") && [...typesOf(a)].every((t) => t === "object");
  if (!onlyObjects) return false;
  return ra.some((k) => rb.has(k) && pa[k] !== undefined && pb[k] !== undefined && disjoint(pa[k] as SchemaNode, pb[k] as SchemaNode, r, depth + 1));
}

export function branchesDisjoint(list: readonly At[], r: Root): boolean {
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (!disjoint(list[i]!.node, list[j]!.node, r)) return false;
  return true;
}
