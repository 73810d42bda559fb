/**
 * The keyword rules a version module passes `runContract` (src/runtime/errors.ts): only those of the keywords its
 * schema can raise, so a bundle of one `parse…` carries only their messages.
 *
 * Why the schema's keys: every raw error names the keyword of the (sub)schema that failed (ajv's code and our own
 * collector alike), and the canonical schema is bundled (every `$ref` local), so each keyword an error can name is
 * a key somewhere in it; `false schema` comes from a boolean `false`. Collecting every key anywhere (property
 * names and `const` values included) over-approximates, which is safe: a rule left in costs bytes, a rule left
 * out would reword an error. test/emit/modules/keyword-rules.test.ts holds this table to the runtime's.
 */
import type { JsonValue } from "../../ir/json.js";
import { propertyKey } from "../codegen/escape.js";
import { RAW_WORDED_KEYWORDS } from "../fast/collect/worded.js";

/** Keyword → the runtime export holding its rule: `KEYWORD_RULES` of src/runtime/errors.ts, by name. */
export const RULE_EXPORTS: Readonly<Record<string, string>> = {
  required: "kwRequired",
  type: "kwType",
  enum: "kwEnum",
  const: "kwConst",
  additionalProperties: "kwAdditionalProperties",
  unevaluatedProperties: "kwUnevaluatedProperties",
  format: "kwFormat",
  pattern: "kwPattern",
  minimum: "kwBound",
  maximum: "kwBound",
  exclusiveMinimum: "kwBound",
  exclusiveMaximum: "kwBound",
  multipleOf: "kwMultipleOf",
  minLength: "kwMinLength",
  maxLength: "kwMaxLength",
  minItems: "kwMinItems",
  maxItems: "kwMaxItems",
  items: "kwMaxItems",
  additionalItems: "kwMaxItems",
  unevaluatedItems: "kwMaxItems",
  uniqueItems: "kwUniqueItems",
  contains: "kwContains",
  minContains: "kwItemsOther",
  maxContains: "kwItemsOther",
  prefixItems: "kwItemsOther",
  minProperties: "kwMinProperties",
  maxProperties: "kwMaxProperties",
  propertyNames: "kwPropertyNames",
  dependencies: "kwDependency",
  dependentRequired: "kwDependency",
  dependentSchemas: "kwDependentSchemas",
  if: "kwIf",
  anyOf: "kwAnyOf",
  oneOf: "kwOneOf",
  allOf: "kwAllOf",
  not: "kwNot",
  "false schema": "kwFalseSchema",
};

/**
 * Keywords whose `false` ajv (and our collector) report under their own name, never as "false schema"; and
 * annotations and flags that take a boolean. A `false` under one of these names is such a keyword's value unless
 * the object holding it is a map of subschemas (then the name is a property's and the `false` its schema).
 */
const OWN_FALSE = new Set(["additionalProperties", "unevaluatedProperties", "additionalItems", "unevaluatedItems", "uniqueItems", "exclusiveMaximum", "exclusiveMinimum", "deprecated", "readOnly", "writeOnly"]);
const SUBSCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"]);

/**
 * Every key anywhere in `value`, and "false schema" where a `false` may be a schema (everywhere but the value of
 * an `OWN_FALSE` keyword). Iterative: no depth limit to hit.
 */
function keysOf(value: JsonValue): Set<string> {
  const found = new Set<string>();
  // Each node with its own key and the key of the object holding it ("" for array items and the root).
  const stack: [node: JsonValue, key: string, holder: string][] = [[value, "", ""]];
  while (stack.length > 0) {
    const [node, key, holder] = stack.pop()!;
    if (node === false && !(OWN_FALSE.has(key) && !SUBSCHEMA_MAPS.has(holder))) found.add("false schema");
    if (typeof node !== "object" || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push([item, "", key]);
      continue;
    }
    for (const [child, item] of Object.entries(node)) {
      found.add(child);
      stack.push([item, child, key]);
    }
  }
  return found;
}

/**
 * The keywords `schema` can raise that have a rule, with their exports, sorted by keyword. With `worded` (the
 * module's `parse…` runs our collector's `validateWorded`, which words every error it knows at build time) only
 * those whose errors it leaves raw (their params hold the value's own data: `RAW_WORDED_KEYWORDS`).
 */
export function keywordRules(schema: JsonValue, worded = false): [keyword: string, exportName: string][] {
  const keys = keysOf(schema);
  return Object.keys(RULE_EXPORTS)
    .filter((keyword) => keys.has(keyword) && (!worded || RAW_WORDED_KEYWORDS.has(keyword)))
    .sort()
    .map((keyword) => [keyword, RULE_EXPORTS[keyword]!]);
}

/** The import names and the `const rules = {…};` declaration for a version module (`worded` as in `keywordRules`). */
export function renderKeywordRules(schema: JsonValue, worded = false): { readonly imports: string[]; readonly declaration: string } {
  const rules = keywordRules(schema, worded);
  const imports = [...new Set(rules.map(([, name]) => name))].sort();
  const entries = rules.map(([keyword, name]) => `  ${propertyKey(keyword)}: ${name},`);
  return {
    imports,
    declaration: [
      `/** How parse… words and codes each keyword's errors: only the keywords this schema has (src/runtime/errors.ts). */`,
      entries.length === 0 ? "const rules = {};" : ["const rules = {", ...entries, "};"].join("\n"),
    ].join("\n"),
  };
}
