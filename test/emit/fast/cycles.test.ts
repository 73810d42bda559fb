/**
 * `$ref` cycles that make no progress (src/emit/fast/cycles.ts): a schema that applies itself to the same value
 * through `$ref` and `allOf`/`anyOf`/`oneOf`/`not`/`if`/`dependentSchemas`. ajv's code runs out of stack on a value
 * that reaches the cycle; ours stops at the repeat by construction. `parse…` gives the result the runtime's guard
 * gives for ajv's overflow (`json.too_deep`, `stackTooDeep`), `is…` answers false, and no call of the module's
 * three validators throws: the runtime's sequence is replayed here without its guard, so a `RangeError` fails.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Draft, JsonObject } from "../../../src/ir/json.js";
import { KEYWORD_RULES, runContract } from "../../../src/runtime/errors.js";
import { isValidFast, stackTooDeep } from "../../../src/runtime/limits.js";
import type { RawValidator } from "../../../src/runtime/types.js";
import { pair, type Loaded } from "./load.js";

interface Case {
  readonly name: string;
  readonly draft?: Draft;
  readonly schema: JsonObject;
  /** Values that reach the cycle. */
  readonly cycling: readonly unknown[];
  /** Values that do not, answered as ajv answers them. */
  readonly plain: readonly unknown[];
}

const CASES: readonly Case[] = [
  { name: "`$ref: #` beside other keywords", schema: { type: "object", required: ["x"], $ref: "#" }, cycling: [{}, { x: 1 }, 3], plain: [] },
  { name: "`allOf` back to its own `$ref`", schema: { $defs: { a: { required: ["x"], allOf: [{ $ref: "#/$defs/a" }] } }, $ref: "#/$defs/a" }, cycling: [{}, { x: 1 }, "s"], plain: [] },
  // draft-07: ajv stops at the first passing branch (from 2019-09 on every branch runs, and `{x: 1}` overflows too).
  { name: "`anyOf` whose second branch loops", draft: "draft-07", schema: { $defs: { a: { anyOf: [{ required: ["x"] }, { $ref: "#/$defs/a" }] } }, $ref: "#/$defs/a" }, cycling: [{}, { y: 1 }], plain: [{ x: 1 }, 5] },
  { name: "`oneOf` through two `$defs`", schema: { $defs: { a: { oneOf: [{ type: "string" }, { $ref: "#/$defs/b" }] }, b: { allOf: [{ $ref: "#/$defs/a" }] } }, $ref: "#/$defs/a" }, cycling: [1, {}, "s"], plain: [] },
  { name: "`not` of itself", schema: { $defs: { a: { not: { $ref: "#/$defs/a" } } }, properties: { p: { $ref: "#/$defs/a" } } }, cycling: [{ p: 1 }], plain: [{}, { q: 1 }, 7] },
  { name: "`if` of itself", schema: { $defs: { a: { if: { $ref: "#/$defs/a" }, then: { required: ["x"] } } }, $ref: "#/$defs/a" }, cycling: [{}, [1]], plain: [] },
  { name: "`dependentSchemas` back to the root", schema: { type: "object", dependentSchemas: { x: { $ref: "#" } }, properties: { y: { type: "integer" } } }, cycling: [{ x: 1 }, { x: 1, y: "s" }], plain: [{}, { y: 2 }, { y: "s" }] },
  {
    name: "a cycle below a property and an item (behind a descent)",
    draft: "draft-07",
    schema: { definitions: { a: { allOf: [{ $ref: "#/definitions/b" }] }, b: { anyOf: [{ type: "string" }, { $ref: "#/definitions/a" }] } }, type: "object", properties: { p: { type: "array", items: { $ref: "#/definitions/a" } } } },
    cycling: [{ p: [1] }, { p: ["s", {}] }],
    plain: [{}, { p: [] }, { p: ["s", "t"] }, { p: 1 }],
  },
  {
    name: "draft-07 `definitions`, `allOf` and `$ref` to the root",
    draft: "draft-07",
    schema: { definitions: { n: { allOf: [{ $ref: "#" }] } }, type: ["object", "integer"], properties: { k: { $ref: "#/definitions/n" } }, anyOf: [{ type: "integer" }, { $ref: "#/definitions/n" }] },
    cycling: [{}, { k: 1 }, "s"],
    plain: [1],
  },
];

/** `runContract`'s sequence without its guard: a throw from any of the three validators fails the test. */
function unguarded(module: Loaded, value: unknown, maxDepth: number): unknown {
  const fast = module.validateFast(value, maxDepth);
  if (fast === true) return { ok: true, value };
  if (fast === undefined && (module.validateFirst as (data: unknown) => boolean)(value)) return { ok: true, value };
  const validate = module.validate as unknown as RawValidator;
  validate.errorLimit = 100;
  try {
    const answer = validate(value) as boolean | object;
    return typeof answer === "object" ? { ok: false, errors: [answer] } : answer;
  } finally {
    validate.errorLimit = undefined;
  }
}

/** Whether ajv's own code runs out of stack on `value`. */
function ajvOverflows(ajv: (data: unknown) => boolean, value: unknown): boolean {
  try {
    ajv(value);
    return false;
  } catch (error) {
    assert.ok(error instanceof RangeError, String(error));
    return true;
  }
}

for (const c of CASES) {
  test(`$ref cycles › ${c.name}: parse… gives the guard's too-deep result, is… false, and nothing throws`, async () => {
    const loaded = await pair(c.schema, c.draft ?? "2020-12");
    assert.ok(loaded !== undefined, "ajv compiles the schema");
    const { module, code, ajv } = loaded;
    assert.match(code, /fastCycle/, "the cycle is found at build time");
    assert.match(code, /export function validate\(data, dataCxt\)/, "our own collector, not ajv's all-errors code");
    const first = module.validateFirst as RawValidator;
    const raw = module.validate as unknown as RawValidator;
    for (const maxDepth of [1000, 40]) {
      for (const value of c.cycling) {
        const where = `${JSON.stringify(value)} (maxDepth ${maxDepth})`;
        assert.ok(ajvOverflows(ajv, value), `ajv's code runs out of stack on ${where}`);
        assert.equal(module.validateFast(value, maxDepth), false, `the fast path answers false on ${where}`);
        const expected = { ok: false, errors: [stackTooDeep(maxDepth)] };
        assert.deepEqual(unguarded(module, value, maxDepth), expected, `unguarded on ${where}`);
        assert.deepEqual(runContract(KEYWORD_RULES, raw, first, module.validateFast, value, { maxDepth }), expected, `parse… on ${where}`);
        assert.equal(isValidFast(module.validateFast, first, value, { maxDepth }), false, `is… on ${where}`);
      }
      for (const value of c.plain) {
        const where = `${JSON.stringify(value)} (maxDepth ${maxDepth})`;
        assert.ok(!ajvOverflows(ajv, value), `ajv answers on ${where}`);
        const verdict = ajv(value);
        const result = unguarded(module, value, maxDepth) as { ok: boolean } | boolean;
        assert.equal(typeof result === "boolean" ? result : result.ok, verdict, `the same verdict as ajv on ${where}`);
        assert.equal(isValidFast(module.validateFast, first, value, { maxDepth }), verdict, `is… on ${where}`);
      }
    }
  });
}

test("$ref cycles › recursion that descends into the value is not a cycle: no guard, deep values checked as ajv does", async () => {
  const schema: JsonObject = { $defs: { t: { type: "object", required: ["v"], properties: { k: { type: "array", items: { $ref: "#/$defs/t" } } }, allOf: [{ $ref: "#/$defs/leaf" }] }, leaf: { properties: { v: { type: "integer" } } } }, $ref: "#/$defs/t" };
  const loaded = await pair(schema, "2020-12");
  assert.ok(loaded !== undefined);
  assert.doesNotMatch(loaded.code, /fastCycle/);
  let value: unknown = { v: 1 };
  for (let i = 0; i < 60; i++) value = { v: i, k: [value, { v: 2 }] };
  assert.equal(loaded.module.validateFast(value, 1000), true);
  const bad = { v: 1, k: [{ v: "x" }, { k: [] }] };
  assert.equal(loaded.ajv(bad), false);
  const result = runContract<unknown>(KEYWORD_RULES, loaded.module.validate as unknown as RawValidator, loaded.module.validateFirst as RawValidator, loaded.module.validateFast, bad);
  assert.deepEqual(result.ok ? [] : result.errors.map((e) => [e.instancePath, e.schemaPath]), loaded.ajvErrors().map((e) => [e.instancePath, e.schemaPath]));
});
