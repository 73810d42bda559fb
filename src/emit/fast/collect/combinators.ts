/**
 * `not`, `allOf` and `if`/`then`/`else` as ajv's all-errors code lists them, in its order (after `enum`, before
 * the typed groups). `allOf`: each branch's errors, nothing of its own. `not` and `if`: ajv tests the subschema
 * without recording errors, so the test is the fast path's function for it; `not` then adds `{}` at `…/not`, and
 * a failing `then`/`else` adds its own errors, then `{failingKeyword}` at `…/if`. `anyOf`/`oneOf` stay with
 * ajv's code: which branches it runs after one passes depends on its evaluation tracking.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-keywords-for-applying-subschemas-with-
 */
import { stringLiteral } from "../../codegen/escape.js";
import { Unsupported, isObject, type FastContext } from "../context.js";
import { ERRORS, report, type At, type Collect } from "./context.js";
import type { JsonObject, JsonValue } from "../../../ir/json.js";

/** ajv's `alwaysValidSchema` for the schemas the collector covers: `true`, or an object with no keyword of a rule. */
function trivial(schema: JsonValue): boolean {
  return schema === true || (isObject(schema) && Object.keys(schema).length === 0);
}

export function collectCombinators(ctx: FastContext, schema: JsonObject, at: At, out: string[], collect: Collect): void {
  const not = schema["not"];
  if (not !== undefined) out.push(`if (${ctx.subschemaFunction(not)}(${at.value}, 0)) {`, `  ${report(at, "not", "{}")}`, "}");
  const allOf = schema["allOf"];
  if (allOf !== undefined) {
    if (!Array.isArray(allOf)) throw new Unsupported("a non-array `allOf`");
    allOf.forEach((branch, i) => collect(ctx, branch, { ...at, schemaPath: `${at.schemaPath}/allOf/${i}` }, out));
  }
  const test = schema["if"];
  if (test === undefined) return;
  const then = schema["then"] !== undefined && !trivial(schema["then"]) ? schema["then"] : undefined;
  const otherwise = schema["else"] !== undefined && !trivial(schema["else"]) ? schema["else"] : undefined;
  if (then === undefined && otherwise === undefined) return;
  const passed = ctx.name("t");
  out.push(`const ${passed} = ${ctx.subschemaFunction(test)}(${at.value}, 0);`);
  const clause = (keyword: "then" | "else", sub: JsonValue): string[] => {
    const before = ctx.name("n");
    const body: string[] = [];
    collect(ctx, sub, { ...at, schemaPath: `${at.schemaPath}/${keyword}` }, body);
    return [`const ${before} = ${ERRORS}.length;`, ...body, `if (${ERRORS}.length !== ${before}) {`, `  ${report(at, "if", `{failingKeyword: ${stringLiteral(keyword)}}`)}`, "}"];
  };
  const indented = (lines: string[]): string[] => lines.map((l) => `  ${l}`);
  if (then !== undefined && otherwise !== undefined) out.push(`if (${passed}) {`, ...indented(clause("then", then)), "} else {", ...indented(clause("else", otherwise)), "}");
  else if (then !== undefined) out.push(`if (${passed}) {`, ...indented(clause("then", then)), "}");
  else out.push(`if (!${passed}) {`, ...indented(clause("else", otherwise!)), "}");
}
