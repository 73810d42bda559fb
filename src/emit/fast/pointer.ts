/**
 * A `$ref` to a JSON pointer in the same document (`#`, `#/$defs/x`, percent- and `~`-escaped), resolved in the
 * root schema; anything else is not covered.
 * @see https://datatracker.ietf.org/doc/html/rfc6901
 */
import { Unsupported, isObject, type FastContext } from "./context.js";
import type { JsonValue } from "../../ir/json.js";

/** The subschema `ref` points to in the root document. */
export function resolvePointer(ctx: FastContext, ref: string): JsonValue {
  if (!ref.startsWith("#")) throw new Unsupported(`$ref "${ref}" (not a pointer into the same document)`);
  const fragment = ref.slice(1);
  if (fragment !== "" && !fragment.startsWith("/")) throw new Unsupported("$ref to an anchor");
  let node: JsonValue = ctx.root;
  if (fragment === "") return node;
  for (const raw of fragment.slice(1).split("/")) {
    let token: string;
    try {
      token = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    } catch {
      throw new Unsupported("a $ref with bad percent-encoding");
    }
    // A resource boundary on the way changes the base URI of what is inside: not covered.
    if (node !== ctx.root && isObject(node) && (node["$id"] !== undefined || (ctx.ajvClass === "ajv-draft-04" && node["id"] !== undefined)))
      throw new Unsupported("a $ref into an embedded resource");
    if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(token) && Number(token) < node.length) node = node[Number(token)]!;
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, token)) node = node[token]!;
    else throw new Unsupported(`$ref "${ref}" that does not resolve`);
  }
  return node;
}

/**
 * Whether `start` reaches itself along `next` (the subschemas a node leads to; undefined for one that cannot be
 * followed, which counts as reaching). The one walk behind refs.ts `isRecursive` (through `$ref`s anywhere) and
 * cycles.ts `onCycle` (through subschemas applied to the same value).
 */
export function reachesItself(start: JsonValue, next: (node: JsonValue) => readonly (JsonValue | undefined)[]): boolean {
  const seen = new Set<JsonValue>();
  const stack = [start];
  while (stack.length > 0) {
    for (const target of next(stack.pop()!)) {
      if (target === undefined || target === start) return true;
      if (seen.has(target)) continue;
      seen.add(target);
      stack.push(target);
    }
  }
  return false;
}
