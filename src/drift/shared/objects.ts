/** Helpers for the object rules: required sets and example objects with members added or dropped. */
import type { JsonObject, JsonValue } from "../../ir/json.js";
import type { RuleContext } from "../define.js";
import { isObj } from "../schema.js";
import type { Candidate, Direction } from "../types.js";

export function requiredOf(node: JsonObject): Set<string> {
  return new Set(Array.isArray(node["required"]) ? (node["required"] as string[]) : []);
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
