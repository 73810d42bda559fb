import { test } from "node:test";
import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { runValidator, type RawValidator } from "../../src/runtime/runtime.js";

// The codes are a mapping of ajv keywords, so any ajv with formats will do; strictness is not under test here.
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);

/** given a schema and a value → want these error codes (sorted) at these paths. */
const CASES: readonly { name: string; schema: object; value: unknown; want: [code: string, path: string][] }[] = [
  { name: "required", schema: { type: "object", required: ["a"] }, value: {}, want: [["schema.required", ""]] },
  { name: "type", schema: { type: "object", properties: { a: { type: "string" } } }, value: { a: 1 }, want: [["schema.type", "/a"]] },
  { name: "enum", schema: { enum: ["x", "y"] }, value: "z", want: [["schema.enum", ""]] },
  { name: "const", schema: { const: 1 }, value: 2, want: [["schema.const", ""]] },
  { name: "additional property", schema: { type: "object", additionalProperties: false }, value: { b: 1 }, want: [["schema.additional_property", ""]] },
  { name: "format", schema: { type: "string", format: "email" }, value: "x", want: [["schema.format", ""]] },
  { name: "pattern", schema: { type: "string", pattern: "^a$" }, value: "b", want: [["schema.pattern", ""]] },
  { name: "range", schema: { type: "number", minimum: 1, multipleOf: 2 }, value: 0.5, want: [["schema.range", ""], ["schema.range", ""]] },
  { name: "length", schema: { type: "string", maxLength: 1 }, value: "ab", want: [["schema.length", ""]] },
  { name: "items", schema: { type: "array", maxItems: 1, uniqueItems: true }, value: [1, 1], want: [["schema.items", ""], ["schema.items", ""]] },
  { name: "combinator", schema: { anyOf: [{ type: "string" }, { type: "number" }] }, value: null, want: [["schema.combinator", ""], ["schema.type", ""], ["schema.type", ""]] },
  { name: "dependency", schema: { type: "object", dependentRequired: { a: ["b"] } }, value: { a: 1 }, want: [["schema.dependency", ""]] },
  { name: "false schema", schema: { type: "object", properties: { a: false } }, value: { a: 1 }, want: [["schema.false", "/a"]] },
];

for (const c of CASES) {
  test(`runValidator › ${c.name} error is coded ${c.want.map((w) => w[0]).join(", ")}`, () => {
    const validate = ajv.compile(c.schema) as unknown as RawValidator;
    const result = runValidator(validate, c.value);
    assert.equal(result.ok, false);
    if (result.ok) return;
    const got = result.errors.map((e) => [e.code, e.instancePath] as [string, string]).sort();
    assert.deepEqual(got, [...c.want].sort());
    for (const e of result.errors) {
      assert.ok(e.message.length > 10, `message too short: ${e.message}`);
      assert.ok(e.schemaPath.startsWith("#"), e.schemaPath);
    }
  });
}

test("runValidator › a valid value comes back unchanged", () => {
  const validate = ajv.compile({ type: "object" }) as unknown as RawValidator;
  const value = { a: 1 };
  const result = runValidator(validate, value);
  assert.deepEqual(result, { ok: true, value });
});

test("runValidator › messages name the missing property", () => {
  const validate = ajv.compile({ type: "object", required: ["needs_human"] }) as unknown as RawValidator;
  const result = runValidator(validate, {});
  assert.equal(result.ok, false);
  if (!result.ok) assert.match(result.errors[0]!.message, /needs_human/);
});
