/**
 * Rule table row 32: contains / minContains / maxContains. With no maxContains, `contains` is covariant and
 * minContains a lower bound; with a maxContains the contains schema must be equivalent and the bounds compared.
 */
import { pointerAppend } from "../../ir/json.js";
import { defineRule, type RuleContext } from "../define.js";
import { candidatesFor } from "../shared/samples.js";
import { hasType } from "../schema.js";
import type { Direction, RuleFinding, SchemaNode } from "../types.js";

function check(ctx: RuleContext, direction: Direction): RuleFinding[] {
  const [sub, sup] = direction === "backward" ? [ctx.old, ctx.new] : [ctx.new, ctx.old];
  if (sup["contains"] === undefined || !hasType(direction === "backward" ? ctx.oldTypes : ctx.newTypes, "array")) return [];
  const message = `contains changed (${direction === "backward" ? "old arrays may not satisfy it" : "new arrays may not satisfy the old one"})`;
  const fail = [{ message, breaks: [direction], candidates: candidatesFor(ctx, direction, direction === "backward" ? ctx.oldAt.node : ctx.newAt.node, [[]]) }];
  if (sub["contains"] === undefined) return fail;
  const num = (v: unknown, d: number) => (typeof v === "number" ? v : d);
  const oldAt = { node: ctx.old["contains"] as SchemaNode, pointer: pointerAppend(ctx.site.oldPointer, "contains") };
  const newAt = { node: ctx.new["contains"] as SchemaNode, pointer: pointerAppend(ctx.site.pointer, "contains") };
  if (!ctx.proves(direction, oldAt, newAt)) return fail;
  if (num(sub["minContains"], 1) < num(sup["minContains"], 1)) return fail;
  if (sup["maxContains"] !== undefined || sub["maxContains"] !== undefined) {
    const back: Direction = direction === "backward" ? "forward" : "backward";
    if (!ctx.proves(back, oldAt, newAt) || num(sub["maxContains"], Infinity) > num(sup["maxContains"], Infinity)) return fail;
  }
  return [];
}

export const containsChanged = defineRule({
  id: "contains-changed",
  purpose: "the contains schema or its min/max count changed",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: ["contains", "minContains", "maxContains"],
  check: (ctx) => [...check(ctx, "backward"), ...check(ctx, "forward")],
});
