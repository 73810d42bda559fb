/**
 * ## How deep a walk that follows `$ref`s can nest
 *
 * The parser bounds the nesting of one file (MAX_DEPTH), but a chain of definitions each referring to the next
 * (`d0 → d1 → … → d9999`, in one file or across files) nests everything that follows references as deep as the
 * chain is long: ajv compiles a target inside the code of the schema that refers to it (a few hundred levels
 * exhaust Node's default stack), the provider export inlines targets, the types emitter names them. Such a bundle
 * is refused here, with `input.too-deep` like the parser's limit, before any of them runs.
 *
 * The measure: the longest path from the root through subschemas and `$ref`s, counting schemas. A recursive group
 * (a strongly connected component, as a tree's `Node` with its `children` and `items`) counts as all its schemas:
 * a walk may pass each of them once before it meets one it is already in, and then it stops (ajv reuses the
 * function it is compiling, the export refuses a recursive inline). So a recursive schema costs its size once,
 * never the depth of the values it accepts.
 */
import { inputError, type InputError, type Location } from "../errors.js";
import { isJsonObject, type JsonObject } from "../ir/json.js";
import { subschemas } from "../ir/keywords.js";
import { localTarget } from "../ir/local-ref.js";
import { MAX_REF_DEPTH } from "./limits.js";

type Node = readonly [JsonObject, string];

interface Group {
  /** Schemas on the longest path from the group on, the group's own included. */
  readonly depth: number;
  /** Where that path goes on: the schema it enters next, and that schema's group. */
  readonly next?: { readonly node: Node; readonly group: Group };
}

export function refuseDeepRefs(schema: JsonObject, sourceOf: (bundlePointer: string) => Location): void {
  const root = deepest(schema);
  if (root.depth <= MAX_REF_DEPTH) return;
  // Along the longest path, the schemas it enters each group by, up to the group where it passes the limit: the
  // path has counted `root.depth - next.depth` schemas once it leaves a group.
  const entered: string[] = [""];
  for (let group = root; group.next !== undefined && root.depth - group.next.group.depth <= MAX_REF_DEPTH; group = group.next.group) {
    entered.push(group.next.node[1]);
  }
  const at = sourceOf(entered[entered.length - 1]!);
  const steps = entered.map((p) => `#${p}`);
  const shown = steps.length <= 5 ? steps : [...steps.slice(0, 2), "…", ...steps.slice(-2)];
  throw inputError(
    "input.too-deep",
    at,
    `schemas nest up to ${root.depth} levels deep through $refs (${shown.join(" → ")}), past the ${MAX_REF_DEPTH} ` +
      `the compilers are sure to follow; shorten the chain of definitions that refer to one another`,
  );
}

/**
 * The root's group in Tarjan's strongly connected components over subschema and `$ref` edges, iterative (explicit
 * stacks: the chain may be as long as the file allows). A group completes after every group it reaches, so its
 * depth is its size plus the deepest of theirs.
 * @see https://doi.org/10.1137/0201010
 */
function deepest(root: JsonObject): Group {
  const index = new Map<JsonObject, number>();
  const low = new Map<JsonObject, number>();
  const group = new Map<JsonObject, Group>();
  const pending = new Map<JsonObject, Node[]>();
  const open: JsonObject[] = [];
  const frames: { node: JsonObject; edges: Node[]; i: number }[] = [];
  const enter = (node: JsonObject, pointer: string): void => {
    index.set(node, index.size);
    low.set(node, index.size - 1);
    open.push(node);
    const edges = children(root, node, pointer);
    pending.set(node, edges);
    frames.push({ node, edges, i: 0 });
  };
  enter(root, "");
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.i < frame.edges.length) {
      const [target, at] = frame.edges[frame.i++]!;
      if (!index.has(target)) enter(target, at);
      else if (!group.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
      continue;
    }
    frames.pop();
    const v = frame.node;
    const parent = frames[frames.length - 1];
    if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(v)!));
    if (low.get(v) !== index.get(v)) continue;
    const members = open.splice(open.lastIndexOf(v));
    let best: Group["next"];
    for (const m of members) {
      for (const edge of pending.get(m)!) {
        const g = group.get(edge[0]);
        if (g !== undefined && (best === undefined || g.depth > best.group.depth)) best = { node: edge, group: g };
      }
    }
    const done: Group = { depth: members.length + (best?.group.depth ?? 0), ...(best !== undefined ? { next: best } : {}) };
    for (const m of members) {
      group.set(m, done);
      pending.delete(m);
    }
  }
  return group.get(root)!;
}

/** The schema objects a node leads to: its subschemas and the target of its `$ref`. */
function children(root: JsonObject, node: JsonObject, pointer: string): Node[] {
  const out: Node[] = [];
  for (const [child, at] of subschemas(node, pointer)) if (isJsonObject(child)) out.push([child, at]);
  const ref = node["$ref"];
  const target = typeof ref === "string" ? localTarget(root, ref) : undefined;
  if (target !== undefined && isJsonObject(target.node)) out.push([target.node, target.pointer]);
  return out;
}

/** V8's stack overflow (not every RangeError: an invalid array or string length is one too, and a bug). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && error.message.includes("call stack");
}

/**
 * The last resort, where a compiler ran out of stack on a schema the bound let through: the same input error at the
 * file's root, never the RangeError's own text. The $ref bound above holds, so what exhausts a compiler then is
 * width as often as depth (ajv writes one nested block per branch of a very long oneOf, e.g. 3,600 of them, or
 * per property of a very wide object): with the schema at hand the message names its longest list.
 */
export function stackExhausted(file: string, schema?: JsonObject): InputError {
  const longest = schema === undefined ? undefined : longestList(schema);
  const where = longest === undefined || longest.length < WIDE ? "" : ` (its longest list, at ${longest.pointer === "" ? "#" : `#${longest.pointer}`}, holds ${longest.length.toLocaleString("en-US")} entries)`;
  return inputError(
    "input.too-deep",
    { file, pointer: "" },
    `compiling this schema ran out of stack: it is too large or too deeply nested for the compiler${where}; split long lists of subschemas, properties or enum members into smaller schemas, or shorten chains of definitions that refer to one another`,
  );
}

/** A list this long is named as the likely cause. */
const WIDE = 500;

/** The longest list of subschemas, properties or enum members in a schema, by an explicit stack (no recursion). */
function longestList(schema: JsonObject): { pointer: string; length: number } | undefined {
  let best: { pointer: string; length: number } | undefined;
  const note = (pointer: string, length: number): void => {
    if (best === undefined || length > best.length) best = { pointer, length };
  };
  const stack: Node[] = [[schema, ""]];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const [value, pointer] = node;
    for (const key of ["oneOf", "anyOf", "allOf", "prefixItems", "enum"]) {
      const list = value[key];
      if (Array.isArray(list)) note(`${pointer}/${key}`, list.length);
    }
    for (const key of ["properties", "patternProperties", "$defs", "definitions"]) {
      const map = value[key];
      if (isJsonObject(map)) note(`${pointer}/${key}`, Object.keys(map).length);
    }
    for (const [child, at] of subschemas(value, pointer)) if (isJsonObject(child)) stack.push([child, at]);
  }
  return best;
}
