/**
 * Number and string keywords with ajv's error params: `maximum`/`minimum`/`exclusive*` (`{comparison, limit}`;
 * draft-04's boolean exclusive bounds stay with ajv's code), `multipleOf` (`{multipleOf}`, ajv's arithmetic, as
 * the fast path's numbers.ts), `maxLength`/`minLength` in code
 * points (`{limit}`) and `pattern` (`{pattern}`), in ajv's keyword order.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#name-validation-keywords-for-num
 */
import { jsonLiteral, stringLiteral } from "../../codegen/escape.js";
import { Unsupported, type FastContext } from "../context.js";
import { patternMatcher } from "../pattern.js";
import { report, type At } from "./context.js";
import type { JsonObject } from "../../../ir/json.js";

function count(schema: JsonObject, keyword: string): number | undefined {
  const value = schema[keyword];
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) throw new Unsupported(`a non-number \`${keyword}\``);
  return value;
}

/** keyword → the comparison that fails, and the one ajv names in `params.comparison`. */
const BOUNDS: readonly (readonly [string, string, string])[] = [
  ["maximum", ">", "<="],
  ["minimum", "<", ">="],
  ["exclusiveMaximum", ">=", "<"],
  ["exclusiveMinimum", "<=", ">"],
];

/** Checks for a value already known to be a finite number. */
export function collectNumber(ctx: FastContext, schema: JsonObject, at: At, out: string[]): void {
  if (ctx.ajvClass === "ajv-draft-04" && (schema["exclusiveMaximum"] !== undefined || schema["exclusiveMinimum"] !== undefined))
    throw new Unsupported("draft-04 exclusive bounds (all-errors collector)");
  for (const [keyword, fail, comparison] of BOUNDS) {
    const limit = count(schema, keyword);
    if (limit === undefined) continue;
    const n = jsonLiteral(limit);
    out.push(`if (${at.value} ${fail} ${n}) {`, `  ${report(ctx, at, keyword, `{comparison: ${stringLiteral(comparison)}, limit: ${n}}`, { comparison, limit })}`, "}");
  }
  // After the bounds, as in ajv's rules. ajv: `m === 0 || (res = data / m, res !== parseInt(res))` fails.
  const multipleOf = count(schema, "multipleOf");
  if (multipleOf !== undefined) {
    const m = jsonLiteral(multipleOf);
    const res = ctx.name("m");
    out.push(`{ const ${res} = ${at.value} / ${m}; if (${m} === 0 || ${res} !== parseInt(${res})) {`, `  ${report(ctx, at, "multipleOf", `{multipleOf: ${m}}`, { multipleOf })}`, "} }");
  }
}

/** Checks for a value already known to be a string. */
export function collectString(ctx: FastContext, schema: JsonObject, at: At, out: string[]): void {
  const max = count(schema, "maxLength");
  const min = count(schema, "minLength");
  const v = at.value;
  if (max !== undefined) {
    ctx.helpers.add("llmcUcs2length");
    const m = jsonLiteral(max);
    out.push(`if (${v}.length > ${m} && llmcUcs2length(${v}) > ${m}) {`, `  ${report(ctx, at, "maxLength", `{limit: ${m}}`, { limit: max })}`, "}");
  }
  if (min !== undefined) {
    const m = jsonLiteral(min);
    // Code points <= UTF-16 units <= 2 * code points: the length alone decides unless it is in between; at most
    // 1, it decides alone (no code points exactly when no units).
    const short = min <= 1 ? `${v}.length < ${m}` : `${v}.length < ${m} || (${v}.length < ${jsonLiteral(2 * min)} && llmcUcs2length(${v}) < ${m})`;
    if (min > 1) ctx.helpers.add("llmcUcs2length");
    out.push(`if (${short}) {`, `  ${report(ctx, at, "minLength", `{limit: ${m}}`, { limit: min })}`, "}");
  }
  const pattern = schema["pattern"];
  if (pattern !== undefined) {
    if (typeof pattern !== "string") throw new Unsupported("a non-string `pattern`");
    out.push(`if (!${patternMatcher(ctx, pattern)}.test(${v})) {`, `  ${report(ctx, at, "pattern", `{pattern: ${stringLiteral(pattern)}}`, { pattern })}`, "}");
  }
}
