/**
 * Rule table row 10: `multipleOf` added, removed or changed, decided with exact rationals: old ⊆ new when
 * new.multipleOf divides old.multipleOf (integers count as multipleOf 1). The generated validator divides in
 * floating point (`x / m` must be an integer), so for non-integer divisors an exact proof is not a proof about
 * the validator: those changes are `unknown` unless a witness is found.
 */
import { defineRule } from "../define.js";
import { dividesInto, isInteger, rational, type Rational } from "../rational.js";
import { hasType } from "../schema.js";
import type { Direction, RuleFinding } from "../types.js";
import type { RuleContext } from "../define.js";

function step(ctx: RuleContext, side: "old" | "new"): Rational | undefined {
  const node = side === "old" ? ctx.old : ctx.new;
  const types = side === "old" ? ctx.oldTypes : ctx.newTypes;
  if (typeof node["multipleOf"] === "number") return rational(node["multipleOf"]);
  return types.has("number") ? undefined : { n: 1n, d: 1n };
}

function check(ctx: RuleContext, direction: Direction): RuleFinding[] {
  const [subSide, supSide] = direction === "backward" ? (["old", "new"] as const) : (["new", "old"] as const);
  const subTypes = subSide === "old" ? ctx.oldTypes : ctx.newTypes;
  if (!hasType(subTypes, "number")) return [];
  const supNode = supSide === "old" ? ctx.old : ctx.new;
  if (typeof supNode["multipleOf"] !== "number") return [];
  const sub = step(ctx, subSide);
  const sup = rational(supNode["multipleOf"]);
  if (sup === undefined) return [{ message: "multipleOf cannot be compared", breaks: [], unknown: [direction] }];
  const oldM = ctx.old["multipleOf"];
  const newM = ctx.new["multipleOf"];
  if (oldM === newM) return [];
  const message = `multipleOf changed from ${oldM ?? "none"} to ${newM ?? "none"}`;
  const m = supNode["multipleOf"];
  const base = typeof (subSide === "old" ? ctx.old : ctx.new)["multipleOf"] === "number" ? ((subSide === "old" ? ctx.old : ctx.new)["multipleOf"] as number) : 1;
  const candidates = [base, base * 3, base * 7, 0.5, 1, m / 2, m * 1.5, 3 * base + 0.5].map((value) => ({ direction, value }));
  if (sub !== undefined && dividesInto(sub, sup)) {
    return isInteger(sub) && isInteger(sup) ? [] : [{ message: `${message} (float division in the validator)`, breaks: [], unknown: [direction], candidates }];
  }
  return [{ message, breaks: [direction], candidates }];
}

export const multipleOfChanged = defineRule({
  id: "multiple-of-changed",
  purpose: "multipleOf added or changed so that some multiples of the old step are no longer valid (or the reverse)",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: ["multipleOf"],
  check: (ctx) => [...check(ctx, "backward"), ...check(ctx, "forward")],
});
