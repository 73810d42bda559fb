import { defineRule } from "../types.js";

/** Anthropic strict: ≤20 strict tools per request; OpenAI Chat Completions: ≤128 functions. */
export const toolsetToolCount = defineRule<{ max: number }>({
  id: "toolset-tool-count",
  purpose: "Number of tools sent together in one request.",
  source: "providers.md §4.2 (Anthropic ≤20 strict tools; OpenAI ≤128 functions)",
  scope: "toolset",
  defaults: { max: 128 },
  toolset(ctx) {
    if (ctx.tools.length <= ctx.options.max) return [];
    return [{ pointer: "", message: `${ctx.tools.length} tools in one request (limit ${ctx.options.max}): split the toolset or route between smaller ones` }];
  },
});
