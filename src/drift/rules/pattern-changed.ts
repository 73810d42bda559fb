/**
 * Rule table rows 11–12: `pattern` added, removed or changed, decided by regex-language inclusion (refa DFAs;
 * patterns are unanchored). Lookaround and backreferences cannot be decided: unknown unless a witness is found.
 */
import { defineRule, type RuleContext } from "../define.js";
import { patternIncluded } from "../regex.js";
import { hasType } from "../schema.js";
import type { Direction, RuleFinding } from "../types.js";

function check(ctx: RuleContext, direction: Direction): RuleFinding[] {
  const [sub, sup] = direction === "backward" ? [ctx.old, ctx.new] : [ctx.new, ctx.old];
  const supP = sup["pattern"];
  if (typeof supP !== "string" || !hasType(direction === "backward" ? ctx.oldTypes : ctx.newTypes, "string")) return [];
  const subP = typeof sub["pattern"] === "string" ? sub["pattern"] : "";
  const inc = patternIncluded(subP, supP);
  if (inc.included === true) return [];
  const side = direction === "backward" ? "old" : "new";
  const examples = ctx.examples(side, sub, 3).filter((v) => typeof v === "string");
  const what = sub["pattern"] === undefined ? (direction === "backward" ? "pattern added" : "pattern removed") : "pattern changed";
  const message = `${what}: ${JSON.stringify(ctx.old["pattern"] ?? null)} → ${JSON.stringify(ctx.new["pattern"] ?? null)}`;
  if (inc.included === "unknown") {
    return [{ message: `${message} (lookaround or backreference: not decidable)`, breaks: [], unknown: [direction], candidates: examples.map((value) => ({ direction, value })) }];
  }
  return [{ message: `${message}; e.g. ${JSON.stringify(inc.witness)}`, breaks: [direction], candidates: [inc.witness, ...examples].map((value) => ({ direction, value })) }];
}

export const patternChanged = defineRule({
  id: "pattern-changed",
  purpose: "the pattern's language shrank (breaks backward) or grew (breaks forward)",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: ["pattern"],
  check: (ctx) => [...check(ctx, "backward"), ...check(ctx, "forward")],
});
