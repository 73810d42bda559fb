/**
 * `enum` and `const`: strict equality for primitives, ajv's deep equality (`llmcEqual`, inlined from
 * validators/runtime.ts) against a module-level constant for objects and arrays.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#name-enum
 */
import { jsonLiteral } from "../codegen/escape.js";
import type { FastContext } from "./context.js";
import type { JsonValue } from "../../ir/json.js";

/** An expression: `value` deep-equals `literal`. */
function equals(ctx: FastContext, literal: JsonValue, value: string): string {
  if (literal === null || typeof literal !== "object") return `${value} === ${jsonLiteral(literal)}`;
  ctx.helpers.add("llmcEqual");
  const name = ctx.constant("C", JSON.stringify(literal), jsonLiteral(literal));
  return `llmcEqual(${value}, ${name})`;
}

export function emitEnum(ctx: FastContext, values: readonly JsonValue[], value: string, out: string[]): void {
  if (values.length === 0) {
    out.push("return false;");
    return;
  }
  out.push(`if (!(${values.map((v) => equals(ctx, v, value)).join(" || ")})) return false;`);
}

export function emitConst(ctx: FastContext, literal: JsonValue, value: string, out: string[]): void {
  out.push(`if (!(${equals(ctx, literal, value)})) return false;`);
}
