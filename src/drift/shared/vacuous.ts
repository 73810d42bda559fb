/**
 * Types a `oneOf` can never accept, found from branches that accept every value of a type.
 *
 * Why: a branch written for objects only (`properties`, `required`, no `type`) accepts every string, number,
 * array, boolean and null. When two branches of a `oneOf` do that for the same type, every value of that type
 * matches both and the `oneOf` rejects it. Its values are then of the other types only, which is what makes
 * branches discriminated by a required `const` property disjoint for every value the `oneOf` holds.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.3
 */
import type { At } from "../define.js";
import { ALL_TYPES, assertionKeys, hasType, isObj, resolveRef, typesOf, type BasicType } from "../schema.js";
import { resolve, type Root } from "./resolve.js";

/** The types each keyword constrains: on a value of any other type the keyword holds whatever it says. */
const APPLIES: Readonly<Record<string, readonly BasicType[]>> = Object.fromEntries([
  ...["properties", "required", "additionalProperties", "patternProperties", "minProperties", "maxProperties", "dependentRequired",
    "dependencies", "dependentSchemas", "propertyNames", "unevaluatedProperties"].map((k) => [k, ["object"]]),
  ...["items", "prefixItems", "additionalItems", "minItems", "maxItems", "uniqueItems", "contains", "minContains", "maxContains",
    "unevaluatedItems"].map((k) => [k, ["array"]]),
  ...["minLength", "maxLength", "pattern"].map((k) => [k, ["string"]]),
  ...["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"].map((k) => [k, ["number"]]),
  // Formats of numbers exist too (int32, double): a format constrains strings and numbers.
  ["format", ["string", "number"]],
]);

/** Whether the node accepts every value of type `t` (t is a full type: "number" means every number). */
export function acceptsEveryOf(node: At["node"], t: BasicType, r: Root): boolean {
  // A `$ref` that does not resolve is judged elsewhere (unknown), and one with sibling assertions constrains more
  // than its target: neither is claimed to accept everything.
  for (let i = 0, x = node; isObj(x) && typeof x["$ref"] === "string"; i++) {
    const target = resolveRef(r.root, x["$ref"]);
    if (i >= 32 || target === undefined || assertionKeys(x).some((k) => k !== "$ref")) return false;
    x = target.node;
  }
  const n = resolve(node, r);
  if (typeof n === "boolean") return n;
  if (!typesOf(n).has(t)) return false;
  for (const k of assertionKeys(n)) {
    if (k === "type") continue;
    const applies = APPLIES[k];
    if (applies === undefined || applies.includes(t)) return false;
  }
  return true;
}

/**
 * The subset of `within` a `oneOf` of these branches may accept: a type is dropped when no branch allows it or
 * when two branches accept every value of it. Sound: only types with no accepted value are dropped.
 */
export function oneOfTypes(branches: readonly At[], r: Root, within: ReadonlySet<BasicType>): Set<BasicType> {
  const out = new Set<BasicType>();
  for (const t of within) {
    const full: BasicType = t === "integer" ? "number" : t;
    if (!ALL_TYPES.includes(full)) continue;
    if (!branches.some((b) => hasType(typesOf(resolve(b.node, r)), t))) continue;
    let trivial = 0;
    for (const b of branches) if (acceptsEveryOf(b.node, full, r) && ++trivial >= 2) break;
    if (trivial < 2) out.add(t);
  }
  return out;
}
