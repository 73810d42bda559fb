/**
 * The schema dialect we hand to json-schema-to-typescript: the few shapes it prints correctly, built only here.
 *
 * Why a dialect instead of the user's schema: jsts guesses types from keywords (`default: "x"` makes a string,
 * `properties` without `type` makes an interface, `patternProperties` alone closes an object, 2020-12 tuples print as
 * `never[]`), copies text into code (`tsType`, pattern comments), and names things on its own (`Item1`). A schema
 * made only of the shapes below prints exactly:
 *
 *   {tsType: "unknown"}                     unknown
 *   {tsType: Name}                          a reference to one of our defs, by the name `names.ts` gave it
 *   {anyOf: []}                             never
 *   {type: "string"|"number"|"boolean"|"null"}
 *   {enum: [primitives]}                    a union of literals (JSON-quoted by jsts)
 *   {type: "object", properties, required, additionalProperties: boolean | node}
 *   {type: "array", items: node}            node[]
 *   {type: "array", items: [..], additionalItems: false | node}   exact tuple, optional rest
 *   {anyOf: [..]} / {allOf: [..]}           union / intersection
 * plus `title` (only on defs), `description` (escaped here) and `deprecated: true`.
 *
 * `tsType` holds only `unknown` or a name from `names.ts` (checked `[A-Za-z0-9_]`), never schema text. Why references
 * are not `$ref`s: jsts dereferences them into object cycles and recurses through them, so a few hundred mutually
 * recursive defs overflow the stack; a `$ref` with siblings makes the ref parser copy its target, which jsts then
 * declares a second time as `Name1` (jsts #363, #635). A name is a leaf: every def is parsed on its own.
 */
import type { JsonPrimitive } from "../../ir/json.js";

export interface DNode {
  title?: string;
  description?: string;
  deprecated?: true;
  tsType?: string;
  type?: "string" | "number" | "boolean" | "null" | "object" | "array";
  enum?: JsonPrimitive[];
  properties?: { [key: string]: DNode };
  required?: string[];
  additionalProperties?: boolean | DNode;
  items?: DNode | DNode[];
  additionalItems?: boolean | DNode;
  anyOf?: DNode[];
  allOf?: DNode[];
}

/**
 * A copy of the tree under `root` (a node reached twice is copied once, so shared subtrees stay shared), each copy
 * first given `edit(copy, original)` for its own fields; the children are copied after.
 */
export function copyTree(root: DNode, edit: (out: DNode, node: DNode) => void): DNode {
  const copies = new Map<DNode, DNode>();
  const copy = (node: DNode): DNode => {
    const known = copies.get(node);
    if (known !== undefined) return known;
    const out: DNode = { ...node };
    copies.set(node, out);
    edit(out, node);
    if (node.properties !== undefined) out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, copy(v)]));
    if (typeof node.additionalProperties === "object") out.additionalProperties = copy(node.additionalProperties);
    if (node.items !== undefined) out.items = Array.isArray(node.items) ? node.items.map(copy) : copy(node.items);
    if (typeof node.additionalItems === "object") out.additionalItems = copy(node.additionalItems);
    if (node.anyOf !== undefined) out.anyOf = node.anyOf.map(copy);
    if (node.allOf !== undefined) out.allOf = node.allOf.map(copy);
    return out;
  };
  return copy(root);
}

export function unknownNode(): DNode {
  return { tsType: "unknown" };
}

export function neverNode(): DNode {
  return { anyOf: [] };
}

export function isUnknown(node: DNode): boolean {
  return node.tsType === "unknown";
}

/** A reference to a named def. `name` comes from `names.ts`, so it is an identifier and never `unknown`. */
export function refNode(name: string): DNode {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name === "unknown") throw new Error(`not a type name: ${name}`);
  return { tsType: name };
}

export function isRef(node: DNode): boolean {
  return node.tsType !== undefined && !isUnknown(node);
}

export function isNever(node: DNode): boolean {
  return node.anyOf !== undefined && node.anyOf.length === 0;
}

/**
 * An object shape. jsts prints a closed object without members as `{}`, which TypeScript reads as "any non-nullish
 * value"; an index signature of `never` says "no keys".
 */
export function objectNode(
  properties: { [placeholder: string]: DNode },
  required: string[],
  index: boolean | DNode,
): DNode {
  const closedEmpty = index === false && Object.keys(properties).length === 0;
  return { type: "object", properties, required, additionalProperties: closedEmpty ? neverNode() : index };
}

/** A node that only groups others and may be merged into an enclosing group of the same kind. */
function isBareGroup(node: DNode, key: "anyOf" | "allOf"): boolean {
  return node[key] !== undefined && Object.keys(node).length === 1;
}

/**
 * Members of a union or intersection, flattened and deduplicated: by identity, and a bare `{type: k}` by its kind
 * (`{type: "string", allOf: [{minLength: 1}]}` gives two `{type: "string"}` nodes, which should print once).
 */
function members(nodes: readonly DNode[], key: "anyOf" | "allOf"): DNode[] {
  const unique = new Map<unknown, DNode>();
  for (const node of nodes) {
    for (const m of isBareGroup(node, key) ? node[key]! : [node]) {
      const bareKind = m.type !== undefined && Object.keys(m).length === 1 ? m.type : undefined;
      if (!unique.has(bareKind ?? m)) unique.set(bareKind ?? m, m);
    }
  }
  return [...unique.values()];
}

/** Union: `never` members dropped, an `unknown` member absorbs the rest. */
export function union(nodes: readonly DNode[]): DNode {
  if (nodes.some(isUnknown)) return unknownNode();
  const flat = members(
    nodes.filter((n) => !isNever(n)),
    "anyOf",
  );
  return flat.length === 1 ? flat[0]! : { anyOf: flat };
}

/** Intersection: `unknown` members dropped, a `never` member absorbs the rest. */
export function intersection(nodes: readonly DNode[]): DNode {
  if (nodes.some(isNever)) return neverNode();
  const flat = members(
    nodes.filter((n) => !isUnknown(n)),
    "allOf",
  );
  if (flat.length === 0) return unknownNode();
  return flat.length === 1 ? flat[0]! : { allOf: flat };
}

/** Attaches a description (escaped) and deprecation to a node of our own. */
export function annotate(node: DNode, description: string | undefined, deprecated: boolean): DNode {
  const text = description === undefined ? "" : commentText(description);
  if (text !== "") node.description = text;
  if (deprecated) node.deprecated = true;
  return node;
}

/** Gives a def its type name. */
export function named(node: DNode, title: string): DNode {
  node.title = title;
  return node;
}

/**
 * Comment text under the rules of `docComment` in `codegen/escape.ts`: `*\/` cannot close the comment, every line
 * terminator (CR, LF, U+2028, U+2029) becomes `\n` (jsts puts the ` * ` gutter only after `\n`), trailing blanks go,
 * and lone surrogates become U+FFFD so the file is valid UTF-8.
 */
function commentText(text: string): string {
  const lines = text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/\*\//g, "*\\/")
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => line.replace(/\s+$/, ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  while (lines.length > 0 && lines[0] === "") lines.shift();
  return lines.join("\n");
}

const sizes = new WeakMap<DNode, number>();

/**
 * How many leaf types jsts will print for a node: named refs count once, everything else is inlined at every
 * use. Bounds tuple expansion (see `arrays.ts`). Memoized, so linear in the number of distinct nodes.
 */
export function printedSize(node: DNode): number {
  const known = sizes.get(node);
  if (known !== undefined) return known;
  let size = 1;
  if (node.enum !== undefined) size = node.enum.length;
  else if (node.anyOf !== undefined || node.allOf !== undefined) size = sum(node.anyOf ?? node.allOf ?? []);
  else if (node.properties !== undefined) {
    size = 1 + sum(Object.values(node.properties));
    if (typeof node.additionalProperties === "object") size += printedSize(node.additionalProperties);
  } else if (Array.isArray(node.items)) {
    size = 1 + sum(node.items);
    if (typeof node.additionalItems === "object") size += printedSize(node.additionalItems);
  } else if (node.items !== undefined) size = 1 + printedSize(node.items);
  sizes.set(node, size);
  return size;
}

function sum(nodes: readonly DNode[]): number {
  return nodes.reduce((acc, n) => acc + printedSize(n), 0);
}
