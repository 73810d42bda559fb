/**
 * `enum` and `const`: strict equality for primitives, ajv's deep equality (`llmcEqual`, inlined from
 * validators/runtime.ts) against a module-level constant for objects and arrays; a large `enum` as a lookup in
 * module-level constants (members.ts).
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#name-enum
 */
import type { FastContext } from "./context.js";
import { equals, membership } from "./members.js";
import type { JsonValue } from "../../ir/json.js";

export function emitEnum(ctx: FastContext, values: readonly JsonValue[], value: string, out: string[]): void {
  if (values.length === 0) {
    out.push("return false;");
    return;
  }
  out.push(`if (!(${membership(ctx, values, value)})) return false;`);
}

export function emitConst(ctx: FastContext, literal: JsonValue, value: string, out: string[]): void {
  out.push(`if (!(${equals(ctx, literal, value)})) return false;`);
}
