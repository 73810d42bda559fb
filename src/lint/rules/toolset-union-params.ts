import { defineRule } from "../types.js";

/** Anthropic strict: ≤16 parameters using `anyOf` or type arrays, summed over the request. */
export const toolsetUnionParams = defineRule<{ max: number }>({
  id: "toolset-union-params",
  purpose: "Union-typed properties (`anyOf`, `oneOf`, type arrays) summed over every tool in the request.",
  source: "providers.md §4.2 (Anthropic strict ≤16 union params per request)",
  scope: "toolset",
  defaults: { max: 16 },
  toolset(ctx) {
    const total = ctx.tools.reduce((n, t) => n + t.facts.unionProperties, 0);
    if (total <= ctx.options.max) return [];
    const top = [...ctx.tools].sort((a, b) => b.facts.unionProperties - a.facts.unionProperties)[0]!;
    return [{ pointer: "", contract: top.target.name, message: `${total} union-typed properties across the toolset (limit ${ctx.options.max}; ${top.target.name} has ${top.facts.unionProperties}): replace nullable/union parameters with plain ones or send fewer tools` }];
  },
});
