/**
 * Array keywords with ajv's params, in its order: `maxItems`, `minItems` (`{limit}`), `items` as one schema for
 * every element (instance path `/<index>`), then `uniqueItems` (`{i, j}`), found by ajv's own two loops so the
 * pair reported is ajv's: an index map from the end when the `items` types are all scalars, else every pair
 * from the end with deep equality. Tuples (`items` arrays, `prefixItems`) stay with ajv's code.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#name-uniqueitems
 */
import { jsonLiteral } from "../../codegen/escape.js";
import { Unsupported, isObject, type FastContext } from "../context.js";
import { declaredTypes, typeTest } from "../types.js";
import { bindPath, pathCode, report, type At, type Collect } from "./context.js";
import type { JsonObject } from "../../../ir/json.js";

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
  if (max !== undefined) out.push(`if (${v}.length > ${jsonLiteral(max)}) {`, `  ${report(at, "maxItems", `{limit: ${jsonLiteral(max)}}`)}`, "}");
  const min = count(schema, "minItems");
  if (min !== undefined) out.push(`if (${v}.length < ${jsonLiteral(min)}) {`, `  ${report(at, "minItems", `{limit: ${jsonLiteral(min)}}`)}`, "}");
  const items = schema["items"];
  if (items !== undefined) {
    if (Array.isArray(items)) throw new Unsupported("`items` as a tuple (all-errors collector)");
    if (!(items === true || (isObject(items) && Object.keys(items).length === 0))) {
      const path = bindPath(ctx, at.path, out);
      const i = ctx.name("i");
      const item = ctx.name("v");
      const n = ctx.name("n");
      const body: string[] = [];
      collect(ctx, items, { value: item, path: { code: `${pathCode(path)} + "/" + ${i}` }, schemaPath: `${at.schemaPath}/items` }, body);
      out.push(`for (let ${i} = 0, ${n} = ${v}.length; ${i} < ${n}; ${i}++) {`, `  const ${item} = ${v}[${i}];`, ...body.map((l) => `  ${l}`), "}");
    }
  }
  const unique = schema["uniqueItems"];
  if (unique === undefined || unique === false) return;
  if (unique !== true) throw new Unsupported("a non-boolean `uniqueItems`");
  uniqueItems(ctx, items === undefined ? [] : (declaredTypes(items) ?? []), at, out);
}

function uniqueItems(ctx: FastContext, itemTypes: readonly string[], at: At, out: string[]): void {
  const v = at.value;
  const i = ctx.name("i");
  const j = ctx.name("j");
  const found = report(at, "uniqueItems", `{i: ${i}, j: ${j}}`);
  const body: string[] = [];
  if (itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array")) {
    // ajv's loopN: the last index of each value seen so far, walking from the end.
    const item = ctx.name("v");
    const indices = ctx.name("x");
    body.push(
      `const ${indices} = {};`,
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
    // ajv's loopN2: every pair from the end, deep equality.
    ctx.helpers.add("llmcEqual");
    const outer = ctx.name("o");
    body.push(`${outer}: for (; ${i}--;) for (${j} = ${i}; ${j}--;) if (llmcEqual(${v}[${i}], ${v}[${j}])) {`, `  ${found}`, `  break ${outer};`, "}");
  }
  out.push("{", `  let ${i} = ${v}.length, ${j};`, `  if (${i} > 1) {`, ...body.map((l) => `    ${l}`), "  }", "}");
}
