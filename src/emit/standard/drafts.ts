import { DRAFT_URIS, isJsonObject, pointerAppend, pointerTokens, type Draft, type JsonObject, type JsonValue } from "../../ir/json.js";
import { keywordKind, mapKeyword } from "../../ir/keywords.js";

/**
 * Exact rewrites of a bundled schema between JSON Schema drafts, for Standard JSON Schema's `draft-07` and
 * `draft-2020-12` targets. A rewrite either means the same thing in the target draft or is refused with the
 * reason (the generated converter then throws it, as the Standard JSON Schema spec asks for an unsupported target).
 *
 * 2019-09 and draft-07 are first lifted to 2020-12 (`definitions` → `$defs`, tuple `items` → `prefixItems`,
 * `dependencies` → `dependentRequired`/`dependentSchemas`), and 2020-12 is lowered to draft-07 the other way round.
 * `$ref`s are rewritten token by token along the keywords they pass, so `#/$defs/A/prefixItems/0` becomes
 * `#/definitions/A/items/0`.
 * @see https://json-schema.org/draft/2020-12/release-notes
 */
export type Converted = { readonly schema: JsonObject } | { readonly refused: string };

export class Unconvertible extends Error {}

/** Keywords with no draft-07 equivalent. */
const NO_DRAFT07: Readonly<Record<string, string>> = {
  unevaluatedProperties: "draft-07 has no `unevaluatedProperties`",
  unevaluatedItems: "draft-07 has no `unevaluatedItems`",
  minContains: "draft-07 has no `minContains`",
  maxContains: "draft-07 has no `maxContains`",
  $dynamicRef: "draft-07 has no dynamic references",
  $dynamicAnchor: "draft-07 has no dynamic references",
};
const NO_2020: Readonly<Record<string, string>> = {
  $recursiveRef: "`$recursiveRef` (2019-09) has no exact 2020-12 form here",
  $recursiveAnchor: "`$recursiveAnchor` (2019-09) has no exact 2020-12 form here",
};
const ANNOTATIONS = new Set(["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "$comment"]);

/** Converts `schema` (written in `from`) to the `to` draft. */
export function convertDraft(schema: JsonObject, from: Draft, to: "draft-07" | "2020-12"): Converted {
  try {
    const lifted = from === "2020-12" ? schema : up(schema, from);
    const out = to === "2020-12" ? lifted : from === "draft-07" ? schema : down(lifted);
    return { schema: { ...withDialect(out, to) } };
  } catch (error) {
    if (error instanceof Unconvertible) return { refused: error.message };
    throw error;
  }
}

function withDialect(schema: JsonObject, to: "draft-07" | "2020-12"): JsonObject {
  const { $schema: _old, ...rest } = schema;
  return { $schema: DRAFT_URIS[to === "draft-07" ? "draft-07" : "2020-12"][to === "draft-07" ? 1 : 0]!, ...rest };
}

// ---------------------------------------------------------------------------------------------------------------
// draft-07 / 2019-09 → 2020-12
// ---------------------------------------------------------------------------------------------------------------

function up(root: JsonObject, from: Draft): JsonObject {
  const walk = (node: JsonValue, at: string): JsonValue => {
    if (!isJsonObject(node)) return node;
    const out: JsonObject = {};
    const tuple = Array.isArray(node["items"]);
    for (const [key, value] of Object.entries(node)) {
      const p = pointerAppend(at, key);
      if (key in NO_2020) throw new Unconvertible(`${p}: ${NO_2020[key]}`);
      if (key === "$ref" && typeof value === "string") out[key] = rewriteRef(value, root, "2020-12");
      else if (key === "definitions" && isJsonObject(value)) out["$defs"] = mapKeyword("schema-map", value, p, walk, (d) => d);
      else if (key === "items" && tuple) out["prefixItems"] = mapKeyword("schema-array", value, p, walk, (d) => d);
      else if (key === "additionalItems") {
        if (tuple) out["items"] = walk(value, p);
        // Without a tuple `items`, `additionalItems` has no effect (draft-07 §9.3.1.2): leaving it out is exact.
      } else if (key === "dependencies" && isJsonObject(value)) {
        for (const [name, dep] of Object.entries(value)) {
          const slot = Array.isArray(dep) ? "dependentRequired" : "dependentSchemas";
          const target = (out[slot] ??= {}) as JsonObject;
          target[name] = Array.isArray(dep) ? dep : walk(dep, pointerAppend(p, name));
        }
      } else if (key === "$id" && from === "draft-07" && typeof value === "string" && value.startsWith("#")) {
        out["$anchor"] = value.slice(1);
      } else {
        const kind = keywordKind(key);
        out[key] = kind === undefined ? value : mapKeyword(kind, value, p, walk, (d) => d);
      }
    }
    return out;
  };
  return walk(root, "") as JsonObject;
}

// ---------------------------------------------------------------------------------------------------------------
// 2020-12 → draft-07
// ---------------------------------------------------------------------------------------------------------------

function down(root: JsonObject): JsonObject {
  const walk = (node: JsonValue, at: string): JsonValue => {
    if (!isJsonObject(node)) return node;
    const out: JsonObject = {};
    const tuple = Array.isArray(node["prefixItems"]);
    // draft-07 ignores every keyword beside `$ref` (§8.3); 2020-12 applies them. `allOf` keeps them applied.
    const siblings = typeof node["$ref"] === "string" && Object.keys(node).some((k) => k !== "$ref" && k !== "$defs" && k !== "$schema" && k !== "$id" && !ANNOTATIONS.has(k));
    for (const [key, value] of Object.entries(node)) {
      const p = pointerAppend(at, key);
      if (key in NO_DRAFT07) throw new Unconvertible(`${p}: ${NO_DRAFT07[key]}`);
      if (key === "$ref" && typeof value === "string") out[key] = rewriteRef(value, root, "draft-07");
      else if (key === "$defs" && isJsonObject(value)) out["definitions"] = mapKeyword("schema-map", value, p, walk, (d) => d);
      else if (key === "prefixItems") out["items"] = mapKeyword("schema-array", value, p, walk, (d) => d);
      else if (key === "items" && tuple) out["additionalItems"] = walk(value, p);
      else if (key === "dependentRequired" || key === "dependentSchemas") {
        if (!isJsonObject(value)) throw new Unconvertible(`${p}: not an object`);
        const target = (out["dependencies"] ??= {}) as JsonObject;
        for (const [name, dep] of Object.entries(value)) {
          if (name in target) throw new Unconvertible(`${p}/${name}: both dependentRequired and dependentSchemas name it; draft-07 takes one`);
          target[name] = key === "dependentRequired" ? dep : walk(dep, pointerAppend(p, name));
        }
      } else if (key === "$anchor" && typeof value === "string") {
        if (typeof node["$id"] === "string") throw new Unconvertible(`${p}: \`$anchor\` beside \`$id\` has no draft-07 form`);
        out["$id"] = `#${value}`;
      } else {
        const kind = keywordKind(key);
        out[key] = kind === undefined ? value : mapKeyword(kind, value, p, walk, (d) => d);
      }
    }
    if (siblings) {
      const { $ref, ...rest } = out;
      return { ...rest, allOf: [...(Array.isArray(rest["allOf"]) ? rest["allOf"] : []), { $ref: $ref! }] };
    }
    return out;
  };
  return walk(root, "") as JsonObject;
}

// ---------------------------------------------------------------------------------------------------------------
// $ref pointers
// ---------------------------------------------------------------------------------------------------------------

/**
 * Rewrites a local `#/...` pointer along the keywords it passes through in the source draft. Non-local refs and
 * anchors (`#name`) are kept; the bundle has no other kind.
 */
function rewriteRef(ref: string, root: JsonObject, to: "draft-07" | "2020-12"): string {
  if (!ref.startsWith("#/") && ref !== "#") return ref;
  const tokens = pointerTokens(decodeURIComponent(ref.slice(1)));
  const out: string[] = [];
  let node: JsonValue | undefined = root;
  for (let i = 0; i < tokens.length; i++) {
    const key = tokens[i]!;
    if (!isJsonObject(node)) throw new Unconvertible(`$ref ${ref} does not point at a schema`);
    const kind = keywordKind(key);
    const value: JsonValue | undefined = node[key];
    const next = tokens[i + 1];
    let renamed = key;
    if (to === "2020-12") {
      if (key === "definitions") renamed = "$defs";
      else if (key === "items" && Array.isArray(value)) renamed = "prefixItems";
      else if (key === "additionalItems") renamed = "items";
      else if (key === "dependencies" && next !== undefined && isJsonObject(value)) renamed = Array.isArray(value[next]) ? "dependentRequired" : "dependentSchemas";
    } else {
      if (key === "$defs") renamed = "definitions";
      else if (key === "prefixItems") renamed = "items";
      else if (key === "items" && Array.isArray(node["prefixItems"])) renamed = "additionalItems";
      else if (key === "dependentSchemas" || key === "dependentRequired") renamed = "dependencies";
    }
    out.push(renamed);
    if (kind === "schema-map" || kind === "schema-array" || kind === "dependencies" || (kind === "schema-or-array" && Array.isArray(value))) {
      if (next === undefined) break;
      out.push(next);
      i++;
      node = isJsonObject(value) ? value[next] : Array.isArray(value) ? value[Number(next)] : undefined;
    } else node = value;
  }
  return `#${out.map((t) => `/${encodeURIComponent(t.replace(/~/g, "~0").replace(/\//g, "~1")).replace(/%24/g, "$")}`).join("")}`;
}
