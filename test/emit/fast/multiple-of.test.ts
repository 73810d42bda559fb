/**
 * `multipleOf` in the all-errors collector (src/emit/fast/collect/scalars.ts): ajv's arithmetic (`data / m` against
 * `parseInt` of itself), after the bounds, with `{multipleOf}` params. Integer and fractional divisors (0.1 and
 * 0.01, where floating point makes `0.3 / 0.1` fail), beside bounds and other types, on values that pass, fail,
 * are huge (`parseInt` of `1e21` reads `1`) or are not numbers: the verdict and the error list are ajv's, and the
 * module uses our collector, not ajv's all-errors code.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Draft, JsonObject } from "../../../src/ir/json.js";
import { pair } from "./load.js";

const SCHEMAS: [Draft, JsonObject][] = [
  ["2020-12", { type: "number", multipleOf: 2 }],
  ["2020-12", { type: "integer", multipleOf: 3, minimum: 0, maximum: 10 }],
  ["2020-12", { type: "number", multipleOf: 0.1, exclusiveMaximum: 1 }],
  ["draft-07", { type: ["number", "string"], multipleOf: 0.01, maxLength: 2 }],
  ["draft-07", { type: "object", properties: { n: { multipleOf: 0.5 }, m: { type: "array", items: { multipleOf: 7 } } } }],
];

const VALUES: unknown[] = [0, 1, 2, 3, -3, 6, 9, 12, 0.3, 0.5, 0.7, 1.5, 2.25, 0.01, 0.07, 1e21, 2 ** 53, -0, "4", "abc", null, true, [6], {}];

test("multipleOf › our collector lists ajv's errors, floating point and huge numbers included", async () => {
  const strip = (errors: readonly { instancePath: string; schemaPath: string; keyword: string; params: unknown }[]) =>
    errors.map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
  let failures = 0;
  for (const [draft, schema] of SCHEMAS) {
    const both = await pair(schema, draft);
    assert.ok(both !== undefined, JSON.stringify(schema));
    assert.match(both.code, /fastCollect/, `${JSON.stringify(schema)}: our collector was not emitted`);
    const values = schema["type"] === "object" ? VALUES.flatMap((v) => [{ n: v }, { m: [v, 14] }, { n: v, m: [v] }]) : VALUES;
    for (const value of values) {
      const want = both.ajv(value);
      const errors = both.ajvErrors();
      const label = `${JSON.stringify(schema)} on ${JSON.stringify(value)}`;
      failures += errors.filter((e) => e.keyword === "multipleOf").length;
      assert.equal(both.module.validate(value), want, label);
      assert.deepEqual(strip(both.module.validate.errors ?? []), strip(errors), label);
      assert.equal(both.module.validateFast(value), want, label);
    }
  }
  // The values reach the multipleOf branch, not only type errors.
  assert.ok(failures > 40, `only ${failures} multipleOf errors`);
});
