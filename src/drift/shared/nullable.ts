/**
 * Whether `type` and `enum` of a normalized node let null through (combinators are judged by their own rules).
 * The source side may over-approximate (types from branches too); the target side must be exact.
 */
import type { JsonObject } from "../../ir/json.js";
import { typesOf } from "../schema.js";
import { declaredTypes } from "./types.js";

export function mayAllowNull(node: JsonObject): boolean {
  const e = node["enum"];
  return typesOf(node).has("null") && (!Array.isArray(e) || e.includes(null));
}

export function allowsNull(node: JsonObject): boolean {
  const e = node["enum"];
  return declaredTypes(node).has("null") && (!Array.isArray(e) || e.includes(null));
}
