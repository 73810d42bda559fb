/**
 * Our own all-errors validator for schemas the fast path covers: the same error list as ajv's all-errors code
 * (instance path, schema path, keyword, params, order; test/emit/fast/collect.test.ts and corpus.test.ts compare
 * them), written by our code generator instead of carried as ajv's standalone output, so a bundled `parse…` holds
 * one set of checks in two shapes, both small. It is exported as `validate` with ajv's calling convention
 * (`validate.errors`, `validate.errorLimit`: past that many errors it stops), so the runtime cannot tell them
 * apart. Stopped at the cap, its list is the first `errorLimit + 1` errors of the whole list: every error it
 * records is kept (a union's branches are collected only once the fast path says the union fails). It recurses
 * as deep as the schema, or through `$ref` functions as deep as the value (bounded, refs.ts), loops are over the
 * value's own elements and keys, and every failure is an error in the list, never a throw of its own.
 *
 * A keyword it does not cover (`contains`, `unevaluatedProperties`, `$dynamicRef`...) raises
 * `Unsupported`: the module then keeps ajv's all-errors code, and nothing the collector declared is left behind.
 */
import { DEEP_FLAG, MAX_REF_DEPTH, Unsupported, indent, type FastContext } from "../context.js";
import { collectChecks } from "./schema.js";
import { ERR, ERRORS, LIMIT, STOP } from "./context.js";
import { jsonLiteral } from "../../codegen/escape.js";
import { CYCLE_FLAG, cycleAnswer, cycleReset } from "../cycles.js";
import type { JsonValue } from "../../../ir/json.js";

/** Name of the all-errors export, as ajv's standalone module names it. */
export const ALL_ERRORS_EXPORT = "validate";

/** The collector's module code (`export function validate`), or why there is none. */
export function emitCollector(ctx: FastContext, schema: JsonValue): { readonly code: string } | { readonly unsupported: string } {
  const declarations = ctx.declarations.length;
  const functions = ctx.functions.length;
  const helpers = new Set(ctx.helpers);
  const cycleValues = ctx.cycleValues.length;
  const body: string[] = [];
  try {
    collectChecks(ctx, schema, { value: "data", path: { literal: "" }, schemaPath: "#" }, body);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    ctx.declarations.length = declarations;
    ctx.functions.length = functions;
    ctx.collectFunctions.clear();
    ctx.cycleValues.length = cycleValues;
    ctx.helpers.clear();
    for (const helper of helpers) ctx.helpers.add(helper);
    return { unsupported: error.feature };
  }
  // `d`, the `$ref` nesting, only where `$ref` functions were written (refs.ts).
  const refFunctions = ctx.collectFunctions.size > 0;
  const deep = ctx.usesDepth
    ? [`if (${DEEP_FLAG}) ${ERR}("", "#/", "$ref", {depth: ${jsonLiteral(MAX_REF_DEPTH)}});`]
    : [];
  const lines = [
    `${ERRORS} = [];`,
    `${LIMIT} = ${ALL_ERRORS_EXPORT}.errorLimit;`,
    ...(ctx.usesDepth ? [`${DEEP_FLAG} = false;`] : []),
    ...cycleReset(ctx),
    ...(refFunctions ? ["const d = 0;"] : []),
    `${STOP}: {`,
    indent(body),
    "}",
    ...deep,
    // A `$ref` cycle that makes no progress, met here or in a test of the fast path's: what ajv's code overflows on.
    ...(ctx.cycleValues.length === 0 ? [] : [`if (${CYCLE_FLAG}) {`, `  ${ALL_ERRORS_EXPORT}.errors = null;`, `  return ${cycleAnswer()};`, "}"]),
    `${ALL_ERRORS_EXPORT}.errors = ${ERRORS}.length === 0 ? null : ${ERRORS};`,
    `return ${ERRORS}.length === 0;`,
  ];
  const state = [
    "/** The all-errors collector's state during one call of `validate` (it calls no code of its caller's). */",
    `let ${ERRORS} = [];`,
    `let ${LIMIT};`,
    "/** Records one error (`schemaPath` ends with its `/`); true once the list holds more than the cap. */",
    `function ${ERR}(instancePath, schemaPath, keyword, params) {`,
    `  return ${ERRORS}.push({ instancePath, schemaPath: schemaPath + keyword, keyword, params }) > ${LIMIT};`,
    "}",
  ].join("\n");
  // ajv's two parameters (the context is unused: always called at the root). Why the second: the scopes then line
  // up with `validateFast(data, limit)`'s, so a minifier gives the per-property locals of both the same names and
  // gzip shares their code (issue 20: about 55 B of one imported parse… at 10 properties).
  const doc = "/** Every error (at most `validate.errorLimit` + 1), as ajv's all-errors code lists them: our own code. */";
  return { code: `${state}\n${doc}\nexport function ${ALL_ERRORS_EXPORT}(data, dataCxt) {\n${indent(lines)}\n}\nexport default ${ALL_ERRORS_EXPORT};\n` };
}
