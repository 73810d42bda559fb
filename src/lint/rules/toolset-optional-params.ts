import { defineRule } from "../types.js";

/** Anthropic strict: ≤24 optional parameters summed across all strict schemas in the request. */
export const toolsetOptionalParams = defineRule<{ max: number }>({
  id: "toolset-optional-params",
  purpose: "Optional properties summed over every tool in the request.",
  source: "providers.md §4.2 (Anthropic strict ≤24 optional params per request)",
  scope: "toolset",
  defaults: { max: 24 },
  toolset(ctx) {
    const total = ctx.tools.reduce((n, t) => n + t.facts.optionalProperties, 0);
    if (total <= ctx.options.max) return [];
    const top = [...ctx.tools].sort((a, b) => b.facts.optionalProperties - a.facts.optionalProperties)[0]!;
    return [{ pointer: "", contract: top.target.name, message: `${total} optional properties across the toolset (limit ${ctx.options.max}; ${top.target.name} has ${top.facts.optionalProperties}): make some required or send fewer tools` }];
  },
});
