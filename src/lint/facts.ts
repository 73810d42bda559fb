import { isJsonObject, type JsonObject, type JsonValue } from "../ir/json.js";
import { subschemas } from "../ir/keywords.js";
import { typesOf, type SchemaFacts } from "./types.js";
import { resolveLocalRef, visitSchema } from "./walk.js";

/**
 * Measures a bundled schema for the numeric limits. Sizes are counted over the schema as written (a definition
 * counts once, however often it is referenced), which is how OpenAI states them ("property names, definition
 * names, enum values, and const values"). Depth and recursion follow `$ref`s from the root.
 * @see https://developers.openai.com/api/docs/guides/structured-outputs (Objects have limitations on nesting depth and size)
 */
export function measureSchema(root: JsonObject): SchemaFacts {
  let properties = 0;
  let stringSize = 0;
  let enumValues = 0;
  let optionalProperties = 0;
  let unionProperties = 0;
  visitSchema(root, (v) => {
    const { node } = v;
    if (v.property !== undefined) {
      if (!v.property.required) optionalProperties++;
      if (isUnion(node)) unionProperties++;
    }
    if (isJsonObject(node["properties"])) {
      const names = Object.keys(node["properties"]);
      properties += names.length;
      stringSize += names.reduce((n, k) => n + k.length, 0);
    }
    for (const defs of ["$defs", "definitions"]) {
      if (isJsonObject(node[defs])) stringSize += Object.keys(node[defs]).reduce((n, k) => n + k.length, 0);
    }
    if (Array.isArray(node["enum"])) {
      enumValues += node["enum"].length;
      stringSize += node["enum"].reduce<number>((n, e) => n + valueSize(e), 0);
    }
    if ("const" in node) stringSize += valueSize(node["const"] as JsonValue);
  });
  const { maxDepth, recursiveRefs } = followRefs(root);
  return { properties, maxDepth, stringSize, enumValues, optionalProperties, unionProperties, recursiveRefs };
}

function isUnion(node: JsonObject): boolean {
  return Array.isArray(node["anyOf"]) || Array.isArray(node["oneOf"]) || typesOf(node).length > 1;
}

function valueSize(value: JsonValue): number {
  return typeof value === "string" ? value.length : JSON.stringify(value).length;
}

/** Depth-first from the root through `$ref`s: the deepest object nesting and every `$ref` that closes a cycle. */
function followRefs(root: JsonObject): Pick<SchemaFacts, "maxDepth" | "recursiveRefs"> {
  let maxDepth = 0;
  const recursive = new Map<string, boolean>();
  const onPath = new Set<JsonObject>();
  const go = (node: JsonValue, pointer: string, depth: number, underOptional: boolean): void => {
    if (!isJsonObject(node) || onPath.has(node)) return;
    const isObject = typesOf(node).includes("object") || isJsonObject(node["properties"]);
    const here = isObject ? depth + 1 : depth;
    maxDepth = Math.max(maxDepth, here);
    onPath.add(node);
    if (typeof node["$ref"] === "string") {
      const target = resolveLocalRef(root, node["$ref"]);
      if (target !== undefined && onPath.has(target)) {
        recursive.set(pointer, (recursive.get(pointer) ?? true) && underOptional);
      } else if (target !== undefined) go(target, decodeURIComponent(node["$ref"].slice(1)), depth, underOptional);
    }
    const required = new Set(Array.isArray(node["required"]) ? node["required"] : []);
    for (const [child, at] of subschemas(node, pointer)) {
      const rest = at.slice(pointer.length + 1);
      const keyword = rest.split("/")[0]!;
      if (keyword === "$defs" || keyword === "definitions") continue;
      const name = keyword === "properties" ? rest.slice("properties/".length).replace(/~1/g, "/").replace(/~0/g, "~") : undefined;
      go(child, at, here, underOptional || (name !== undefined && !required.has(name)));
    }
    onPath.delete(node);
  };
  go(root, "", 0, false);
  return { maxDepth, recursiveRefs: [...recursive].map(([pointer, under]) => ({ pointer, underOptional: under })) };
}
