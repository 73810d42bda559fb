/**
 * Rule table row 40: if/then/else. With equivalent `if` schemas, `then` and `else` are covariant and proven one
 * by one; a different `if` (or a conditional added/removed) is a possible break in both directions, decided by a
 * witness search or left unknown.
 */
import { pointerAppend } from "../../ir/json.js";
import { defineRule, type At, type RuleContext } from "../define.js";
import { candidatesFor } from "../shared/samples.js";
import type { Direction, RuleFinding, SchemaNode } from "../types.js";

function at(ctx: RuleContext, side: "old" | "new", kw: string): At {
  const node = side === "old" ? ctx.old : ctx.new;
  const ptr = side === "old" ? ctx.site.oldPointer : ctx.site.pointer;
  return { node: (node[kw] ?? true) as SchemaNode, pointer: pointerAppend(ptr, kw) };
}

function check(ctx: RuleContext): RuleFinding[] {
  const o = ctx.old["if"] !== undefined;
  const n = ctx.new["if"] !== undefined;
  if (!o && !n) return [];
  const both: Direction[] = ["backward", "forward"];
  const candidates = [...candidatesFor(ctx, "backward", ctx.oldAt.node, []), ...candidatesFor(ctx, "forward", ctx.newAt.node, [])];
  if (o !== n) return [{ message: `if/then/else ${n ? "added" : "removed"}`, breaks: n ? ["backward"] : ["forward"], unknown: both, candidates }];
  const sameIf = ctx.proves("backward", at(ctx, "old", "if"), at(ctx, "new", "if")) && ctx.proves("forward", at(ctx, "old", "if"), at(ctx, "new", "if"));
  if (!sameIf) return [{ message: "the `if` condition changed", breaks: [], unknown: both, candidates }];
  const out: RuleFinding[] = [];
  for (const d of both) {
    for (const kw of ["then", "else"]) {
      if (!ctx.proves(d, at(ctx, "old", kw), at(ctx, "new", kw))) out.push({ message: `\`${kw}\` changed`, breaks: [d], candidates: candidates.filter((c) => c.direction === d) });
    }
  }
  return out;
}

export const conditionalChanged = defineRule({
  id: "conditional-changed",
  purpose: "an if/then/else conditional was added, removed or changed",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: ["if", "then", "else"],
  check,
});
