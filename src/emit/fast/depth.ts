/**
 * The depth proof of the fast path: how deeply a value the schema accepts can nest (`[]` is 1 level, `[[]]` 2),
 * read from the schema alone, or `Infinity` when nothing bounds it (a recursive `$ref`, or a place that accepts
 * any container: `{}`, an object without `additionalProperties`, an array without `items`).
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
import { isObject, type FastContext } from "./context.js";
import { resolvePointer } from "./refs.js";

/** How many levels of arrays and objects `value` itself nests (a schema literal: `enum`, `const`). */
function literalDepth(value: JsonValue): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(literalDepth));
  if (isObject(value)) return 1 + Math.max(0, ...Object.values(value).map(literalDepth));
  return 0;
}

/** The deepest value `schema` accepts, in levels; `Infinity` when unbounded or unknown. */
export function depthBound(ctx: FastContext, schema: JsonValue): number {
  return bound(ctx, schema, new Set());
}

function bound(ctx: FastContext, schema: JsonValue, open: Set<JsonValue>): number {
  if (schema === false) return 0;
  if (!isObject(schema)) return Infinity;
  // A subschema met again on the way down is recursion: no static bound.
  if (open.has(schema)) return Infinity;
  open.add(schema);
  try {
    return own(ctx, schema, open);
  } finally {
    open.delete(schema);
  }
}

function own(ctx: FastContext, schema: JsonObject, open: Set<JsonValue>): number {
  let best = structural(ctx, schema, open);
  const limit = (n: number): void => {
    best = Math.min(best, n);
  };
  if (Array.isArray(schema["enum"])) limit(Math.max(0, ...schema["enum"].map(literalDepth)));
  if (schema["const"] !== undefined) limit(literalDepth(schema["const"]));
  const ref = schema["$ref"];
  if (typeof ref === "string") {
    try {
      limit(bound(ctx, resolvePointer(ctx, ref), open));
    } catch {
      // A reference the fast path cannot follow makes it give up anyway; it bounds nothing here.
    }
  }
  if (Array.isArray(schema["allOf"])) for (const sub of schema["allOf"]) limit(bound(ctx, sub, open));
  for (const keyword of ["anyOf", "oneOf"]) {
    const branches = schema[keyword];
    if (Array.isArray(branches) && branches.length > 0) limit(Math.max(...branches.map((b) => bound(ctx, b, open))));
  }
  return best;
}

/** The bound from `type` and the object and array keywords: the deepest of the types the schema allows. */
function structural(ctx: FastContext, schema: JsonObject, open: Set<JsonValue>): number {
  const type = schema["type"];
  const types = typeof type === "string" ? [type] : Array.isArray(type) ? type : undefined;
  const allows = (t: string): boolean => types === undefined || types.includes(t);
  let deepest = 0;
  if (allows("object")) deepest = Math.max(deepest, objectBound(ctx, schema, open));
  if (allows("array")) deepest = Math.max(deepest, arrayBound(ctx, schema, open));
  return deepest;
}

function objectBound(ctx: FastContext, schema: JsonObject, open: Set<JsonValue>): number {
  if (schema["maxProperties"] === 0) return 1;
  const additional = schema["additionalProperties"];
  if (additional === undefined) return Infinity;
  // Every own property is checked against `properties`, `patternProperties` or `additionalProperties`.
  let deepest = bound(ctx, additional, open);
  for (const keyword of ["properties", "patternProperties"]) {
    const map = schema[keyword];
    if (map === undefined) continue;
    if (!isObject(map)) return Infinity;
    for (const sub of Object.values(map)) deepest = Math.max(deepest, bound(ctx, sub, open));
  }
  return 1 + deepest;
}

function arrayBound(ctx: FastContext, schema: JsonObject, open: Set<JsonValue>): number {
  const max = schema["maxItems"];
  if (max === 0) return 1;
  const items = schema["items"];
  let tuple: readonly JsonValue[] = [];
  let rest: JsonValue | undefined = items;
  if (ctx.ajvClass === ("ajv-2020" satisfies AjvClass)) {
    const prefix = schema["prefixItems"];
    if (Array.isArray(prefix)) tuple = prefix;
    if (Array.isArray(items)) return Infinity;
  } else if (Array.isArray(items)) {
    tuple = items;
    rest = schema["additionalItems"];
  }
  let deepest = Math.max(0, ...tuple.map((s) => bound(ctx, s, open)));
  // Elements past the tuple exist only when `maxItems` leaves room for them.
  const restMatters = !(typeof max === "number" && max <= tuple.length);
  if (restMatters) deepest = Math.max(deepest, rest === undefined ? Infinity : bound(ctx, rest, open));
  return 1 + deepest;
}
