/**
 * A version module words its errors with only the rules of the keywords its schema has (src/emit/modules/
 * keyword-rules.ts). Held three ways: the emitter's table names exactly the runtime's rules; the keys are found
 * wherever they are (nested, in arrays, a `false` schema); and on JSON-Schema-Test-Suite cases every error the
 * generated validator lists is worded by the module's table exactly as by the full one (a keyword left out would
 * fall back to "fails the … rule").
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import * as errorsModule from "../../../src/runtime/errors.js";
import { KEYWORD_RULES, schemaErrors, type KeywordRule, type KeywordRules } from "../../../src/runtime/errors.js";
import type { RawError, RawValidator } from "../../../src/runtime/types.js";
import { keywordRules, renderKeywordRules, RULE_EXPORTS } from "../../../src/emit/modules/keyword-rules.js";
import { emitValidator } from "../../../src/emit/validators/index.js";
import type { Draft, JsonObject, JsonValue } from "../../../src/ir/json.js";
import { REPO_ROOT } from "../../util/project.js";
import { loadModule } from "../fast/load.js";

const exported = errorsModule as unknown as Readonly<Record<string, KeywordRule | undefined>>;

function moduleRules(schema: JsonValue, worded = false): KeywordRules {
  return Object.fromEntries(keywordRules(schema, worded).map(([keyword, name]) => [keyword, exported[name]!]));
}

test("keyword rules › the emitter's table names the runtime's rule of every keyword, and no other", () => {
  assert.deepEqual(Object.keys(RULE_EXPORTS).sort(), Object.keys(KEYWORD_RULES).sort());
  for (const [keyword, name] of Object.entries(RULE_EXPORTS)) assert.equal(exported[name], KEYWORD_RULES[keyword], `${keyword} → ${name}`);
});

test("keyword rules › keys anywhere count, a false schema adds its rule, other keys add nothing", () => {
  const schema: JsonObject = { type: "object", properties: { a: { items: [{ minLength: 1 }] }, b: false }, $defs: { x: { oneOf: [{ const: 1 }] } }, title: "t" };
  assert.deepEqual(
    keywordRules(schema).map(([k]) => k),
    ["const", "false schema", "items", "minLength", "oneOf", "type"],
  );
  assert.deepEqual(keywordRules({}), []);
  const { imports, declaration } = renderKeywordRules({ enum: [1], minimum: 0, maximum: 1, not: true });
  assert.deepEqual(imports, ["kwBound", "kwEnum", "kwNot"]);
  assert.match(declaration, /const rules = \{\n {2}enum: kwEnum,\n {2}maximum: kwBound,\n {2}minimum: kwBound,\n {2}not: kwNot,\n\};$/);
  assert.match(renderKeywordRules({ type: "null" }).declaration, /type: kwType/);
  assert.match(renderKeywordRules(false).declaration, /"false schema": kwFalseSchema/);
  // A keyword's own `false` is no false schema; a property named like one, or a `then: false`, is.
  assert.deepEqual(keywordRules({ additionalProperties: false, uniqueItems: false, items: { unevaluatedItems: false } }).map(([k]) => k), ["additionalProperties", "items", "unevaluatedItems", "uniqueItems"]);
  assert.ok(keywordRules({ properties: { additionalProperties: false } }).some(([k]) => k === "false schema"));
  assert.ok(keywordRules({ $defs: { readOnly: false } }).some(([k]) => k === "false schema"));
  assert.ok(keywordRules({ if: true, then: false }).some(([k]) => k === "false schema"));
});

const SUITE = path.join(REPO_ROOT, "..", "shared", "json-schema-test-suite", "tests");
const FILES: readonly (readonly [Draft, string])[] = [["draft-07", "draft7/additionalItems"], ["draft-07", "draft7/items"], ["draft-07", "draft7/dependencies"], ...["boolean_schema", "items", "prefixItems", "properties", "not", "if-then-else", "contains", "minContains", "propertyNames", "dependentRequired", "unevaluatedProperties", "oneOf", "anyOf", "allOf", "enum", "const", "exclusiveMaximum", "multipleOf", "uniqueItems", "maxProperties", "additionalProperties", "unevaluatedItems"].map((f) => ["2020-12", `draft2020-12/${f}`] as const)];

interface Group {
  readonly description: string;
  readonly schema: JsonValue;
  readonly tests: readonly { readonly data: unknown }[];
}

test("keyword rules › on the test suite, a module's own rules word every error as the full table does", async () => {
  let compared = 0;
  let wordedCompared = 0;
  for (const [draft, file] of FILES) {
    const groups = JSON.parse(readFileSync(path.join(SUITE, `${file}.json`), "utf8")) as Group[];
    for (const group of groups) {
      let module;
      try {
        module = await loadModule(emitValidator({ schema: group.schema as JsonObject, draft, strict: false }));
      } catch {
        continue; // a schema the compiler refuses (remote $ref, ...): no module, nothing to word
      }
      const rules = moduleRules(group.schema);
      for (const { data } of group.tests) {
        let valid: boolean;
        try {
          valid = module.validate(data);
        } catch {
          continue; // not this test's subject: the guards around the validators classify throws
        }
        if (valid) continue;
        const raw = (module.validate.errors ?? []) as readonly RawError[];
        for (const e of raw) assert.ok(!(e.keyword in KEYWORD_RULES) || Object.prototype.hasOwnProperty.call(rules, e.keyword), `${file}: ${group.description}: ${e.keyword} has no rule`);
        assert.deepEqual(schemaErrors(raw, rules), schemaErrors(raw), `${file}: ${group.description}`);
        compared += raw.length;
        // Where the collector is ours, parse… runs `validateWorded` with the rules of the keywords it leaves raw only.
        const ours: RawValidator | undefined = module.validateWorded;
        if (ours === undefined) continue;
        assert.equal(ours(data), false, `${file}: ${group.description}: worded verdict`);
        assert.deepEqual(schemaErrors(ours.errors ?? [], moduleRules(group.schema, true)), schemaErrors(raw), `${file}: ${group.description}: worded`);
        wordedCompared += raw.length;
      }
    }
  }
  assert.ok(compared > 300, `only ${compared} errors compared`);
  assert.ok(wordedCompared > 200, `only ${wordedCompared} worded errors compared`);
});

test("keyword rules › a module whose parse… runs validateWorded passes only the rules of the keywords it leaves raw", () => {
  const schema: JsonObject = { type: "object", required: ["a"], additionalProperties: false, propertyNames: { maxLength: 3 }, properties: { a: { type: "array", uniqueItems: true, items: { oneOf: [{ type: "integer" }, { minimum: 0 }] } } } };
  assert.deepEqual(keywordRules(schema, true).map(([k]) => k), ["additionalProperties", "oneOf", "propertyNames", "uniqueItems"]);
  assert.deepEqual(keywordRules({ type: "string", enum: ["a"] }, true), []);
  assert.match(renderKeywordRules(schema, true).declaration, /const rules = \{\n {2}additionalProperties: kwAdditionalProperties,\n {2}oneOf: kwOneOf,\n {2}propertyNames: kwPropertyNames,\n {2}uniqueItems: kwUniqueItems,\n\};$/);
});
