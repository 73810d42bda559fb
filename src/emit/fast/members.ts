/**
 * Whether a value is one of an `enum`'s members, as an expression: what the fast path (values.ts) and the
 * all-errors collector (collect/schema.ts) test. JSON equality as ajv's code has it: `===` for a primitive member
 * (so `1` matches `1` and `1.0`, `0` matches `-0`, and `"1"` never matches `1`), deep equality (`llmcEqual`)
 * for an object or array member.
 *
 * Up to `MAX_INLINE_TERMS` members: one comparison per member, `v === "a" || v === 1 || llmcEqual(v, C)`.
 * Past it the chain would grow with the schema until TypeScript cannot read the module (codegen/chain.ts), so the
 * primitive members become one module-level `Set`, created once, and the object and array members one
 * module-level list, which `llmcEqualAny` walks: `S.has(v) || llmcEqualAny(v, L)`. The same answers: `Set#has`
 * compares by SameValueZero, which is `===` except that NaN matches NaN, and no member is NaN (jsonLiteral
 * writes no non-finite number); an object value is in no `Set` of primitives, and `llmcEqual` of a primitive
 * value and an object member is false, as the chain's comparisons were.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#name-enum
 */
import { MAX_INLINE_TERMS } from "../codegen/chain.js";
import { jsonLiteral } from "../codegen/escape.js";
import type { FastContext } from "./context.js";
import type { JsonPrimitive, JsonValue } from "../../ir/json.js";

function isPrimitive(member: JsonValue): member is JsonPrimitive {
  return member === null || typeof member !== "object";
}

/** An expression: `value` deep-equals `literal`. */
export function equals(ctx: FastContext, literal: JsonValue, value: string): string {
  if (isPrimitive(literal)) return `${value} === ${jsonLiteral(literal)}`;
  ctx.helpers.add("llmcEqual");
  const name = ctx.constant("C", JSON.stringify(literal), jsonLiteral(literal));
  return `llmcEqual(${value}, ${name})`;
}

/** An expression: `value` is one of `members` (a non-empty list). */
export function membership(ctx: FastContext, members: readonly JsonValue[], value: string): string {
  if (members.length <= MAX_INLINE_TERMS) return members.map((m) => equals(ctx, m, value)).join(" || ");
  const primitives = members.filter(isPrimitive);
  const composites = members.filter((m) => !isPrimitive(m));
  const tests: string[] = [];
  if (primitives.length > 0) {
    // Pure, so a bundler drops it with the validator; shared by every test of the same members.
    const set = ctx.constant("E", JSON.stringify(primitives), `/* @__PURE__ */ new Set(${jsonLiteral(primitives)})`);
    tests.push(`${set}.has(${value})`);
  }
  if (composites.length > 0) {
    ctx.helpers.add("llmcEqualAny");
    const list = ctx.constant("C", JSON.stringify(composites), jsonLiteral(composites));
    tests.push(`llmcEqualAny(${value}, ${list})`);
  }
  return tests.join(" || ");
}
