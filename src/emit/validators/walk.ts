/**
 * Visits every subschema of a schema with its JSON pointer. Used to put a pointer on problems that ajv reports
 * without one (strict-mode messages name a keyword, not a place).
 */
import { type JsonObject, type JsonValue, isJsonObject, pointerAppend } from "../../ir/json.js";
import { subschemas as directSubschemas } from "../../ir/keywords.js";

export interface SchemaNode {
  readonly pointer: string;
  readonly node: JsonObject;
}

/** Object subschemas in document order, the root first. Boolean schemas have no keywords and are skipped. */
export function subschemas(root: JsonObject): SchemaNode[] {
  const found: SchemaNode[] = [];
  const visit = (value: JsonValue, pointer: string): void => {
    if (!isJsonObject(value)) return;
    found.push({ pointer, node: value });
    for (const [child, at] of directSubschemas(value, pointer)) visit(child, at);
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
