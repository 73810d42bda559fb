/** Helpers for the object rules: required sets and example objects with members added or dropped. */
import type { JsonObject, JsonValue } from "../../ir/json.js";
import type { RuleContext } from "../define.js";
import { isObj } from "../schema.js";
import type { Candidate, Direction, SchemaNode } from "../types.js";
import { resolve, type Root } from "./resolve.js";

export function requiredOf(node: JsonObject): Set<string> {
  return new Set(Array.isArray(node["required"]) ? (node["required"] as string[]) : []);
}

/**
 * The names a node requires, with those its allOf conjuncts require (behind `$ref`s, a few levels deep): every
 * value of the node satisfies each conjunct, so it has them all. A name required by a conjunct and now by the
 * node itself too is no new requirement.
 */
export function requiredWithConjuncts(node: JsonObject, r: Root, depth = 0): Set<string> {
  const out = requiredOf(node);
  if (depth >= 3 || !Array.isArray(node["allOf"])) return out;
  for (const c of node["allOf"]) {
    const n = resolve(c as SchemaNode, r);
    if (isObj(n)) for (const k of requiredWithConjuncts(n, r, depth + 1)) out.add(k);
  }
  return out;
}

/** Example objects of the source side, reshaped by `edit` (which returns undefined to skip one). */
export function objectCandidates(ctx: RuleContext, direction: Direction, edit: (o: JsonObject) => JsonObject | undefined): Candidate[] {
  const side = direction === "backward" ? "old" : "new";
  const node = side === "old" ? ctx.old : ctx.new;
  const out: Candidate[] = [];
  for (const ex of ctx.examples(side, node, 6)) {
    if (!isObj(ex)) continue;
    const value = edit({ ...ex });
    if (value !== undefined) out.push({ direction, value });
  }
  return out;
}

export function exampleMember(ctx: RuleContext, side: "old" | "new", node: JsonObject, key: string): JsonValue {
  const props = isObj(node["properties"]) ? node["properties"] : {};
  const schema = props[key];
  const ex = schema === undefined || (typeof schema !== "boolean" && !isObj(schema)) ? [] : ctx.examples(side, schema, 1);
  return ex[0] ?? null;
}
