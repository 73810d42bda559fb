/**
 * Number keywords: `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` (numbers from draft-06, booleans
 * modifying `minimum`/`maximum` in draft-04) and `multipleOf` with ajv's arithmetic (`data / m !== parseInt(...)`).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#name-validation-keywords-for-num
 */
import { jsonLiteral } from "../codegen/escape.js";
import { Unsupported, type FastContext } from "./context.js";
import type { JsonObject } from "../../ir/json.js";

export const NUMBER_KEYWORDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"] as const;

function limit(schema: JsonObject, keyword: string): string | undefined {
  const value = schema[keyword];
  if (value === undefined) return undefined;
  if (typeof value !== "number") throw new Unsupported(`a non-number \`${keyword}\``);
  return jsonLiteral(value);
}

/** Checks for a value already known to be a finite number. */
export function emitNumber(ctx: FastContext, schema: JsonObject, value: string, out: string[]): void {
  const draft04 = ctx.ajvClass === "ajv-draft-04";
  const min = limit(schema, "minimum");
  const max = limit(schema, "maximum");
  if (draft04) {
    const exMin = schema["exclusiveMinimum"];
    const exMax = schema["exclusiveMaximum"];
    if ((exMin !== undefined && typeof exMin !== "boolean") || (exMax !== undefined && typeof exMax !== "boolean"))
      throw new Unsupported("a draft-04 exclusive bound that is not a boolean");
    if (min !== undefined) out.push(`if (${value} ${exMin === true ? "<=" : "<"} ${min}) return false;`);
    if (max !== undefined) out.push(`if (${value} ${exMax === true ? ">=" : ">"} ${max}) return false;`);
  } else {
    const exMin = limit(schema, "exclusiveMinimum");
    const exMax = limit(schema, "exclusiveMaximum");
    // The collector's (ajv's) order, so the two read alike and gzip shares them.
    if (max !== undefined) out.push(`if (${value} > ${max}) return false;`);
    if (min !== undefined) out.push(`if (${value} < ${min}) return false;`);
    if (exMax !== undefined) out.push(`if (${value} >= ${exMax}) return false;`);
    if (exMin !== undefined) out.push(`if (${value} <= ${exMin}) return false;`);
  }
  const multipleOf = limit(schema, "multipleOf");
  if (multipleOf !== undefined) {
    // ajv: `m === 0 || (res = data / m, res !== parseInt(res))` fails.
    const res = ctx.name("m");
    out.push(`{ const ${res} = ${value} / ${multipleOf}; if (${multipleOf} === 0 || ${res} !== parseInt(${res})) return false; }`);
  }
}
