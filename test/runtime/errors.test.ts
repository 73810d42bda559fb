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

test("show › writes what JSON.stringify writes, cut at 80 characters", async () => {
  const { show } = await import("../../src/runtime/errors.js");
  const cases: unknown[] = ["plain", "", 'with "quotes"', "back\\slash", "line\nbreak", "é", "x".repeat(78), "x".repeat(79), 0, -1.5, 1e21, true, false, null, [1, "a"], { k: "v" }];
  for (const value of cases) {
    const json = JSON.stringify(value);
    assert.equal(show(value), json.length > 80 ? `${json.slice(0, 77)}...` : json, String(value));
  }
  assert.equal(show(NaN), "null");
  assert.equal(show(undefined), "undefined");
});

test("runValidator › an enum message lists the allowed values, the same for every error of that enum", () => {
  const allowed = ["a", 'b"', 3, null, { x: 1 }];
  const raw = [0, 1].map((i) => ({ instancePath: `/${i}`, schemaPath: "#/items/enum", keyword: "enum", params: { allowedValues: allowed }, message: "m" }));
  const other = { instancePath: "/2", schemaPath: "#/items/enum", keyword: "enum", params: { allowedValues: Array.from({ length: 12 }, (_, i) => `v${i}`) }, message: "m" };
  const validate = Object.assign(() => false, { errors: [...raw, other] }) as unknown as RawValidator;
  const r = runValidator(validate, [1, 2, 3]);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(
    r.errors.map((e) => e.message),
    [
      '/0 must be one of "a", "b\\"", 3, null, {"x":1}',
      '/1 must be one of "a", "b\\"", 3, null, {"x":1}',
      `/2 must be one of ${Array.from({ length: 10 }, (_, i) => `"v${i}"`).join(", ")}, ...`,
    ],
  );
});
