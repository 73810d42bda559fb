import { defineRule } from "../types.js";

/** Anthropic: "For 'array' type, 'minItems' values other than 0 or 1 are not supported". */
export const minItemsLimit = defineRule<{ max: number }>({
  id: "min-items-limit",
  purpose: "`minItems` above the provider's supported values (Anthropic strict: 0 or 1).",
  source: "Anthropic structured outputs 'Array minItems (only values 0 and 1 supported)'",
  scope: "node",
  defaults: { max: 1 },
  node(v, ctx) {
    const min = v.node["minItems"];
    if (typeof min !== "number" || min <= ctx.options.max) return [];
    return [
      {
        pointer: `${v.pointer}/minItems`,
        export: "dropped",
        message: `minItems ${min} is not supported (at most ${ctx.options.max}): export lowers it to ${ctx.options.max} and the contract's validator enforces ${min}; say "at least ${min}" in \`description\``,
      },
    ];
  },
});
