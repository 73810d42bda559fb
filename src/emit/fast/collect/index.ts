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
 * It is written twice from the same checks. `validate` keeps ajv's error shape (public API). `validateWorded`, what
 * `parse…` runs (issue 20 part Z), records the same errors in the same order as `parse…` reports them, code and
 * message text worded at build time by the runtime's own rules (context.ts `record`), so a failing `parse…` builds
 * one object per error and no second list; only errors whose params hold the value's own data stay raw, for the
 * runtime to word. A bundle of `parse…` carries `validateWorded` alone (2,932 B min+gzip for a 10-field contract,
 * test/emit/fast/bundle.test.ts; 3,063 B with `validate` and the runtime's renderers).
 *
 * A keyword it does not cover (`contains`, `unevaluatedProperties`, `$dynamicRef`...) raises
 * `Unsupported`: the module then keeps ajv's all-errors code, and nothing the collector declared is left behind.
 */
import { DEEP_FLAG, MAX_REF_DEPTH, Unsupported, indent, type FastContext } from "../context.js";
import { collectChecks } from "./schema.js";
import { DOCUMENT, ERR, ERR_MESSAGE, ERR_WORDED, ERRORS, LIMIT, record, STOP } from "./context.js";
import { WORDED_EXPORT } from "./worded.js";
import { jsonLiteral, stringLiteral } from "../../codegen/escape.js";
import { CYCLE_FLAG, cycleAnswer, cycleReset } from "../cycles.js";
import type { JsonValue } from "../../../ir/json.js";

/** Name of the all-errors export, as ajv's standalone module names it. */
export const ALL_ERRORS_EXPORT = "validate";

/** The collector's module code (`export function validate` and `validateWorded`), or why there is none. */
export function emitCollector(ctx: FastContext, schema: JsonValue): { readonly code: string } | { readonly unsupported: string } {
  const raw = collector(ctx, schema, ALL_ERRORS_EXPORT);
  if ("unsupported" in raw) return raw;
  // The same checks again (a `$ref` target gets its own worded function): what raised nothing above raises nothing here.
  ctx.collectFunctions.clear();
  ctx.wording = true;
  let worded: { readonly code: string } | { readonly unsupported: string };
  try {
    worded = collector(ctx, schema, WORDED_EXPORT);
  } finally {
    ctx.wording = false;
  }
  if ("unsupported" in worded) throw new Error(`the worded collector does not cover what the raw one did: ${worded.unsupported}`);
  const state = [
    "/** The all-errors collector's state during one call of `validate` or `validateWorded` (they call no code of their caller's). */",
    `let ${ERRORS} = [];`,
    `let ${LIMIT};`,
    "/** Records one raw error (`schemaPath` ends with its `/`); true once the list holds more than the cap. */",
    `function ${ERR}(instancePath, schemaPath, keyword, params) {`,
    `  return ${ERRORS}.push({ instancePath, schemaPath: schemaPath + keyword, keyword, params }) > ${LIMIT};`,
    "}",
    "/** Records one error as parse… reports it; true once the list holds more than the cap. */",
    `function ${ERR_MESSAGE}(instancePath, schemaPath, code, message) {`,
    `  return ${ERRORS}.push({ code, instancePath, schemaPath, message }) > ${LIMIT};`,
    "}",
    "/** `fastErrM` for a place known only at run time: `text` follows it. */",
    `function ${ERR_WORDED}(instancePath, schemaPath, code, text) {`,
    `  return ${ERR_MESSAGE}(instancePath, schemaPath, code, (instancePath === "" ? ${stringLiteral(DOCUMENT)} : instancePath) + text);`,
    "}",
  ].join("\n");
  const doc = "/** Every error (at most `validate.errorLimit` + 1), as ajv's all-errors code lists them: our own code. */";
  const wordedDoc = "/** `validate`'s errors as parse… reports them (src/runtime/errors.ts words the raw ones left, see `record`): what parse… runs. */";
  return { code: `${state}\n${doc}\n${raw.code}\nexport default ${ALL_ERRORS_EXPORT};\n${wordedDoc}\n${worded.code}\n` };
}

/** One collector function named `name` (the checks as `ctx.wording` says), or why there is none (nothing left declared). */
function collector(ctx: FastContext, schema: JsonValue, name: string): { readonly code: string } | { readonly unsupported: string } {
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
  const deep = ctx.usesDepth ? [`if (${DEEP_FLAG}) ${record(ctx, { literal: "" }, "#", "$ref", `{depth: ${jsonLiteral(MAX_REF_DEPTH)}}`, { depth: MAX_REF_DEPTH })};`] : [];
  const lines = [
    `${ERRORS} = [];`,
    `${LIMIT} = ${name}.errorLimit;`,
    ...(ctx.usesDepth ? [`${DEEP_FLAG} = false;`] : []),
    ...cycleReset(ctx),
    ...(refFunctions ? ["const d = 0;"] : []),
    `${STOP}: {`,
    indent(body),
    "}",
    ...deep,
    // A `$ref` cycle that makes no progress, met here or in a test of the fast path's: what ajv's code overflows on.
    ...(ctx.cycleValues.length === 0 ? [] : [`if (${CYCLE_FLAG}) {`, `  ${name}.errors = null;`, `  return ${cycleAnswer()};`, "}"]),
    `${name}.errors = ${ERRORS}.length === 0 ? null : ${ERRORS};`,
    `return ${ERRORS}.length === 0;`,
  ];
  // ajv's two parameters (the context is unused: always called at the root). Why the second: the scopes then line
  // up with `validateFast(data, limit)`'s, so a minifier gives the per-property locals of both the same names and
  // gzip shares their code (issue 20: about 55 B of one imported parse… at 10 properties).
  return { code: `export function ${name}(data, dataCxt) {\n${indent(lines)}\n}` };
}
