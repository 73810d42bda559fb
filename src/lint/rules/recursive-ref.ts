import { defineRule } from "../types.js";

/**
 * Anthropic strict: "Recursive schemas" not supported. Gemini JSON Schema: "cyclic references are unrolled to a
 * limited degree and may only be used within non-required properties".
 */
export const recursiveRef = defineRule<{ allowUnderOptional: boolean }>({
  id: "recursive-ref",
  purpose: "No recursive `$ref` (or, with `allowUnderOptional`, only behind optional properties).",
  source: "providers.md §4.1 row '$ref/$defs' (Anthropic strict: recursion rejected; Gemini: only in non-required properties)",
  scope: "schema",
  defaults: { allowUnderOptional: false },
  schema(facts, ctx) {
    return facts.recursiveRefs
      .filter((r) => !(ctx.options.allowUnderOptional && r.underOptional))
      .map((r) => ({
        pointer: `${r.pointer}/$ref`,
        message: ctx.options.allowUnderOptional
          ? "recursive `$ref` reached through required properties only: make a property on the cycle optional"
          : "recursive `$ref`: unroll the recursion to a fixed depth (e.g. `Section`, `Subsection`, `Leaf` definitions)",
      }));
  },
});
