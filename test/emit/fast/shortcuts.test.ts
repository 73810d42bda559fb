/**
 * The shorter checks the fast path and the collector write for ajv's (src/emit/fast/types.ts, strings.ts,
 * collect/scalars.ts): `Number.isInteger` and `Number.isFinite` for ajv's `integer` and `number` tests, and the
 * UTF-16 length alone for a `minLength` of at most 1. Same answers and errors as ajv on the values where they
 * could differ: non-finite numbers, negative zero, boxed numbers, numeric strings, lone surrogates, astral text.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject } from "../../../src/ir/json.js";
import { pair } from "./load.js";

// JSON values: ajv in memory (strict: false) counts Infinity as an integer, which the generated code never did.
const NUMBERS: unknown[] = [0, -0, 1, -1, 1.5, 2 ** 53, 2 ** 53 + 2, 1e300, 5e-324, "1", null, true, [1]];
const ODD: unknown[] = [...NUMBERS, NaN, Infinity, -Infinity, Object(1), Object(NaN), 1n, Symbol("1"), undefined];
const STRINGS: unknown[] = ["", "a", "ab", "\u{1F600}", "\ud800", "\udc00\ud800", "\u{1F600}\u{1F600}", 1, null];

const CASES: [JsonObject, unknown[]][] = [
  [{ type: "integer" }, NUMBERS],
  [{ type: "number" }, NUMBERS],
  [{ type: "integer", minimum: 0, maximum: 3 }, NUMBERS],
  [{ type: "number", exclusiveMaximum: 2 }, NUMBERS],
  [{ type: "string", minLength: 0 }, STRINGS],
  [{ type: "string", minLength: 1 }, STRINGS],
  [{ type: "string", minLength: 2 }, STRINGS],
  [{ minLength: 1 }, STRINGS],
];

test("shortcuts › integer, number and minLength at most 1 answer and list errors as ajv does", async () => {
  for (const [schema, values] of CASES) {
    for (const wrapped of [schema, { type: "object", properties: { v: schema }, required: ["v"] }] as JsonObject[]) {
      const both = await pair(wrapped, "2020-12");
      assert.ok(both !== undefined, JSON.stringify(wrapped));
      assert.doesNotMatch(both.code, /The fast path does not cover/, JSON.stringify(wrapped));
      for (const raw of values) {
        const value = wrapped === schema ? raw : { v: raw };
        const want = both.ajv(value);
        const label = `${JSON.stringify(wrapped)} on ${String(raw)}`;
        assert.equal(both.module.validateFast(value), want, label);
        assert.equal(both.module.validate(value), want, label);
        const strip = (errors: readonly { instancePath: string; schemaPath: string; keyword: string; params: unknown }[]) =>
          errors.map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
        assert.deepEqual(strip(both.module.validate.errors ?? []), strip(both.ajvErrors()), label);
      }
    }
  }
});

test("shortcuts › Number.isInteger and Number.isFinite are ajv's expressions on any value", () => {
  for (const x of ODD) {
    const n = x as number;
    assert.equal(Number.isInteger(x), typeof x == "number" && !(n % 1) && !isNaN(n) && isFinite(n), String(x));
    assert.equal(Number.isFinite(x), typeof x == "number" && isFinite(n), String(x));
  }
});

test("shortcuts › the shorter forms are the ones written", async () => {
  const both = await pair({ type: "object", properties: { i: { type: "integer" }, n: { type: "number" }, s: { type: "string", minLength: 1 } } }, "2020-12");
  assert.ok(both !== undefined);
  assert.match(both.code, /Number\.isInteger\(/);
  assert.match(both.code, /Number\.isFinite\(/);
  assert.doesNotMatch(both.code, /llmcUcs2length\(/);
});

test("shortcuts › a required property's declared type stands in for its presence check, only where it answers alike", async () => {
  // Issue 20: `if (!(p !== undefined)) return false;` is left out when the property's schema declares `type` (its
  // first check, false on undefined). Untyped schemas and names Object.prototype has keep it; each against ajv on
  // missing, undefined-valued, inherited and present values.
  const shapes: JsonObject[] = [{ type: "string" }, { type: ["string", "null"] }, { type: "integer", minimum: 1 }, { type: "object" }, { type: "array" }, { type: "boolean" }, { type: "null" }, { type: [] }, {}, { enum: ["a", null] }, { const: null }, { minLength: 1 }, { $ref: "#/$defs/s" }, { not: { type: "string" } }];
  const values = (name: string): unknown[] => [
    {},
    { [name]: undefined },
    { [name]: "a" },
    { [name]: null },
    { [name]: 2 },
    { [name]: {} },
    { [name]: [] },
    { [name]: true },
    // Inherited from another prototype: a name Object.prototype lacks counts as present for the fast path by design
    // (validators/own-properties.ts), typed or not, so only the names that keep the own-property test are compared.
    ...(name === "v" ? [] : [Object.create({ [name]: "a" }) as unknown]),
    Object.assign(Object.create(null) as object, { [name]: "a" }),
    { other: 1 },
  ];
  let typedLeftOut = 0;
  for (const shape of shapes) {
    for (const name of ["v", "constructor", "toString"]) {
      const schema: JsonObject = { type: "object", properties: { [name]: shape }, required: [name], $defs: { s: { type: "string" } } };
      const both = await pair(schema, "2020-12");
      if (both === undefined || /The fast path does not cover/.test(both.code)) continue;
      if ("type" in shape && name === "v") {
        assert.doesNotMatch(both.code.slice(both.code.indexOf("export function validateFast")), /!== undefined\)\) return false/, JSON.stringify(schema));
        typedLeftOut++;
      }
      for (const value of values(name)) assert.equal(both.module.validateFast(value), both.ajv(value), `${JSON.stringify(schema)} on ${JSON.stringify(value)}`);
    }
  }
  assert.ok(typedLeftOut >= 7, `the shortcut was taken ${typedLeftOut} times`);
});
