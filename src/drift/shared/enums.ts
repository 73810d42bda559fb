/**
 * Enum comparison shared by the enum rules: `const` is already `enum: [x]` (normalize.ts); null is left to the
 * nullable rules. A source without an enum whose values are listable (booleans, a short integer range:
 * shared/finite.ts) is compared value by value, so `type: integer, minimum: 1, maximum: 3` equals `enum: [1, 2, 3]`.
 */
import { exactText } from "../../ir/exact.js";
import { exactKey } from "../../ir/exact-key.js";
import type { JsonValue } from "../../ir/json.js";
import type { RuleContext } from "../define.js";
import { hasType, jsonTypeOf } from "../schema.js";
import type { Direction, RuleFinding } from "../types.js";
import { finiteValues } from "./finite.js";
import { declaredTypes } from "./types.js";

export function enumDelta(ctx: RuleContext, direction: Direction): RuleFinding[] {
  const [sub, sup] = direction === "backward" ? [ctx.old, ctx.new] : [ctx.new, ctx.old];
  const supEnum = sup["enum"];
  if (!Array.isArray(supEnum)) return [];
  const listed = Array.isArray(sub["enum"]) ? undefined : finiteValues(sub);
  const subEnum = listed ?? sub["enum"];
  const side = direction === "backward" ? "old" : "new";
  if (!Array.isArray(subEnum)) {
    const message = direction === "backward" ? "an enum restriction was added" : "the enum restriction was removed";
    return [{ message, breaks: [direction], candidates: ctx.examples(side, sub, 6).map((value) => ({ direction, value })) }];
  }
  const types = declaredTypes(sub);
  // Numbers as written (src/ir/exact.ts): 9007199254740993 is not in `enum: [9007199254740992]`, though both are
  // the same double; such a value is missing, and its witness cannot be confirmed by the generated validators.
  const supKeys = new Set(supEnum.map((_, j) => exactKey(supEnum, j)));
  const missingAt = subEnum.flatMap((v: JsonValue, i: number) => (v !== null && hasType(types, jsonTypeOf(v)) && !supKeys.has(exactKey(subEnum, i)) ? [i] : []));
  if (missingAt.length === 0) return [];
  const missing = missingAt.map((i) => subEnum[i]!);
  const list = missingAt.map((i) => (typeof subEnum[i] === "number" ? exactText(subEnum, i)! : JSON.stringify(subEnum[i]))).join(", ");
  const message = listed !== undefined
    ? direction === "backward" ? `an enum restriction was added: ${list} no longer accepted` : `the enum restriction was removed: ${list} now accepted`
    : direction === "backward" ? `enum value(s) removed: ${list}` : `enum value(s) added: ${list}`;
  return [{ message, breaks: [direction], candidates: missing.map((value) => ({ direction, value })) }];
}
