/**
 * `unevaluatedProperties`/`unevaluatedItems` beside in-place applicators, lowered to plain keywords the engine
 * already judges. A property is "evaluated" when `properties`, `patternProperties`, `additionalProperties` (or
 * `unevaluatedProperties`) of the node or of a subschema applied in place to the same instance (`allOf`, `$ref`,
 * the passing `anyOf`/`oneOf` branches, `if` when it passes with `then`, else `else`, `dependentSchemas` whose key
 * is present) applied to it. When that set is the same whichever branches pass (every alternative evaluates the
 * same names and patterns, or everything), it is static, and
 *
 *     {…, unevaluatedProperties: U}  ≡  {…, properties: {…, n: true for n evaluated elsewhere},
 *                                          patternProperties: {…, p: true …}, additionalProperties: U}
 *
 * (adding `true` members constrains nothing; `additionalProperties` then covers exactly the keys nothing evaluated).
 * Items alike: evaluated is a prefix (the longest `prefixItems`) or everything (`items`, `unevaluatedItems`);
 * `contains` evaluates the items it matches, which depends on the value. Where the set is not static, the node is
 * left as it is and the cause is kept (`unevaluatedCause`) for the engine's "not understood" finding.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-11
 */
import { carryLiterals } from "../../ir/exact.js";
import { isJsonObject, type Draft, type JsonObject } from "../../ir/json.js";
import { IN_PLACE } from "../pair.js";
import { normalizeNode } from "../normalize.js";
import { acceptsNothing, resolveRef } from "../schema.js";
import type { SchemaNode } from "../types.js";

interface Evaluated {
  readonly names: ReadonlySet<string>;
  readonly patterns: ReadonlySet<string>;
  readonly allProps: boolean;
  readonly prefix: number;
  readonly allItems: boolean;
}

class NotStatic extends Error {}

const NONE: Evaluated = { names: new Set(), patterns: new Set(), allProps: false, prefix: 0, allItems: false };
const MAX_DEPTH = 32;
/** Subschemas visited per lowering (a shared `$ref` reached along many paths is visited along each). */
const MAX_VISITS = 2000;

const memo = new WeakMap<object, WeakMap<object, SchemaNode>>();
const causes = new WeakMap<object, string>();

/** Why a node's unevaluated* keyword could not be lowered (undefined: it was, or there was nothing to lower). */
export function unevaluatedCause(node: SchemaNode): string | undefined {
  return typeof node === "boolean" ? undefined : causes.get(node);
}

/** The node (already normalized) with unevaluated* beside in-place applicators lowered; memoised per root and node. */
export function lowerUnevaluated(node: SchemaNode, root: SchemaNode, draft: Draft): SchemaNode {
  if (typeof node === "boolean" || typeof root === "boolean") return node;
  if (node["unevaluatedProperties"] === undefined && node["unevaluatedItems"] === undefined) return node;
  // Alone, unevaluated* is additionalProperties/items in all but name, and the engine pairs it as such (pair.ts).
  if (!IN_PLACE.some((k) => node[k] !== undefined)) return node;
  let byNode = memo.get(root);
  if (byNode === undefined) memo.set(root, (byNode = new WeakMap()));
  let out = byNode.get(node);
  if (out === undefined) byNode.set(node, (out = lowerOnce(node, root, draft)));
  return out;
}

function lowerOnce(node: JsonObject, root: JsonObject, draft: Draft): SchemaNode {
  if (node["$dynamicRef"] !== undefined || node["$recursiveRef"] !== undefined) return keep(node, "a dynamic reference decides what is evaluated at run time");
  // What the rest of the node evaluates: the node without its own unevaluated* keywords.
  const rest: JsonObject = { ...node };
  delete rest["unevaluatedProperties"];
  delete rest["unevaluatedItems"];
  const out: JsonObject = { ...node };
  const why: string[] = [];
  const ev = (aspect: Aspect): Evaluated | undefined => {
    try {
      return evaluated(rest, root, draft, 0, aspect, { visits: 0 });
    } catch (e) {
      if (!(e instanceof NotStatic)) throw e;
      why.push(e.message);
      return undefined;
    }
  };
  const evProps = out["unevaluatedProperties"] !== undefined ? ev("properties") : undefined;
  if (evProps !== undefined) {
    const ev = evProps;
    if (!ev.allProps) {
      out["properties"] = withTrue(node["properties"], ev.names);
      out["patternProperties"] = withTrue(node["patternProperties"], ev.patterns);
      out["additionalProperties"] = node["unevaluatedProperties"]!;
    }
    delete out["unevaluatedProperties"];
  }
  const evItems = out["unevaluatedItems"] !== undefined ? ev("items") : undefined;
  if (evItems !== undefined) {
    const ev = evItems;
    if (!ev.allItems) {
      const own = Array.isArray(node["prefixItems"]) ? node["prefixItems"] : [];
      out["prefixItems"] = [...own, ...Array.from({ length: Math.max(0, ev.prefix - own.length) }, () => true)];
      out["items"] = node["unevaluatedItems"]!;
    }
    delete out["unevaluatedItems"];
  }
  for (const kw of ["properties", "patternProperties", "prefixItems"]) {
    const v = out[kw];
    if ((isJsonObject(v) && Object.keys(v).length === 0 && node[kw] === undefined) || (Array.isArray(v) && v.length === 0 && node[kw] === undefined)) delete out[kw];
  }
  carryLiterals(node, out);
  if (evProps === undefined && evItems === undefined) return keep(node, why.join("; "));
  if (why.length > 0) causes.set(out, why.join("; "));
  return out;
}

type Aspect = "properties" | "items";

function keep(node: JsonObject, cause: string): SchemaNode {
  causes.set(node, cause);
  return node;
}

function withTrue(members: unknown, keys: ReadonlySet<string>): JsonObject {
  const out: JsonObject = isJsonObject(members) ? { ...members } : {};
  for (const k of keys) if (out[k] === undefined) out[k] = true;
  return out;
}

/** The evaluated set of a subschema applied in place; throws NotStatic when it depends on the value. */
function evaluated(raw: SchemaNode, root: JsonObject, draft: Draft, depth: number, aspect: Aspect, work: { visits: number }): Evaluated {
  if (typeof raw === "boolean") return NONE;
  if (depth > MAX_DEPTH) throw new NotStatic("in-place applicators nest too deeply to list what they evaluate");
  if (++work.visits > MAX_VISITS) throw new NotStatic(`listing what the in-place applicators evaluate took more than ${MAX_VISITS} steps`);
  const node = normalizeNode(raw, draft) as JsonObject;
  if (node["$dynamicRef"] !== undefined || node["$recursiveRef"] !== undefined) throw new NotStatic("a dynamic reference decides what is evaluated at run time");
  const props = isJsonObject(node["properties"]) ? Object.keys(node["properties"]) : [];
  const patterns = isJsonObject(node["patternProperties"]) ? Object.keys(node["patternProperties"]) : [];
  let base: Evaluated = {
    names: new Set(props),
    patterns: new Set(patterns),
    allProps: node["additionalProperties"] !== undefined || node["unevaluatedProperties"] !== undefined,
    prefix: Array.isArray(node["prefixItems"]) ? node["prefixItems"].length : 0,
    allItems: node["items"] !== undefined || node["unevaluatedItems"] !== undefined,
  };
  const sub = (s: unknown): Evaluated => evaluated(s as SchemaNode, root, draft, depth + 1, aspect, work);
  if (typeof node["$ref"] === "string") {
    const target = resolveRef(root, node["$ref"]);
    if (target === undefined) throw new NotStatic(`$ref ${JSON.stringify(node["$ref"])} does not resolve`);
    base = union(base, sub(target.node));
  }
  if (Array.isArray(node["allOf"])) for (const b of node["allOf"]) base = union(base, sub(b));
  // Alternatives: the set must come out the same whichever of them applies.
  const groups: Evaluated[][] = [];
  for (const kw of ["anyOf", "oneOf"]) {
    const list = node[kw];
    if (Array.isArray(list)) groups.push(list.filter((b) => !acceptsNothing(b as SchemaNode)).map(sub));
  }
  if (node["if"] !== undefined && (node["then"] !== undefined || node["else"] !== undefined)) {
    groups.push([union(sub(node["if"]), sub(node["then"] ?? true)), sub(node["else"] ?? true)]);
  } else if (node["if"] !== undefined) groups.push([sub(node["if"]), NONE]);
  if (isJsonObject(node["dependentSchemas"])) for (const d of Object.values(node["dependentSchemas"])) groups.push([sub(d), NONE]);
  for (const group of groups) {
    const options = group.map((g) => union(base, g));
    if (options.some((o) => !same(o, options[0]!, aspect))) throw new NotStatic(`branches evaluate different ${aspect}, so what is left unevaluated depends on which branch a value matches`);
    if (options.length > 0) base = options[0]!;
  }
  // `contains` marks the items it matches: only a static set when every item is evaluated anyway.
  if (aspect === "items" && node["contains"] !== undefined && !base.allItems) throw new NotStatic("contains evaluates the items it matches, which depends on the value");
  return base;
}

function union(a: Evaluated, b: Evaluated): Evaluated {
  return {
    names: new Set([...a.names, ...b.names]),
    patterns: new Set([...a.patterns, ...b.patterns]),
    allProps: a.allProps || b.allProps,
    prefix: Math.max(a.prefix, b.prefix),
    allItems: a.allItems || b.allItems,
  };
}

function same(a: Evaluated, b: Evaluated, aspect: Aspect): boolean {
  if (aspect === "properties") return (a.allProps && b.allProps) || (!a.allProps && !b.allProps && eqSet(a.names, b.names) && eqSet(a.patterns, b.patterns));
  return (a.allItems && b.allItems) || (!a.allItems && !b.allItems && a.prefix === b.prefix);
}

function eqSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
