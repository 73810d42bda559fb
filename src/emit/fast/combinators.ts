/**
 * `allOf` (inlined: its checks are straight-line code), `anyOf` (short-circuit `||`), `oneOf` (counted),
 * `not`, `if`/`then`/`else`; `oneOf`/`anyOf` whose branches are told apart by one property's constant dispatch
 * on it (discriminator.ts) and check one branch only. A long `||` or `+` is written as codegen/chain.ts `chain`.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-keywords-for-applying-subschema
 */
import { chain } from "../codegen/chain.js";
import { Unsupported, type FastContext } from "./context.js";
import { discriminate } from "./discriminator.js";
import type { JsonObject, JsonValue } from "../../ir/json.js";

function list(value: JsonValue | undefined, keyword: string): readonly JsonValue[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length === 0) throw new Unsupported(`a \`${keyword}\` that is not a non-empty list`);
  return value;
}

export function emitCombinators(ctx: FastContext, schema: JsonObject, value: string, out: string[]): void {
  for (const sub of list(schema["allOf"], "allOf")) ctx.checks(ctx, sub, value, out);
  for (const keyword of ["anyOf", "oneOf"] as const) {
    const branches = list(schema[keyword], keyword);
    if (branches.length === 0) continue;
    if (branches.length === 1) {
      ctx.checks(ctx, branches[0]!, value, out);
      continue;
    }
    if (discriminate(ctx, branches, value, out)) continue;
    const calls = branches.map((b) => `${ctx.subschemaFunction(b)}(${value}, d)`);
    if (keyword === "anyOf") out.push(`if (!(${chain(calls, "||")})) return false;`);
    else out.push(`if ((${chain(calls.map((c) => `(${c} ? 1 : 0)`), "+")}) !== 1) return false;`);
  }
  const not = schema["not"];
  if (not !== undefined) out.push(`if (${ctx.subschemaFunction(not)}(${value}, d)) return false;`);
  const condition = schema["if"];
  if (condition !== undefined) {
    const thenBody: string[] = [];
    const elseBody: string[] = [];
    if (schema["then"] !== undefined) ctx.checks(ctx, schema["then"], value, thenBody);
    if (schema["else"] !== undefined) ctx.checks(ctx, schema["else"], value, elseBody);
    if (thenBody.length > 0 || elseBody.length > 0) {
      out.push(`if (${ctx.subschemaFunction(condition)}(${value}, d)) {`, ...thenBody.map((l) => `  ${l}`), `} else {`, ...elseBody.map((l) => `  ${l}`), `}`);
    }
  }
}
