/**
 * The depth proof of the fast path: how deeply a value the fast path accepts can nest (`[]` is 1 level, `[[]]`
 * 2), read from the schema and the fast path's own `$ref` bound, or `Infinity` when nothing bounds it (a place
 * that accepts any container: `{}`, an object without `additionalProperties`, an array without `items`).
 *
 * Why: `is…` and `parse…` refuse values nested past `maxDepth` (default 1000) even when the schema accepts them.
 * For a schema whose accepted values nest at most N levels, a `true` from the fast path is itself the proof that
 * the value is within any `maxDepth >= N`, so the valid path needs no walk over the value. Every keyword is a
 * conjunct, so a keyword this analysis does not read (`not`, `if`, `contains`, formats...) only makes the bound
 * looser, never wrong: the bound is the smallest of the bounds of the keywords it reads. The property test
 * (test/emit/fast/property.test.ts) checks it: a value the fast path accepts never nests deeper than the bound.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-keywords-for-applying-subschemas-to-arrays
 */
import type { AjvClass } from "../../ir/drafts.js";
import type { JsonObject, JsonValue } from "../../ir/json.js";
import { MAX_REF_DEPTH, isObject, type FastContext } from "./context.js";
import { resolvePointer } from "./pointer.js";
import { isRecursive } from "./refs.js";

/**
 * The largest of `items` measured by `measure`, 0 for none. A loop, not `Math.max(...list)`: a list the schema
 * sizes (an `enum` of 200,000 members) passes V8's limit on arguments, and the RangeError took the whole bound.
 */
function deepestOf<T>(items: readonly T[], measure: (item: T) => number): number {
  let deepest = 0;
  for (const item of items) deepest = Math.max(deepest, measure(item));
  return deepest;
}

/** How many levels of arrays and objects `value` itself nests (a schema literal: `enum`, `const`). */
function literalDepth(value: JsonValue): number {
  if (Array.isArray(value)) return 1 + deepestOf(value, literalDepth);
  if (isObject(value)) return 1 + deepestOf(Object.values(value), literalDepth);
  return 0;
}

/** The deepest value `schema` accepts, in levels; `Infinity` when unbounded or unknown. */
export function depthBound(ctx: FastContext, schema: JsonValue): number {
  try {
    return new Analysis(ctx).bound(schema, MAX_REF_DEPTH);
  } catch (error) {
    // Long `$ref` cycles unrolled MAX_REF_DEPTH times can outrun the stack: then no bound (the value is walked).
    if (error instanceof RangeError) return Infinity;
    throw error;
  }
}

/**
 * One bound computation. Recursion is only through `$ref`s whose target reaches itself, which the fast path
 * checks with depth-bounded functions (refs.ts): a `true` answer means no chain of them went past
 * `MAX_REF_DEPTH` calls. So each such `$ref` spends one unit of `budget`, and with none left the fast path
 * cannot answer `true` there (it answers undefined): that place accepts nothing. Other `$ref`s cannot loop.
 */
class Analysis {
  private readonly memo = new Map<JsonValue, Map<number, number>>();
  private readonly recursive = new Map<string, boolean>();

  constructor(readonly ctx: FastContext) {}

  bound(schema: JsonValue, budget: number): number {
    if (schema === false) return 0;
    if (!isObject(schema)) return Infinity;
    let byBudget = this.memo.get(schema);
    if (byBudget === undefined) this.memo.set(schema, (byBudget = new Map()));
    const known = byBudget.get(budget);
    if (known !== undefined) return known;
    const result = this.own(schema, budget);
    byBudget.set(budget, result);
    return result;
  }

  private own(schema: JsonObject, budget: number): number {
    let best = structural(this, schema, budget);
    const limit = (n: number): void => {
      best = Math.min(best, n);
    };
    if (Array.isArray(schema["enum"])) limit(deepestOf(schema["enum"], literalDepth));
    if (schema["const"] !== undefined) limit(literalDepth(schema["const"]));
    const ref = schema["$ref"];
    if (typeof ref === "string") limit(this.ref(ref, budget));
    if (Array.isArray(schema["allOf"])) for (const sub of schema["allOf"]) limit(this.bound(sub, budget));
    for (const keyword of ["anyOf", "oneOf"]) {
      const branches = schema[keyword];
      if (Array.isArray(branches) && branches.length > 0) limit(deepestOf(branches, (b) => this.bound(b, budget)));
    }
    return best;
  }

  private ref(ref: string, budget: number): number {
    let target: JsonValue;
    try {
      target = resolvePointer(this.ctx, ref);
    } catch {
      // A reference the fast path cannot follow makes it give up anyway; it bounds nothing here.
      return Infinity;
    }
    let recursive = this.recursive.get(ref);
    if (recursive === undefined) this.recursive.set(ref, (recursive = isRecursive(this.ctx, ref)));
    if (!recursive) return this.bound(target, budget);
    return budget === 0 ? 0 : this.bound(target, budget - 1);
  }
}

/** The bound from `type` and the object and array keywords: the deepest of the types the schema allows. */
function structural(a: Analysis, schema: JsonObject, budget: number): number {
  const type = schema["type"];
  const types = typeof type === "string" ? [type] : Array.isArray(type) ? type : undefined;
  const allows = (t: string): boolean => types === undefined || types.includes(t);
  let deepest = 0;
  if (allows("object")) deepest = Math.max(deepest, objectBound(a, schema, budget));
  if (allows("array")) deepest = Math.max(deepest, arrayBound(a, schema, budget));
  return deepest;
}

function objectBound(a: Analysis, schema: JsonObject, budget: number): number {
  if (schema["maxProperties"] === 0) return 1;
  const additional = schema["additionalProperties"];
  if (additional === undefined) return Infinity;
  // Every own property is checked against `properties`, `patternProperties` or `additionalProperties`.
  let deepest = a.bound(additional, budget);
  for (const keyword of ["properties", "patternProperties"]) {
    const map = schema[keyword];
    if (map === undefined) continue;
    if (!isObject(map)) return Infinity;
    for (const sub of Object.values(map)) deepest = Math.max(deepest, a.bound(sub, budget));
  }
  return 1 + deepest;
}

function arrayBound(a: Analysis, schema: JsonObject, budget: number): number {
  const max = schema["maxItems"];
  if (max === 0) return 1;
  const items = schema["items"];
  let tuple: readonly JsonValue[] = [];
  let rest: JsonValue | undefined = items;
  if (a.ctx.ajvClass === ("ajv-2020" satisfies AjvClass)) {
    const prefix = schema["prefixItems"];
    if (Array.isArray(prefix)) tuple = prefix;
    if (Array.isArray(items)) return Infinity;
  } else if (Array.isArray(items)) {
    tuple = items;
    rest = schema["additionalItems"];
  }
  let deepest = deepestOf(tuple, (s) => a.bound(s, budget));
  // Elements past the tuple exist only when `maxItems` leaves room for them.
  const restMatters = !(typeof max === "number" && max <= tuple.length);
  if (restMatters) deepest = Math.max(deepest, rest === undefined ? Infinity : a.bound(rest, budget));
  return 1 + deepest;
}
