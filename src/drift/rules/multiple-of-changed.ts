/**
 * Rule table row 10: `multipleOf` added, removed or changed, decided with exact rationals: old ⊆ new when
 * new.multipleOf divides old.multipleOf (integers count as multipleOf 1). The generated validator divides in
 * floating point (`x / m` must be an integer), so for non-integer divisors an exact proof is not a proof about
 * the validator: those changes are `unknown` unless a witness is found.
 */
import { compareExact, exactText, hasLiterals } from "../../ir/exact.js";
import { defineRule } from "../define.js";
import { dividesInto, exactRational, isInteger, rational, type Rational } from "../rational.js";
import { hasType } from "../schema.js";
import type { Direction, RuleFinding } from "../types.js";
import type { RuleContext } from "../define.js";

/** The step of a side: its multipleOf (as the double, or as written when `exact`), 1 for integers, else none. */
function step(ctx: RuleContext, side: "old" | "new", exact: boolean): Rational | undefined {
  const node = side === "old" ? ctx.old : ctx.new;
  const types = side === "old" ? ctx.oldTypes : ctx.newTypes;
  if (typeof node["multipleOf"] === "number") return exact ? exactRational(node, "multipleOf") : rational(node["multipleOf"]);
  return types.has("number") ? undefined : { n: 1n, d: 1n };
}

/** yes: proven; float: proven exactly but not for a validator dividing doubles; no: refuted; unknown: cannot compare. */
function divides(ctx: RuleContext, sub: "old" | "new", sup: "old" | "new", exact: boolean): "yes" | "float" | "no" | "unknown" {
  const a = step(ctx, sub, exact);
  const b = step(ctx, sup, exact);
  if (b === undefined) return "unknown";
  if (a === undefined || !dividesInto(a, b)) return "no";
  return isInteger(a) && isInteger(b) ? "yes" : "float";
}

function check(ctx: RuleContext, direction: Direction): RuleFinding[] {
  const [subSide, supSide] = direction === "backward" ? (["old", "new"] as const) : (["new", "old"] as const);
  const subTypes = subSide === "old" ? ctx.oldTypes : ctx.newTypes;
  if (!hasType(subTypes, "number")) return [];
  const supNode = supSide === "old" ? ctx.old : ctx.new;
  if (typeof supNode["multipleOf"] !== "number") return [];
  const oldM = ctx.old["multipleOf"];
  const newM = ctx.new["multipleOf"];
  if (typeof oldM === "number" && typeof newM === "number" && compareExact(ctx.old, "multipleOf", ctx.new, "multipleOf") === 0) return [];
  const shown = (node: typeof ctx.old) => (typeof node["multipleOf"] === "number" ? exactText(node, "multipleOf") : "none");
  const message = `multipleOf changed from ${shown(ctx.old)} to ${shown(ctx.new)}`;
  const m = supNode["multipleOf"];
  const subNode = subSide === "old" ? ctx.old : ctx.new;
  const base = typeof subNode["multipleOf"] === "number" ? subNode["multipleOf"] : 1;
  const candidates = [base, base * 3, base * 7, 0.5, 1, m / 2, m * 1.5, 3 * base + 0.5].map((value) => ({ direction, value }));
  // As the doubles the validators divide, and as written when a literal is held inexactly (src/ir/exact.ts).
  const answers = [divides(ctx, subSide, supSide, false)];
  if (hasLiterals(ctx.old) || hasLiterals(ctx.new)) answers.push(divides(ctx, subSide, supSide, true));
  if (answers.includes("no")) return [{ message, breaks: [direction], candidates }];
  if (answers.includes("unknown")) return [{ message: "multipleOf cannot be compared", breaks: [], unknown: [direction] }];
  if (answers.includes("float")) return [{ message: `${message} (float division in the validator)`, breaks: [], unknown: [direction], candidates }];
  return [];
}

export const multipleOfChanged = defineRule({
  id: "multiple-of-changed",
  purpose: "multipleOf added or changed so that some multiples of the old step are no longer valid (or the reverse)",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: ["multipleOf"],
  check: (ctx) => [...check(ctx, "backward"), ...check(ctx, "forward")],
});
