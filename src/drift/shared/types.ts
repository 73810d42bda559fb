/**
 * Shared logic of the type rules. The source side's types come from `typesOf` (type, enum, branches: an
 * over-approximation, which is the safe side); the target side's from its `type` keyword alone (exact).
 * null is left to the nullable rules, so that `[T, "null"]`, `anyOf: [T, null]` and `oneOf` are one change.
 */
import type { JsonValue } from "../../ir/json.js";
import type { RuleContext } from "../define.js";
import { ALL_TYPES, hasType, typesOf, type BasicType } from "../schema.js";
import type { Direction, RuleFinding } from "../types.js";

const SAMPLES: Readonly<Record<BasicType, readonly JsonValue[]>> = {
  null: [null],
  boolean: [true, false],
  object: [{}],
  array: [[]],
  string: ["", "a"],
  number: [0.5, 1.5, -2.5],
  integer: [0, 1, -1],
};

export function declaredTypes(node: { readonly [k: string]: JsonValue }): Set<BasicType> {
  const t = node["type"];
  if (!Array.isArray(t)) return new Set(ALL_TYPES);
  return new Set(t as BasicType[]);
}

export function typeDelta(ctx: RuleContext, direction: Direction): RuleFinding[] {
  const [sub, sup] = direction === "backward" ? [ctx.old, ctx.new] : [ctx.new, ctx.old];
  const subTypes = typesOf(sub);
  const supTypes = declaredTypes(sup);
  const lost: BasicType[] = [];
  for (const t of subTypes) {
    if (t === "null") continue;
    if (t === "number" && !supTypes.has("number")) lost.push(supTypes.has("integer") ? "number" : "number");
    else if (t !== "number" && !hasType(supTypes, t)) lost.push(t);
  }
  if (lost.length === 0) return [];
  const side = direction === "backward" ? "old" : "new";
  const fromExamples = ctx.examples(side, sub, 4);
  const values = [...fromExamples, ...lost.flatMap((t) => SAMPLES[t])];
  const before = [...declaredTypes(ctx.old)].sort().join(", ");
  const after = [...declaredTypes(ctx.new)].sort().join(", ");
  const what = lost.includes("number") && supTypes.has("integer") ? "non-integer numbers" : lost.join(", ");
  const message = direction === "backward"
    ? `type narrowed from [${before}] to [${after}]: ${what} no longer accepted`
    : `type widened from [${before}] to [${after}]: ${what} now accepted`;
  return [{ message, breaks: [direction], candidates: values.map((value) => ({ direction, value })) }];
}
