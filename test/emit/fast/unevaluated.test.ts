/**
 * `unevaluatedProperties` on the fast path (src/emit/fast/unevaluated.ts): in a schema object without in-place
 * applicators it answers as ajv does, on own, inherited, pattern-matched and described keys, for random
 * combinations of `properties`, `patternProperties` and `additionalProperties`; beside an applicator, or before
 * 2019-09, the schema keeps ajv's code.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Draft, JsonObject, JsonValue } from "../../../src/ir/json.js";
import { pair } from "./load.js";

const VALUES: unknown[] = [
  {},
  { a: 1 },
  { a: "s" },
  { b: 1 },
  { b: true },
  { x1: 2 },
  { x1: "no" },
  { a: "s", b: true, x2: 3 },
  { constructor: 1 },
  Object.create({ b: 1 }),
  Object.assign(Object.create(null), { b: true }),
  [],
  "x",
  null,
  1,
];

const SUB: JsonValue[] = [false, true, {}, { type: "boolean" }, { type: "string" }, { not: {} }];

test("unevaluated properties › no in-place applicator: the fast path answers as ajv, 2019-09 and 2020-12", async () => {
  const arb = fc.record(
    {
      type: fc.constant("object"),
      properties: fc.dictionary(fc.constantFrom("a", "constructor", "x1"), fc.constantFrom(...SUB), { maxKeys: 2 }),
      patternProperties: fc.dictionary(fc.constantFrom("^x", "b"), fc.constantFrom(...SUB), { maxKeys: 2 }),
      additionalProperties: fc.constantFrom(...SUB),
      propertyNames: fc.constant({ maxLength: 3 }),
      unevaluatedProperties: fc.constantFrom(...SUB),
    },
    { requiredKeys: ["unevaluatedProperties"] },
  );
  let checked = 0;
  let rejected = 0;
  for (const draft of ["2020-12", "2019-09"] as Draft[]) {
    for (const schema of fc.sample(arb, { numRuns: 20, seed: 20 })) {
      const both = await pair(schema as JsonObject, draft);
      assert.ok(both !== undefined, JSON.stringify(schema));
      assert.doesNotMatch(both.code, /The fast path does not cover/, JSON.stringify(schema));
      for (const value of VALUES) {
        const want = both.ajv(value);
        assert.equal(both.module.validateFast(value), want, `${draft} ${JSON.stringify(schema)} on ${JSON.stringify(value)}`);
        checked++;
        if (!want) rejected++;
      }
    }
  }
  assert.ok(rejected > checked / 5 && rejected < checked, `${rejected} of ${checked} values rejected`);
});

test("unevaluated properties › beside an in-place applicator, or before 2019-09, ajv's code answers", async () => {
  const cases: [JsonObject, Draft][] = [
    [{ allOf: [{ properties: { a: {} } }], unevaluatedProperties: false }, "2020-12"],
    [{ $ref: "#/$defs/a", $defs: { a: { properties: { a: {} } } }, unevaluatedProperties: false }, "2020-12"],
    [{ if: { properties: { a: {} } }, unevaluatedProperties: false }, "2019-09"],
    [{ dependentSchemas: { a: { properties: { b: {} } } }, unevaluatedProperties: false }, "2020-12"],
    [JSON.parse('{"properties": {"__proto__": {}}, "unevaluatedProperties": false}') as JsonObject, "2020-12"],
    [{ properties: { a: {} }, unevaluatedProperties: false }, "draft-07"],
  ];
  for (const [schema, draft] of cases) {
    const both = await pair(schema, draft);
    assert.ok(both !== undefined, JSON.stringify(schema));
    assert.match(both.code, /The fast path does not cover/, JSON.stringify(schema));
    for (const value of VALUES) assert.equal(both.module.validateFirst(value), both.ajv(value), `${JSON.stringify(schema)} on ${JSON.stringify(value)}`);
  }
});
