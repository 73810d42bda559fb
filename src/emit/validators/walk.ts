/**
 * Visits every subschema of a schema with its JSON pointer. Used to put a pointer on problems that ajv reports
 * without one (strict-mode messages name a keyword, not a place).
 */
import { type JsonObject, type JsonValue, isJsonObject, pointerAppend } from "../../ir/json.js";

/** Keywords whose value is one subschema. `items` may also be an array (draft-07, 2019-09). */
const SINGLE = [
  "additionalItems",
  "additionalProperties",
  "contains",
  "contentSchema",
  "else",
  "if",
  "items",
  "not",
  "propertyNames",
  "then",
  "unevaluatedItems",
  "unevaluatedProperties",
];
/** Keywords whose value is an array of subschemas. */
const LIST = ["allOf", "anyOf", "items", "oneOf", "prefixItems"];
/** Keywords whose value maps names to subschemas (`dependencies` values may also be string arrays). */
const MAP = ["$defs", "definitions", "dependencies", "dependentSchemas", "patternProperties", "properties"];

export interface SchemaNode {
  readonly pointer: string;
  readonly node: JsonObject;
}

/** Object subschemas in document order, the root first. Boolean schemas have no keywords and are skipped. */
export function subschemas(root: JsonObject): SchemaNode[] {
  const found: SchemaNode[] = [];
  const visit = (value: JsonValue | undefined, pointer: string): void => {
    if (!isJsonObject(value)) return;
    found.push({ pointer, node: value });
    for (const [keyword, child] of Object.entries(value)) {
      const at = pointerAppend(pointer, keyword);
      if (SINGLE.includes(keyword) && isJsonObject(child)) visit(child, at);
      if (LIST.includes(keyword) && Array.isArray(child)) child.forEach((item, i) => visit(item, pointerAppend(at, i)));
      if (MAP.includes(keyword) && isJsonObject(child)) {
        for (const [name, sub] of Object.entries(child)) visit(sub, pointerAppend(at, name));
      }
    }
  };
  visit(root, "");
  return found;
}

/** Pointers to `keyword` in every subschema that has it and satisfies `when`. */
export function keywordPointers(
  root: JsonObject,
  keyword: string,
  when: (node: JsonObject) => boolean = () => true,
): string[] {
  return subschemas(root)
    .filter(({ node }) => Object.prototype.hasOwnProperty.call(node, keyword) && when(node))
    .map(({ pointer }) => pointerAppend(pointer, keyword));
}
