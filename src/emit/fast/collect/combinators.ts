/**
 * `not`, `allOf` and `if`/`then`/`else` as ajv's all-errors code lists them, in its order (after `enum`, before
 * the typed groups). `allOf`: each branch's errors, nothing of its own. `not` and `if`: ajv tests the subschema
 * without recording errors, so the test is the fast path's function for it; `not` then adds `{}` at `…/not`, and
 * a failing `then`/`else` adds its own errors, then `{failingKeyword}` at `…/if`. `anyOf`/`oneOf`: see
 * `collectUnions`.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-keywords-for-applying-subschemas-with-
 */
import { MAX_INLINE_TERMS, chain } from "../../codegen/chain.js";
import { stringLiteral } from "../../codegen/escape.js";
import { DEEP_FLAG, Unsupported, isObject, type FastContext } from "../context.js";
import { ERRORS, record, report, STOP, type At, type Collect } from "./context.js";
import { anyOfFlat, oneOfFlat } from "./flat-unions.js";
import type { JsonObject, JsonValue } from "../../../ir/json.js";

/** ajv's `alwaysValidSchema` for the schemas the collector covers: `true`, or an object with no keyword of a rule. */
function trivial(schema: JsonValue): boolean {
  return schema === true || (isObject(schema) && Object.keys(schema).length === 0);
}

export function collectCombinators(ctx: FastContext, schema: JsonObject, at: At, out: string[], collect: Collect): void {
  const not = schema["not"];
  if (not !== undefined) out.push(`if (${ctx.subschemaFunction(not)}(${at.value}, 0)) {`, `  ${report(ctx, at, "not", "{}", {})}`, "}");
  collectUnions(ctx, schema, at, out, collect);
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
    return [`const ${before} = ${ERRORS}.length;`, ...body, `if (${ERRORS}.length !== ${before}) {`, `  ${report(ctx, at, "if", `{failingKeyword: ${stringLiteral(keyword)}}`, { failingKeyword: keyword })}`, "}"];
  };
  const indented = (lines: string[]): string[] => lines.map((l) => `  ${l}`);
  if (then !== undefined && otherwise !== undefined) out.push(`if (${passed}) {`, ...indented(clause("then", then)), "} else {", ...indented(clause("else", otherwise)), "}");
  else if (then !== undefined) out.push(`if (${passed}) {`, ...indented(clause("then", then)), "}");
  else out.push(`if (!${passed}) {`, ...indented(clause("else", otherwise!)), "}");
}

/**
 * `anyOf` and `oneOf`. `anyOf` before 2019-09: branches in order until one passes (a branch without checks skips
 * the keyword, as ajv's `alwaysValidSchema` does); from 2019-09 on ajv tracks evaluated properties, so every
 * branch runs and none is skipped (the same list; it matters where the error cap stops). If one passed, the branches' errors are dropped, else `{}` at `…/anyOf` follows them.
 * `oneOf`: every branch, each nested in the `else` of "two have passed" as ajv's code is, so evaluation stops at the
 * second passing branch; one passing drops the errors, else `{passingSchemas}` (null, or the two indexes).
 * Past `MAX_INLINE_TERMS` branches the nesting of both would grow with the schema (codegen/chain.ts says why it
 * may not): the branches are then written side by side in a labelled block that a decided answer leaves (flat-unions.ts).
 */
function collectUnions(ctx: FastContext, schema: JsonObject, at: At, out: string[], collect: Collect): void {
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const branches = schema[keyword];
    if (branches === undefined) continue;
    if (!Array.isArray(branches) || branches.length === 0) throw new Unsupported(`an \`${keyword}\` that is not a non-empty list`);
    const bodies = branches.map((branch, i) => {
      const body: string[] = [];
      collect(ctx, branch, { ...at, schemaPath: `${at.schemaPath}/${keyword}/${i}` }, body);
      return body;
    });
    // From 2019-09 on ajv tracks evaluated properties: every anyOf branch runs, none is skipped as always valid.
    const tracking = ctx.ajvClass === "ajv-2019" || ctx.ajvClass === "ajv-2020";
    if (keyword === "anyOf" && !tracking && bodies.some((b) => b.length === 0)) continue;
    const start = ctx.name("n");
    const valid = ctx.name("ok");
    const lines = [`const ${start} = ${ERRORS}.length;`, `let ${valid} = false;`];
    let failed: string;
    if (keyword === "anyOf") {
      lines.push(...(tracking ? anyOfEvery(ctx, bodies, valid) : bodies.length > MAX_INLINE_TERMS ? anyOfFlat(ctx, bodies, valid) : anyOf(ctx, bodies, valid)));
      failed = report(ctx, at, keyword, "{}", {});
    } else {
      const passing = ctx.name("pass");
      const params = `{passingSchemas: ${passing}}`;
      lines.push(`let ${passing} = null;`, ...(bodies.length > MAX_INLINE_TERMS ? oneOfFlat(ctx, bodies, valid, passing) : oneOf(ctx, bodies, valid, passing)));
      // No branch passed (`null`): known at build time, worded there; two passed: their indexes, worded at run time.
      failed = ctx.wording
        ? `if (${passing} === null ? ${record(ctx, at.path, at.schemaPath, keyword, params, { passingSchemas: null })} : ${record(ctx, at.path, at.schemaPath, keyword, params)}) break ${STOP};`
        : report(ctx, at, keyword, params);
    }
    lines.push(`if (${valid}) ${ERRORS}.length = ${start};`, `else {`, `  ${failed}`, "}");
    out.push(...unionFails(ctx, keyword, branches, at.value, lines));
  }
}

/**
 * An expression: the keyword fails, or the fast path cannot tell (its `$ref` recursion went too deep). The fast
 * path's functions answer first, allocating nothing; only a failing keyword runs the branches' collectors, whose
 * errors are then all kept, so the list never holds a discarded branch's errors when the cap stops it.
 */
function unionFails(ctx: FastContext, keyword: "anyOf" | "oneOf", branches: readonly JsonValue[], value: string, body: readonly string[]): string[] {
  const tests = branches.map((branch) => `${ctx.subschemaFunction(branch)}(${value}, 0)`);
  const fails = keyword === "anyOf" ? `!(${chain(tests, "||")})` : `(${chain(tests.map((t) => `+${t}`), "+")}) !== 1`;
  const indented = body.map((l) => `  ${l}`);
  if (!ctx.usesDepth) return [`if (${fails}) {`, ...indented, "}"];
  // The deep flag as it was before these tests: only `not` and `if` tests, whose answer is used, raise it.
  const saved = ctx.name("dp");
  const failed = ctx.name("f");
  return [`const ${saved} = ${DEEP_FLAG};`, `${DEEP_FLAG} = false;`, `const ${failed} = ${fails} || ${DEEP_FLAG};`, `${DEEP_FLAG} = ${saved};`, `if (${failed}) {`, ...indented, "}"];
}

/** Branch `i` and, only when it failed, the ones after it. */
function anyOf(ctx: FastContext, bodies: readonly string[][], valid: string, i = 0): string[] {
  if (i === bodies.length) return [];
  const before = ctx.name("n");
  const rest = anyOf(ctx, bodies, valid, i + 1);
  return [
    `const ${before} = ${ERRORS}.length;`,
    ...bodies[i]!,
    `${valid} = ${ERRORS}.length === ${before};`,
    ...(rest.length > 0 ? [`if (!${valid}) {`, ...rest.map((l) => `  ${l}`), "}"] : []),
  ];
}

/** Every branch, in order (ajv from 2019-09 on): valid once one of them added no error. */
function anyOfEvery(ctx: FastContext, bodies: readonly string[][], valid: string): string[] {
  return bodies.flatMap((body) => {
    const before = ctx.name("n");
    return [`const ${before} = ${ERRORS}.length;`, ...body, `if (${ERRORS}.length === ${before}) ${valid} = true;`];
  });
}

/** Branch `i`, then (after the first) the rest inside the `else` of "this one and an earlier one passed". */
function oneOf(ctx: FastContext, bodies: readonly string[][], valid: string, passing: string, i = 0): string[] {
  if (i === bodies.length) return [];
  const before = ctx.name("n");
  const passed = ctx.name("s");
  const lines = [`const ${before} = ${ERRORS}.length;`, ...bodies[i]!, `const ${passed} = ${ERRORS}.length === ${before};`];
  const pass = [`if (${passed}) {`, `  ${valid} = true;`, `  ${passing} = ${i};`, "}", ...oneOf(ctx, bodies, valid, passing, i + 1)];
  if (i === 0) return [...lines, ...pass];
  return [...lines, `if (${passed} && ${valid}) {`, `  ${valid} = false;`, `  ${passing} = [${passing}, ${i}];`, "} else {", ...pass.map((l) => `  ${l}`), "}"];
}
