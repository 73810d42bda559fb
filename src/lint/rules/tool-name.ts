import { defineRule } from "../types.js";

/**
 * The tool / response-format name on the wire: `contract.json` `toolName`, or else the contract name. OpenAI and Anthropic:
 * `^[a-zA-Z0-9_-]{1,64}$`; Gemini: ≤64, starts with a letter or `_`, may hold `.`; MCP: 1–128 `[A-Za-z0-9_.-]`.
 */
export const toolName = defineRule<{ pattern: string; rule: string }>({
  id: "tool-name",
  purpose: "The name the schema is sent under must match the provider's name rule.",
  source: "providers.md §4.2 (function & format name rules per provider)",
  scope: "schema",
  defaults: { pattern: "^[a-zA-Z0-9_-]{1,64}$", rule: "1-64 characters of letters, digits, `_` and `-`" },
  schema(_facts, ctx) {
    const name = ctx.target.toolName ?? ctx.target.name;
    if (new RegExp(ctx.options.pattern, "u").test(name)) return [];
    const fix = ctx.target.toolName === undefined ? "set `toolName` in contract.json" : "change `toolName` in contract.json";
    return [{ pointer: "", message: `name ${JSON.stringify(name)} is not a valid name here (${ctx.options.rule}): ${fix}` }];
  },
});
