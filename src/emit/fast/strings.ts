/**
 * String keywords: `minLength`/`maxLength` in code points (ajv's `ucs2length`, skipped when the UTF-16 length
 * already decides), `pattern`, and string formats.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#name-validation-keywords-for-str
 */
import { jsonLiteral } from "../codegen/escape.js";
import { Unsupported, type FastContext } from "./context.js";
import { patternMatcher } from "./pattern.js";
import type { JsonObject } from "../../ir/json.js";

export const STRING_KEYWORDS = ["minLength", "maxLength", "pattern"] as const;

function count(schema: JsonObject, keyword: string): number | undefined {
  const value = schema[keyword];
  if (value === undefined) return undefined;
  if (typeof value !== "number") throw new Unsupported(`a non-number \`${keyword}\``);
  return value;
}

/** Checks for a value already known to be a string. */
export function emitString(ctx: FastContext, schema: JsonObject, value: string, out: string[]): void {
  const max = count(schema, "maxLength");
  const min = count(schema, "minLength");
  // Code points <= UTF-16 units <= 2 * code points: the length alone decides unless it is in between. maxLength
  // first, as the collector (ajv's keyword order), so the two read alike and gzip shares them.
  if (max !== undefined) {
    ctx.helpers.add("llmcUcs2length");
    const m = jsonLiteral(max);
    out.push(`if (${value}.length > ${m} && llmcUcs2length(${value}) > ${m}) return false;`);
  }
  if (min !== undefined && min > 0) {
    const m = jsonLiteral(min);
    // At most 1, the UTF-16 length alone decides: a string has no code points exactly when it has no units.
    if (min <= 1) out.push(`if (${value}.length < ${m}) return false;`);
    else {
      ctx.helpers.add("llmcUcs2length");
      out.push(`if (${value}.length < ${m} || (${value}.length < ${jsonLiteral(2 * min)} && llmcUcs2length(${value}) < ${m})) return false;`);
    }
  }
  const pattern = schema["pattern"];
  if (pattern !== undefined) {
    if (typeof pattern !== "string") throw new Unsupported("a non-string `pattern`");
    out.push(`if (!${patternMatcher(ctx, pattern)}.test(${value})) return false;`);
  }
}
