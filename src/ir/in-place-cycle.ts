/**
 * ## A `$ref` cycle that never descends into the value
 *
 * In-place applicators (`$ref`, `allOf`, `anyOf`, `oneOf`, `not`, `if` with `then`/`else`, `dependentSchemas`,
 * schema-valued `dependencies`) apply a subschema to the very value the schema is given. A cycle made of them alone,
 * as `{"$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"$ref": "#/$defs/A"}}}`, applies itself to one value without end:
 * ajv recurses out of stack resolving it (a `$ref`-only chain) or when validating (the others). JSON Schema Core
 * (§9.4.1) says schemas SHOULD NOT do this and leaves the behaviour undefined. A cycle through `properties`,
 * `items`, `additionalProperties`… descends into a part of the value at each turn and ends with it: a recursive
 * schema (a tree), which is fine and is not reported.
 *
 * The one finder of such cycles: the loader refuses a bundle holding one (src/load/ref-cycle.ts, `schema.ref-cycle`)
 * and drift refuses an input holding one (src/drift/inputs.ts, `drift.infinite-recursion`).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-9.4.1
 */
import { isJsonObject, pointerAppend, type JsonObject } from "./json.js";
import { subschemas } from "./keywords.js";
import { localTarget } from "./local-ref.js";

const ARRAYS = ["allOf", "anyOf", "oneOf"];
const MAPS = ["dependentSchemas", "dependencies"];

/** A schema object and its pointer in the root. */
type Node = readonly [JsonObject, string];

/**
 * The first in-place cycle in document order, as the pointers it passes through, starting and ending with the node
 * where the walk entered it (`["/$defs/A", "/$defs/B", "/$defs/A"]`); undefined when there is none. No recursion:
 * any depth of nesting or length of chain is walked with explicit stacks.
 */
export function inPlaceCycle(root: JsonObject): readonly string[] | undefined {
  const state = new Map<JsonObject, "open" | "done">();
  for (const [start, pointer] of schemaObjects(root)) {
    if (state.has(start)) continue;
    const stack: { node: Node; next: Node[] }[] = [{ node: [start, pointer], next: inPlace(root, start, pointer) }];
    state.set(start, "open");
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edge = top.next.pop();
      if (edge === undefined) {
        state.set(top.node[0], "done");
        stack.pop();
        continue;
      }
      const seen = state.get(edge[0]);
      if (seen === "open") {
        const from = stack.findIndex((frame) => frame.node[0] === edge[0]);
        return [...stack.slice(from).map((frame) => frame.node[1]), stack[from]!.node[1]];
      }
      if (seen === undefined) {
        state.set(edge[0], "open");
        stack.push({ node: edge, next: inPlace(root, edge[0], edge[1]) });
      }
    }
  }
  return undefined;
}

/**
 * The schema objects a node applies to its own value, reversed (so that popping takes them in key order). Only what
 * a validator applies counts: `if` without `then`/`else`, and `then`/`else` without `if`, are ignored by ajv.
 */
function inPlace(root: JsonObject, node: JsonObject, pointer: string): Node[] {
  const out: Node[] = [];
  const add = (value: unknown, at: string): void => {
    if (isJsonObject(value)) out.push([value, at]);
  };
  const conditional = node["if"] !== undefined;
  for (const [key, value] of Object.entries(node)) {
    const at = pointerAppend(pointer, key);
    if (key === "$ref" && typeof value === "string") {
      const target = localTarget(root, value);
      if (target !== undefined) add(target.node, target.pointer);
    } else if (ARRAYS.includes(key) && Array.isArray(value)) value.forEach((v, i) => add(v, pointerAppend(at, i)));
    else if (key === "not") add(value, at);
    else if (key === "if" ? node["then"] !== undefined || node["else"] !== undefined : (key === "then" || key === "else") && conditional) add(value, at);
    else if (MAPS.includes(key) && isJsonObject(value)) for (const [k, v] of Object.entries(value)) add(v, pointerAppend(at, k));
  }
  return out.reverse();
}

/** Every schema object under the root, the root first, in document order. */
function* schemaObjects(root: JsonObject): Generator<Node> {
  const stack: Node[] = [[root, ""]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    yield item;
    const children = subschemas(item[0], item[1]);
    for (let i = children.length - 1; i >= 0; i--) {
      const [child, at] = children[i]!;
      if (isJsonObject(child)) stack.push([child, at]);
    }
  }
}
