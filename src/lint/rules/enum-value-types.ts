import { defineRule } from "../types.js";

type Primitive = "string" | "number" | "boolean" | "null";

function kindOf(value: unknown): Primitive | "object" {
  if (value === null) return "null";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return typeof value as Primitive;
  return "object";
}

/** Anthropic: enum of "strings, numbers, bools, or nulls only"; Gemini: strings (and numbers for JSON Schema). */
export const enumValueTypes = defineRule<{ allowed: readonly Primitive[] }>({
  id: "enum-value-types",
  purpose: "`enum` and `const` values must be of the types the provider can constrain to.",
  source: "providers.md §4.1 row 'enum' (Anthropic primitives only; Gemini OpenAPI strings; Gemini JSON strings & numbers)",
  scope: "node",
  defaults: { allowed: ["string", "number", "boolean", "null"] },
  node(v, ctx) {
    const values = Array.isArray(v.node["enum"]) ? v.node["enum"] : [];
    const bad = values.map((e, i) => [i, kindOf(e)] as const).filter(([, k]) => !ctx.options.allowed.includes(k as Primitive));
    const allowed = ctx.options.allowed.join(", ");
    return bad.map(([i, k]) =>
      k === "null"
        ? {
            pointer: `${v.pointer}/enum/${i}`,
            export: "lowered" as const,
            message: `\`null\` in \`enum\` is not supported (allowed: ${allowed}): export lowers it to \`anyOf: [{"enum": [...]}, {"type": "null"}]\``,
          }
        : { pointer: `${v.pointer}/enum/${i}`, message: `enum value of type ${k} is not supported (allowed: ${allowed}): use string values` },
    );
  },
});
