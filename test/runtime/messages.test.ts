/**
 * The code and message of every keyword's error, pinned: the runtime renders them from a table (errors.ts), and
 * the texts are part of what `parse…` returns, so a smaller renderer must still write exactly these. Given a raw
 * error (ajv's shape, what the generated validators list) → want this code and this message.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { schemaErrors } from "../../src/runtime/errors.js";
import type { RawError } from "../../src/runtime/types.js";

const CASES: readonly (readonly [RawError, string, string])[] = [
  [{"instancePath": "", "schemaPath": "#/x", "keyword": "required", "params": {"missingProperty": "needs_human"}}, "schema.required", "the document is missing the required property \"needs_human\""],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "type", "params": {"type": "string"}}, "schema.type", "/a must be of type string"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "type", "params": {"type": ["string", "null"]}}, "schema.type", "/a must be of type string,null"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "enum", "params": {"allowedValues": ["a", 1, null, {"k": "v"}, "b", "c", "d", "e", "f", "g", "h"]}}, "schema.enum", "/a must be one of \"a\", 1, null, {\"k\":\"v\"}, \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", ..."],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "const", "params": {"allowedValue": {"a": [1]}}}, "schema.const", "/a must be exactly {\"a\":[1]}"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "additionalProperties", "params": {"additionalProperty": "x\"y"}}, "schema.additional_property", "/a has the property \"x\\\"y\", which the schema does not allow"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "unevaluatedProperties", "params": {"unevaluatedProperty": "z"}}, "schema.additional_property", "/a has the property \"z\", which the schema does not allow"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "format", "params": {"format": "email"}}, "schema.format", "/a must be a valid email"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "pattern", "params": {"pattern": "^a\\d$"}}, "schema.pattern", "/a must match the pattern \"^a\\\\d$\""],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "minimum", "params": {"comparison": ">=", "limit": 0}}, "schema.range", "/a must be >= 0"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "exclusiveMaximum", "params": {"comparison": "<", "limit": 1.5}}, "schema.range", "/a must be < 1.5"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "multipleOf", "params": {"multipleOf": 2}}, "schema.range", "/a must be a multiple of 2"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "minLength", "params": {"limit": 1}}, "schema.length", "/a must have at least 1 characters"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "maxLength", "params": {"limit": 80}}, "schema.length", "/a must have at most 80 characters"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "minItems", "params": {"limit": 2}}, "schema.items", "/a must have at least 2 items"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "maxItems", "params": {"limit": 5}}, "schema.items", "/a must have at most 5 items"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "items", "params": {"limit": 2}}, "schema.items", "/a must have at most 2 items"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "additionalItems", "params": {"limit": 3}}, "schema.items", "/a must have at most 3 items"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "unevaluatedItems", "params": {"unevaluatedItem": 1}}, "schema.items", "/a must have at most undefined items"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "contains", "params": {"minContains": 1}}, "schema.items", "/a must contain at least 1 matching item(s)"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "contains", "params": {"minContains": 1, "maxContains": 3}}, "schema.items", "/a must contain from 1 to 3 matching items"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "minContains", "params": {}, "message": "must contain at least 2 valid items"}, "schema.items", "/a must contain at least 2 valid items"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "maxContains", "params": {}}, "schema.items", "/a fails the maxContains rule"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "prefixItems", "params": {}}, "schema.items", "/a fails the prefixItems rule"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "dependencies", "params": {"property": "a", "missingProperty": "b", "deps": "b", "depsCount": 1}}, "schema.dependency", "/a is missing the property \"b\", which \"a\" requires"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "dependentRequired", "params": {"property": "a", "missingProperty": "b"}}, "schema.dependency", "/a is missing the property \"b\", which \"a\" requires"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "dependentSchemas", "params": {}}, "schema.dependency", "/a fails the dependentSchemas rule"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "propertyNames", "params": {"propertyName": "bad name"}}, "schema.property_name", "/a has the property name \"bad name\", which the schema does not allow"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "if", "params": {"failingKeyword": "then"}}, "schema.combinator", "/a must match the \"then\" shape of its if/then/else"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "uniqueItems", "params": {"i": 1, "j": 3}}, "schema.items", "/a must not contain duplicates (items 3 and 1 are equal)"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "minProperties", "params": {"limit": 1}}, "schema.properties", "/a must have at least 1 properties"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "maxProperties", "params": {"limit": 2}}, "schema.properties", "/a must have at most 2 properties"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "anyOf", "params": {}}, "schema.combinator", "/a must match at least one of the allowed shapes (anyOf)"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "oneOf", "params": {"passingSchemas": null}}, "schema.combinator", "/a must match one of the allowed shapes (oneOf)"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "oneOf", "params": {"passingSchemas": [0, 1]}}, "schema.combinator", "/a matches more than one of the shapes [0,1], but must match exactly one (oneOf)"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "allOf", "params": {}}, "schema.combinator", "/a fails the allOf rule"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "not", "params": {}}, "schema.combinator", "/a must not match the excluded shape (not)"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "false schema", "params": {}}, "schema.false", "/a is not allowed here"],
  [{"instancePath": "/b", "schemaPath": "#/x", "keyword": "custom", "params": {}, "message": "must be custom"}, "schema.other", "/b must be custom"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "mystery", "params": {}}, "schema.other", "/a fails the mystery rule"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "constructor", "params": {}}, "schema.other", "/a fails the constructor rule"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "toString", "params": {}}, "schema.other", "/a fails the toString rule"],
  [{"instancePath": "/a", "schemaPath": "#/x", "keyword": "required", "params": {"missingProperty": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}}, "schema.required", "/a is missing the required property \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."],
];

test("schemaErrors › every keyword's code and message, exactly", () => {
  for (const [raw, code, message] of CASES) {
    const [error] = schemaErrors([raw]);
    assert.deepEqual(error, { code, instancePath: raw.instancePath, schemaPath: raw.schemaPath, message }, `${raw.keyword} ${JSON.stringify(raw.params)}`);
  }
});

test("schemaErrors › the same array of enum values renders the same text each time", () => {
  const allowedValues = ["a", "b"];
  const raw: RawError = { instancePath: "", schemaPath: "#/enum", keyword: "enum", params: { allowedValues } };
  const [first, second] = schemaErrors([raw, raw]);
  assert.equal(first!.message, 'the document must be one of "a", "b"');
  assert.equal(second!.message, first!.message);
});
