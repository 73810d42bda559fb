import { isJsonObject, pointerAppend, pointerTokens, type JsonObject, type JsonValue } from "../ir/json.js";
import { keywordKind, subschemas } from "../ir/keywords.js";
import type { NodeVisit } from "./types.js";

/** Keywords whose subschemas describe values one level further down (a property value, an array element). */
const NESTING = new Set(["properties", "patternProperties", "additionalProperties", "items", "prefixItems", "additionalItems", "contains", "unevaluatedProperties", "unevaluatedItems"]);

/**
 * Visits every subschema of a bundled schema once, in document order, root first. `$defs` are visited where they
 * are written (depth restarts at 1 there: the limits in facts.ts follow `$ref`s instead).
 */
export function visitSchema(root: JsonObject, visit: (v: NodeVisit) => void): void {
  const go = (node: JsonValue, v: Omit<NodeVisit, "node">): void => {
    if (!isJsonObject(node)) return;
    visit({ ...v, node });
    const required = new Set(Array.isArray(node["required"]) ? node["required"].filter((r): r is string => typeof r === "string") : []);
    for (const [child, pointer] of subschemas(node, v.pointer)) {
      const tokens = pointerTokens(pointer.slice(v.pointer.length));
      const keyword = tokens[0]!;
      const isDefs = keyword === "$defs" || keyword === "definitions";
      const name = keyword === "properties" ? tokens[1] : undefined;
      const optional = name !== undefined && !required.has(name);
      go(child, {
        pointer,
        isRoot: false,
        via: keyword,
        ...(name !== undefined ? { property: { name, required: !optional } } : {}),
        depth: isDefs ? 1 : NESTING.has(keyword) ? v.depth + 1 : v.depth,
        underOptional: isDefs ? false : v.underOptional || optional,
      });
    }
  };
  go(root, { pointer: "", isRoot: true, via: undefined, depth: 1, underOptional: false });
}

/** The node a local `$ref` (`#`, `#/...`) points at, or undefined. */
export function resolveLocalRef(root: JsonObject, ref: string): JsonObject | undefined {
  if (ref !== "#" && !ref.startsWith("#/")) return undefined;
  let node: JsonValue = root;
  for (const token of pointerTokens(decodeURIComponent(ref.slice(1)))) {
    if (Array.isArray(node)) node = node[Number(token)] as JsonValue;
    else if (isJsonObject(node)) node = node[token] as JsonValue;
    else return undefined;
    if (node === undefined) return undefined;
  }
  return isJsonObject(node) ? node : undefined;
}

export { keywordKind, pointerAppend };
