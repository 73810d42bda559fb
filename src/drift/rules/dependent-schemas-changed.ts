/**
 * Rule table row 27: dependentSchemas (and draft-07 schema `dependencies`). Each entry is a conjunct applied when
 * its key is present: covariant per key, proven by a silent comparison of the two entries.
 */
import { pointerAppend } from "../../ir/json.js";
import { defineRule, type RuleContext } from "../define.js";
import { exampleMember, objectCandidates } from "../shared/objects.js";
import { isObj } from "../schema.js";
import type { Direction, RuleFinding, SchemaNode } from "../types.js";

function check(ctx: RuleContext, direction: Direction): RuleFinding[] {
  const [sub, sup] = direction === "backward" ? [ctx.old, ctx.new] : [ctx.new, ctx.old];
  const subDeps = isObj(sub["dependentSchemas"]) ? sub["dependentSchemas"] : {};
  const supDeps = isObj(sup["dependentSchemas"]) ? sup["dependentSchemas"] : {};
  const out: RuleFinding[] = [];
  for (const [k, s] of Object.entries(supDeps)) {
    const mine = subDeps[k];
    if (mine !== undefined) {
      const at = (side: "old" | "new") => pointerAppend(pointerAppend(side === "old" ? ctx.site.oldPointer : ctx.site.pointer, "dependentSchemas"), k);
      const [o, n] = direction === "backward" ? [mine, s] : [s, mine];
      if (ctx.proves(direction, { node: o as SchemaNode, pointer: at("old") }, { node: n as SchemaNode, pointer: at("new") })) continue;
    }
    const verb = mine === undefined ? (direction === "backward" ? "added" : "removed") : "changed";
    const side = direction === "backward" ? "old" : "new";
    const candidates = objectCandidates(ctx, direction, (o) => (k in o ? o : { ...o, [k]: exampleMember(ctx, side, sub, k) }));
    // With the key present, drop each other member in turn: dependent schemas usually require something.
    for (const c of [...candidates]) for (const other of Object.keys(c.value as object)) if (other !== k) candidates.push({ direction, value: Object.fromEntries(Object.entries(c.value as object).filter(([m]) => m !== other)) });
    out.push({ message: `dependentSchemas["${k}"] ${verb}`, breaks: [direction], candidates });
  }
  return out;
}

export const dependentSchemasChanged = defineRule({
  id: "dependent-schemas-changed",
  purpose: "a schema applied when a key is present was added, removed or changed",
  breaks: ["backward", "forward"],
  severity: "error",
  keywords: ["dependentSchemas", "dependencies"],
  check: (ctx) => [...check(ctx, "backward"), ...check(ctx, "forward")],
});
