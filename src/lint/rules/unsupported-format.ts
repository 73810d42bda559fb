import { defineRule } from "../types.js";

/** Each provider lists the string formats its decoder knows; others are rejected or ignored. */
export const unsupportedFormat = defineRule<{ allowed: readonly string[] }>({
  id: "unsupported-format",
  purpose: "`format` must be one the provider supports.",
  source: "providers.md §4.1 row 'format' (OpenAI 9 formats, no `uri`; Anthropic adds `uri`; Gemini OpenAPI: date-time/enum and numeric formats)",
  scope: "node",
  defaults: { allowed: [] },
  node(v, ctx) {
    const format = v.node["format"];
    if (typeof format !== "string" || ctx.options.allowed.includes(format)) return [];
    return [
      {
        pointer: `${v.pointer}/format`,
        export: "dropped",
        message: `format ${JSON.stringify(format)} is not supported here (supported: ${ctx.options.allowed.join(", ") || "none"}): export drops it; describe the format in \`description\` so the model still follows it`,
      },
    ];
  },
});
