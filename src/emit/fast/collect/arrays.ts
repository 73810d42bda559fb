/**
 * Array keywords with ajv's params, in its order: `maxItems`, `minItems` (`{limit}`), `items` as one schema for
 * every element (instance path `/<index>`), then `uniqueItems` (`{i, j}`), found by ajv's own two loops so the
 * pair reported is ajv's: an index map from the end when the `items` types are all scalars, else every pair
 * from the end with deep equality. Tuples: `prefixItems` then `items` for the rest (2020-12), or `additionalItems`
 * then `items` as an array (ajv's rule order before 2020-12); `false` for the rest is one error (`{limit}`).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#name-uniqueitems
 */
import { jsonLiteral } from "../../codegen/escape.js";
import { Unsupported, isObject, type FastContext } from "../context.js";
import { declaredTypes, typeTest } from "../types.js";
import { bindPath, pathCode, report, type At, type Collect } from "./context.js";
import type { JsonObject, JsonValue } from "../../../ir/json.js";

function count(schema: JsonObject, keyword: string): number | undefined {
  const value = schema[keyword];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) throw new Unsupported(`a non-number \`${keyword}\``);
  return value;
}

/** Checks for a value already known to be an array. */
export function collectArray(ctx: FastContext, schema: JsonObject, at: At, out: string[], collect: Collect): void {
  const v = at.value;
  const max = count(schema, "maxItems");
  if (max !== undefined) out.push(`if (${v}.length > ${jsonLiteral(max)}) {`, `  ${report(ctx, at, "maxItems", `{limit: ${jsonLiteral(max)}}`, { limit: max })}`, "}");
  const min = count(schema, "minItems");
  if (min !== undefined) out.push(`if (${v}.length < ${jsonLiteral(min)}) {`, `  ${report(ctx, at, "minItems", `{limit: ${jsonLiteral(min)}}`, { limit: min })}`, "}");
  const items = schema["items"];
  const tuple = ctx.ajvClass === "ajv-2020" ? schema["prefixItems"] : items;
  if (Array.isArray(tuple)) {
    // Before 2020-12 ajv's `additionalItems` rule comes before `items` (both are inserted before `uniqueItems`).
    if (ctx.ajvClass !== "ajv-2020") rest(ctx, schema["additionalItems"], "additionalItems", tuple.length, at, out, collect);
    tuple.forEach((branch, index) => {
      const body: string[] = [];
      const item = ctx.name("v");
      const path: At["path"] = "literal" in at.path ? { literal: `${at.path.literal}/${index}` } : { code: `${at.path.code} + "/${index}"` };
      collect(ctx, branch, { value: item, path, schemaPath: `${at.schemaPath}/${ctx.ajvClass === "ajv-2020" ? "prefixItems" : "items"}/${index}` }, body);
      if (body.length > 0) out.push(`if (${v}.length > ${index}) {`, `  const ${item} = ${v}[${index}];`, ...body.map((l) => `  ${l}`), "}");
    });
    if (ctx.ajvClass === "ajv-2020") rest(ctx, items, "items", tuple.length, at, out, collect);
  } else if (items !== undefined) {
    if (Array.isArray(items)) throw new Unsupported("`items` as a tuple in 2020-12");
    elements(ctx, items, "items", 0, at, out, collect);
  }
  const unique = schema["uniqueItems"];
  if (unique === undefined || unique === false) return;
  if (unique !== true) throw new Unsupported("a non-boolean `uniqueItems`");
  uniqueItems(ctx, items === undefined || Array.isArray(items) ? [] : (declaredTypes(items) ?? []), at, out);
}

/** The items past a tuple of `from`: `false` is one error (`{limit}`), a schema checks each of them. */
function rest(ctx: FastContext, schema: JsonValue | undefined, keyword: string, from: number, at: At, out: string[], collect: Collect): void {
  if (schema === undefined) return;
  if (schema === false) out.push(`if (${at.value}.length > ${jsonLiteral(from)}) {`, `  ${report(ctx, at, keyword, `{limit: ${jsonLiteral(from)}}`, { limit: from })}`, "}");
  else elements(ctx, schema, keyword, from, at, out, collect);
}

/** `schema` checked on every element from index `from` on, errors under `…/<keyword>`. */
function elements(ctx: FastContext, schema: JsonValue, keyword: string, from: number, at: At, out: string[], collect: Collect): void {
  if (schema === true || (isObject(schema) && Object.keys(schema).length === 0)) return;
  const v = at.value;
  const path = bindPath(ctx, at.path, out);
  const i = ctx.name("i");
  const item = ctx.name("v");
  const body: string[] = [];
  collect(ctx, schema, { value: item, path: { code: `${pathCode(path)} + "/" + ${i}` }, schemaPath: `${at.schemaPath}/${keyword}` }, body);
  // The loop written as the fast path writes it (which has already read every element): gzip shares the two.
  if (body.length > 0) out.push(`for (let ${i} = ${jsonLiteral(from)}; ${i} < ${v}.length; ${i}++) {`, `  const ${item} = ${v}[${i}];`, ...body.map((l) => `  ${l}`), "}");
}

function uniqueItems(ctx: FastContext, itemTypes: readonly string[], at: At, out: string[]): void {
  const v = at.value;
  const i = ctx.name("i");
  const j = ctx.name("j");
  const found = report(ctx, at, "uniqueItems", `{i: ${i}, j: ${j}}`);
  const body: string[] = [];
  if (itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array")) {
    // ajv's loopN: the last index of each value seen so far, walking from the end.
    const item = ctx.name("v");
    const indices = ctx.name("x");
    body.push(
      // No prototype: an item "__proto__" is a key like any other (on `{}` it reads the prototype, never a number).
      `const ${indices} = Object.create(null);`,
      `for (; ${i}--;) {`,
      `  let ${item} = ${v}[${i}];`,
      `  if (!(${itemTypes.map((t) => typeTest(t, item)).join(" || ")})) continue;`,
      ...(itemTypes.length > 1 ? [`  if (typeof ${item} == "string") ${item} += "_";`] : []),
      `  if (typeof ${indices}[${item}] == "number") {`,
      `    ${j} = ${indices}[${item}];`,
      `    ${found}`,
      "    break;",
      "  }",
      `  ${indices}[${item}] = ${i};`,
      "}",
    );
  } else {
    // ajv's loopN2: every pair from the end, deep equality; past 16 items it starts where the first equal pair is
    // (found in linear time, llmcSeekDuplicate), which finds the same pair without the quadratic scan.
    ctx.helpers.add("llmcEqual");
    ctx.helpers.add("llmcSeekDuplicate");
    const outer = ctx.name("o");
    body.push(`if (${i} > 16) ${i} = llmcSeekDuplicate(${v});`, `${outer}: for (; ${i}--;) for (${j} = ${i}; ${j}--;) if (llmcEqual(${v}[${i}], ${v}[${j}])) {`, `  ${found}`, `  break ${outer};`, "}");
  }
  out.push("{", `  let ${i} = ${v}.length, ${j};`, `  if (${i} > 1) {`, ...body.map((l) => `    ${l}`), "  }", "}");
}
