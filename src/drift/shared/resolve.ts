/** Subschemas behind `$ref`s, for the shared reasoning steps (disjoint.ts, vacuous.ts). */
import type { Draft, JsonObject } from "../../ir/json.js";
import { normalizeNode } from "../normalize.js";
import { isObj, resolveRef } from "../schema.js";
import type { SchemaNode } from "../types.js";
import { foldNot } from "./negation.js";

export interface Root {
  readonly root: SchemaNode;
  readonly draft: Draft;
}

/** The node behind `$ref`s, normalized with `not` folded (true when a reference does not resolve: unknown). */
export function resolve(node: SchemaNode, r: Root): JsonObject | boolean {
  let n = node;
  for (let i = 0; i < 32 && isObj(n) && typeof n["$ref"] === "string"; i++) n = resolveRef(r.root, n["$ref"])?.node ?? true;
  return typeof n === "boolean" ? n : (foldNot(normalizeNode(n, r.draft), r.draft) as JsonObject);
}

