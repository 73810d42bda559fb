/**
 * Rule table row 40: if/then/else. With equivalent `if` schemas, `then` and `else` are covariant and proven one
 * by one; a different `if` (or a conditional added/removed) is decided by inclusion (shared/conditional.ts), else
 * by a witness search or left unknown.
 */
import { isJsonObject, pointerAppend } from "../../ir/json.js";
import { defineRule, type At, type RuleContext } from "../define.js";
import { candidatesFor } from "../shared/samples.js";
import { conditionalGap } from "../shared/conditional.js";
import type { Candidate, Direction, RuleFinding, SchemaNode } from "../types.js";

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
  const sameIf = o && n && ctx.proves("backward", at(ctx, "old", "if"), at(ctx, "new", "if")) && ctx.proves("forward", at(ctx, "old", "if"), at(ctx, "new", "if"));
  const out: RuleFinding[] = [];
  if (sameIf) {
    const candidates = [...candidatesFor(ctx, "backward", ctx.oldAt.node, []), ...candidatesFor(ctx, "forward", ctx.newAt.node, [])];
    for (const d of both) {
      for (const kw of ["then", "else"]) {
        const [o2, n2] = [at(ctx, "old", kw), at(ctx, "new", kw)];
        if (ctx.proves(d, o2, n2)) continue;
        // What broke the branch's proof, placed in the whole node (leaves inside `then` need its `if` met).
        const because = { direction: d, old: o2.node, new: n2.node };
        const found = ctx.counterexamples(because).map((value): Candidate => ({ direction: d, value }));
        out.push({ message: `\`${kw}\` changed`, breaks: [d], because, candidates: [...found, ...candidates.filter((c) => c.direction === d)] });
      }
    }
    return out;
  }
  // A different `if`, or a conditional added or removed: decided by inclusion where it can be (shared/conditional.ts).
  const message = o !== n ? `if/then/else ${n ? "added" : "removed"}` : "the `if` condition changed";
  for (const d of both) {
    const gap = conditionalGap(ctx, d);
    if (gap === undefined) continue;
    const found = ctx.counterexamples(gap.because);
    // A witness usually has to meet the target's `if` too (to be held to its `then`): objects get its members.
    const target = d === "backward" ? "new" : "old";
    const cond = (target === "new" ? ctx.new : ctx.old)["if"];
    const meets = cond === undefined ? [] : ctx.examples(target, cond as SchemaNode, 2).filter(isJsonObject);
    const merged = found.flatMap((f) => (isJsonObject(f) ? meets.map((m) => ({ ...f, ...m })) : []));
    const source = d === "backward" ? ctx.oldAt.node : ctx.newAt.node;
    const candidates = [...merged, ...found].map((value): Candidate => ({ direction: d, value }));
    out.push({ message, breaks: [], unknown: [d], because: gap.because, candidates: [...candidates, ...candidatesFor(ctx, d, source, [])] });
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
