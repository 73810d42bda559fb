/** The engine's `$ref` following and boolean-schema reading, apart from the walk (engine.ts). */
import type { JsonObject } from "../ir/json.js";
import type { Located } from "./pair.js";
import { ANNOTATIONS, assertionKeys, isObj, resolveRef } from "./schema.js";
import type { SchemaNode } from "./types.js";

export function asObject(node: SchemaNode): JsonObject {
  if (node === true) return {};
  if (node === false) return { not: {} };
  return node as JsonObject;
}

interface Deref {
  readonly node: SchemaNode;
  readonly pointer: string;
  /** The node with the referring nodes' annotations laid over the target's (what a prompt shows). */
  readonly raw: SchemaNode;
  readonly error?: string;
}

/** Follows `$ref`s that are the node's only assertion (siblings apply in every draft, as in the validators). */
export function deref(loc: Located, side: { readonly root: SchemaNode }): Deref {
  let node = loc.node;
  let pointer = loc.pointer;
  const notes: JsonObject = {};
  for (let hops = 0; hops < 64; hops++) {
    if (!isObj(node) || typeof node["$ref"] !== "string") break;
    if (assertionKeys(node).some((k) => k !== "$ref")) break;
    for (const [k, val] of Object.entries(node)) if (ANNOTATIONS.has(k) && notes[k] === undefined) notes[k] = val;
    const target = resolveRef(side.root, node["$ref"]);
    if (target === undefined) return { node: true, pointer, raw: true, error: node["$ref"] };
    node = target.node;
    pointer = target.pointer;
  }
  const raw = isObj(node) ? { ...node, ...notes } : node;
  return { node, pointer, raw };
}
