import { defineRule } from "../types.js";

/** OpenAI strict: "all fields or function parameters must be specified as required". */
export const optionalProperty = defineRule<Record<string, never>>({
  id: "optional-property",
  purpose: "Every property must be listed in `required`; optionality is expressed as a nullable type instead.",
  source: "OpenAI Structured Outputs 'Supported schemas': all fields must be required; providers.md §4.3",
  scope: "node",
  defaults: {},
  node(v) {
    if (v.property === undefined || v.property.required) return [];
    return [
      {
        pointer: v.pointer,
        export: "lowered",
        message:
          `optional property ${JSON.stringify(v.property.name)}: the provider needs every property in \`required\`. ` +
          `Export lowers it to required + nullable and the generated normalizer turns \`null\` back into "absent"; ` +
          `send the exported fragment, or add it to \`required\` with a \`null\` alternative yourself`,
      },
    ];
  },
});
