/**
 * Array keywords: `items` (a schema, or a tuple with `additionalItems` before 2020-12), `prefixItems` (2020-12),
 * `minItems`/`maxItems`, `contains` (with `minContains`/`maxContains` from 2019-09) and `uniqueItems` (strict
 * equality and a `Set` where the items are known to be scalars, else ajv's pairwise deep equality).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-keywords-for-applying-subschemas-to-arrays
 */
import { jsonLiteral } from "../codegen/escape.js";
import { Unsupported, isObject, type FastContext } from "./context.js";
import { declaredTypes } from "./types.js";
import type { JsonObject, JsonValue } from "../../ir/json.js";

export const ARRAY_KEYWORDS = ["items", "prefixItems", "additionalItems", "minItems", "maxItems", "contains", "minContains", "maxContains", "uniqueItems"] as const;

const SCALARS = new Set(["string", "number", "integer", "boolean", "null"]);

function count(schema: JsonObject, keyword: string): number | undefined {
  const value = schema[keyword];
  if (value === undefined) return undefined;
  if (typeof value !== "number") throw new Unsupported(`a non-number \`${keyword}\``);
  return value;
}

/** Checks `schema` on every element of `value` from index `start`. */
function eachFrom(ctx: FastContext, schema: JsonValue, value: string, start: number, out: string[]): void {
  if (schema === true || (isObject(schema) && Object.keys(schema).length === 0)) return;
  if (schema === false) {
    out.push(`if (${value}.length > ${start}) return false;`);
    return;
  }
  const i = ctx.name("i");
  const item = ctx.name("v");
  const body: string[] = [];
  ctx.checks(ctx, schema, item, body);
  out.push(`for (let ${i} = ${start}; ${i} < ${value}.length; ${i}++) {`, `  const ${item} = ${value}[${i}];`, ...body.map((l) => `  ${l}`), "}");
}

/** Checks `schema` on element `index` when the array has one. */
function at(ctx: FastContext, schema: JsonValue, value: string, index: number, out: string[]): void {
  if (schema === true || (isObject(schema) && Object.keys(schema).length === 0)) return;
  const fn = ctx.subschemaFunction(schema);
  out.push(`if (${value}.length > ${index} && !${fn}(${value}[${index}], d)) return false;`);
}

/** Checks for a value already known to be an array. */
export function emitArray(ctx: FastContext, schema: JsonObject, value: string, out: string[]): void {
  const min = count(schema, "minItems");
  const max = count(schema, "maxItems");
  if (min !== undefined) out.push(`if (${value}.length < ${jsonLiteral(min)}) return false;`);
  if (max !== undefined) out.push(`if (${value}.length > ${jsonLiteral(max)}) return false;`);
  const items = schema["items"];
  let tuple: readonly JsonValue[] = [];
  let rest: JsonValue | undefined = items;
  if (ctx.ajvClass === "ajv-2020") {
    const prefix = schema["prefixItems"];
    if (prefix !== undefined) {
      if (!Array.isArray(prefix)) throw new Unsupported("a non-array `prefixItems`");
      tuple = prefix;
    }
    if (Array.isArray(items)) throw new Unsupported("an array `items` in 2020-12");
  } else if (Array.isArray(items)) {
    tuple = items;
    rest = schema["additionalItems"];
  }
  tuple.forEach((s, index) => at(ctx, s, value, index, out));
  if (rest !== undefined) eachFrom(ctx, rest, value, tuple.length, out);
  emitContains(ctx, schema, value, out);
  if (schema["uniqueItems"] === true) emitUnique(ctx, tuple, rest, isObject(items) ? (declaredTypes(items) ?? []) : [], value, out);
  else if (schema["uniqueItems"] !== undefined && schema["uniqueItems"] !== false) throw new Unsupported("a non-boolean `uniqueItems`");
}

function emitContains(ctx: FastContext, schema: JsonObject, value: string, out: string[]): void {
  const contains = schema["contains"];
  if (contains === undefined) return;
  const next = ctx.ajvClass === "ajv-2019" || ctx.ajvClass === "ajv-2020";
  const min = next ? (count(schema, "minContains") ?? 1) : 1;
  const max = next ? count(schema, "maxContains") : undefined;
  if (min === 0 && max === undefined) return;
  const fn = ctx.subschemaFunction(contains);
  const n = ctx.name("n");
  const i = ctx.name("i");
  out.push(`{`, `  let ${n} = 0;`, `  for (let ${i} = 0; ${i} < ${value}.length; ${i}++) if (${fn}(${value}[${i}], d)) ${n}++;`);
  out.push(`  if (${n} < ${jsonLiteral(min)}) return false;`);
  if (max !== undefined) out.push(`  if (${n} > ${jsonLiteral(max)}) return false;`);
  out.push(`}`);
}

/**
 * `uniqueItems`. `itemTypes` are the types ajv reads off `items` (none for a tuple or a boolean): where they name no
 * scalar-only list ajv compares every pair with deep equality (its `loopN2`), and so does this, with the same
 * `llmcEqual` its generated code calls, in the same order. Otherwise ajv hashes the items of those types and skips
 * the others (`loopN`); the answer is then plain strict equality only when the schema proves every element a scalar.
 */
function emitUnique(ctx: FastContext, tuple: readonly JsonValue[], rest: JsonValue | undefined, itemTypes: readonly string[], value: string, out: string[]): void {
  // Every element must be proven a scalar by the schema itself, or strict equality would differ from deep equality.
  const scalar = (s: JsonValue | undefined): boolean => {
    const types = s === undefined ? undefined : declaredTypes(s);
    return types !== undefined && types.every((t) => SCALARS.has(t));
  };
  if (!(tuple.every(scalar) && (rest === false || scalar(rest)))) {
    if (itemTypes.length > 0 && itemTypes.every((t) => SCALARS.has(t))) throw new Unsupported("`uniqueItems` on scalar `items` beside tuple items not typed as scalars");
    const i = ctx.name("i");
    const j = ctx.name("j");
    ctx.helpers.add("llmcEqual");
    ctx.helpers.add("llmcSeekDuplicate");
    // Past 16 items the scan starts where the first equal pair is (found in linear time): it is quadratic otherwise.
    out.push(`for (let ${i} = ${value}.length > 16 ? llmcSeekDuplicate(${value}) : ${value}.length, ${j}; ${i}--;) for (${j} = ${i}; ${j}--;) if (llmcEqual(${value}[${i}], ${value}[${j}])) return false;`);
    return;
  }
  const i = ctx.name("i");
  const j = ctx.name("j");
  // Small arrays: a quadratic scan forwards without allocating (from the end it cost the valid path about 4%);
  // large ones: a Set (SameValueZero, as ajv's equal on scalars). The block's header reads as the collector's
  // index scan (gzip shares the two).
  out.push(
    "{",
    `  let ${i} = ${value}.length, ${j};`,
    `  if (${i} > 16) {`,
    `    if (new Set(${value}).size !== ${i}) return false;`,
    `  } else for (${i} = 1; ${i} < ${value}.length; ${i}++) for (${j} = 0; ${j} < ${i}; ${j}++) if (${value}[${i}] === ${value}[${j}]) return false;`,
    "}",
  );
}
