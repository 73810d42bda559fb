/** dependentRequired (and draft-07 array `dependencies`, normalized into it) as a set of (key → name) pairs. */
import type { JsonObject } from "../../ir/json.js";
import type { RuleContext } from "../define.js";
import { hasType, isObj } from "../schema.js";
import type { Direction, RuleFinding } from "../types.js";
import { exampleMember, objectCandidates } from "./objects.js";

function pairs(node: JsonObject): Set<string> {
  const out = new Set<string>();
  const dr = node["dependentRequired"];
  if (isObj(dr)) for (const [k, v] of Object.entries(dr)) for (const d of Array.isArray(v) ? v : []) out.add(JSON.stringify([k, d]));
  return out;
}

export function dependencyDelta(ctx: RuleContext, direction: Direction): RuleFinding[] {
  const [sub, sup] = direction === "backward" ? [ctx.old, ctx.new] : [ctx.new, ctx.old];
  if (!hasType(direction === "backward" ? ctx.oldTypes : ctx.newTypes, "object")) return [];
  const have = pairs(sub);
  const side = direction === "backward" ? "old" : "new";
  const out: RuleFinding[] = [];
  for (const p of pairs(sup)) {
    if (have.has(p)) continue;
    const [k, d] = JSON.parse(p) as [string, string];
    if (k === d) continue;
    const verb = direction === "backward" ? "now requires" : "no longer requires";
    out.push({
      message: `"${k}" ${verb} "${d}" (dependentRequired)`,
      breaks: [direction],
      at: ["dependentRequired", k],
      candidates: objectCandidates(ctx, direction, (o) => {
        if (!(k in o)) o[k] = exampleMember(ctx, side, sub, k);
        delete o[d];
        return o;
      }),
    });
  }
  return out;
}
