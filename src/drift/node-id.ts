import type { SchemaNode } from "./types.js";

const ids = new WeakMap<object, number>();
let nextId = 0;

/** Identity of a schema node: nodes of the bundled schemas are shared objects, so identity is stable per diff. */
export function nodeId(node: SchemaNode): string {
  if (typeof node === "boolean") return node ? "T" : "F";
  let id = ids.get(node);
  if (id === undefined) ids.set(node, (id = ++nextId));
  return String(id);
}
