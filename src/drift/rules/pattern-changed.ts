/**
 * Rule table rows 11–12: `pattern` added, removed or changed, decided by regex-language inclusion (refa DFAs;
 * patterns are unanchored). Lookaround and backreferences cannot be decided: unknown unless a witness is found.
 */
import type { JsonObject } from "../../ir/json.js";
import { defineRule, type RuleContext } from "../define.js";
import { hasName, patternIncluded, patternLanguage } from "../regex.js";
import { hasType } from "../schema.js";
import type { Direction, RuleFinding } from "../types.js";

function check(ctx: RuleContext, direction: Direction): RuleFinding[] {
  const [sub, sup] = direction === "backward" ? [ctx.old, ctx.new] : [ctx.new, ctx.old];
  const supP = sup["pattern"];
  if (typeof supP !== "string" || !hasType(direction === "backward" ? ctx.oldTypes : ctx.newTypes, "string")) return [];
  const subP = typeof sub["pattern"] === "string" ? sub["pattern"] : "";
  const listed = enumerated(sub, subP, supP);
  if (listed !== undefined) {
    if (listed.length === 0) return [];
    const message = `pattern ${JSON.stringify(supP)} rejects enum value(s) ${listed.slice(0, 5).map((v) => JSON.stringify(v)).join(", ")} of ${direction === "backward" ? "old" : "new"}`;
    return [{ message, breaks: [direction], candidates: listed.map((value) => ({ direction, value })) }];
  }
  const inc = patternIncluded(subP, supP);
  if (inc.included === true) return [];
  const side = direction === "backward" ? "old" : "new";
  const examples = ctx.examples(side, sub, 3).filter((v) => typeof v === "string");
  const what = sub["pattern"] === undefined ? (direction === "backward" ? "pattern added" : "pattern removed") : "pattern changed";
  const message = `${what}: ${JSON.stringify(ctx.old["pattern"] ?? null)} → ${JSON.stringify(ctx.new["pattern"] ?? null)}`;
  if (inc.included === "unknown") {
    return [{ message: `${message} (lookaround or backreference: not decidable)`, breaks: [], unknown: [direction], candidates: examples.map((value) => ({ direction, value })) }];
  }
  const fitted = fit(sub, examples);
  return [{ message: `${message}; e.g. ${JSON.stringify(inc.witness)}`, breaks: [direction], candidates: [inc.witness, ...fitted, ...examples].map((value) => ({ direction, value })) }];
}

/**
 * A source `enum` lists every string the source can hold (ctfd: `enum: ["public", "private", "admins"]` with
 * `pattern: "^[a-z0-9._-]+$"` added): the listed strings (those the source's own pattern admits) that the target
 * pattern rejects, decided on the automata; undefined when there is no enum or no automaton.
 */
function enumerated(sub: JsonObject, subP: string, supP: string): string[] | undefined {
  const list = sub["enum"];
  if (!Array.isArray(list)) return undefined;
  const target = patternLanguage(supP);
  const source = subP === "" ? undefined : patternLanguage(subP);
  if (target === undefined || (subP !== "" && source === undefined)) return undefined;
  return list.filter((v): v is string => typeof v === "string" && (source === undefined || hasName(source, v)) && !hasName(target, v));
}

/**
 * The shortest word outside the target pattern may break the source's length bounds (`""` against `minLength: 2`):
 * strings of the source's bounds made of characters most patterns leave out, and its examples with one character
 * swapped for them. Guesses only: the validators confirm a witness.
 */
function fit(sub: JsonObject, examples: readonly string[]): string[] {
  const min = typeof sub["minLength"] === "number" ? sub["minLength"] : 0;
  const max = typeof sub["maxLength"] === "number" ? sub["maxLength"] : Infinity;
  const len = Math.min(Math.max(min, 1), max, 64);
  if (len < 1) return [];
  const odd = [" ", "A", "#", "é", "~"];
  return [...odd.map((c) => c.repeat(len)), ...examples.slice(0, 2).flatMap((e) => (e.length > 0 ? odd.map((c) => c + e.slice(1)) : []))];
}

export const patternChanged = defineRule({
  id: "pattern-changed",
  purpose: "the pattern's language shrank (breaks backward) or grew (breaks forward)",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: ["pattern"],
  check: (ctx) => [...check(ctx, "backward"), ...check(ctx, "forward")],
});
