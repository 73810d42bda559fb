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

/** Every key anywhere in `value`, and "false schema" where a `false` appears. Iterative: no depth limit to hit. */
function keysOf(value: JsonValue): Set<string> {
  const found = new Set<string>();
  const stack: JsonValue[] = [value];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === false) found.add("false schema");
    if (typeof node !== "object" || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    for (const [key, child] of Object.entries(node)) {
      found.add(key);
      stack.push(child);
    }
  }
  return found;
}

/** The keywords `schema` can raise that have a rule, with their exports, sorted by keyword. */
export function keywordRules(schema: JsonValue): [keyword: string, exportName: string][] {
  const keys = keysOf(schema);
  return Object.keys(RULE_EXPORTS)
    .filter((keyword) => keys.has(keyword))
    .sort()
    .map((keyword) => [keyword, RULE_EXPORTS[keyword]!]);
}

/** The import names and the `const rules = {…};` declaration for a version module. */
export function renderKeywordRules(schema: JsonValue): { readonly imports: string[]; readonly declaration: string } {
  const rules = keywordRules(schema);
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
