import { defineRule } from "../types.js";

/** A map type (`additionalProperties: true` or a schema) cannot be expressed where only `false` is accepted. */
export const additionalPropertiesOpen = defineRule<Record<string, never>>({
  id: "additional-properties-open",
  purpose: "`additionalProperties` must be `false`: open objects and maps (`true` or a schema) are rejected.",
  source: "OpenAI 'additionalProperties is required to be supplied and to be false'; Anthropic 'must be set to false for objects'",
  scope: "node",
  defaults: {},
  node(v) {
    const ap = v.node["additionalProperties"];
    if (ap === undefined || ap === false) return [];
    return [
      {
        pointer: `${v.pointer}/additionalProperties`,
        message:
          'open object: set `"additionalProperties": false`; for a map, use an array of `{"key": ..., "value": ...}` items instead',
      },
    ];
  },
});
