import { defineRule, isSchemaObject, typesOf } from "../types.js";

/** OpenAI strict and Anthropic strict: `additionalProperties: false` "must always be set in objects". */
export const additionalPropertiesMissing = defineRule<Record<string, never>>({
  id: "additional-properties-missing",
  purpose: "Every object schema must set `additionalProperties: false` explicitly.",
  source: "OpenAI Structured Outputs 'additionalProperties: false must always be set'; Anthropic structured outputs limitations",
  scope: "node",
  defaults: {},
  node(v) {
    const isObject = typesOf(v.node).includes("object") || isSchemaObject(v.node["properties"]);
    if (!isObject || "additionalProperties" in v.node) return [];
    return [
      {
        pointer: v.pointer,
        export: "lowered",
        message: 'object without `additionalProperties`: add `"additionalProperties": false` (export adds it; extra keys were never useful to the model)',
      },
    ];
  },
});
