/**
 * Property test: random schemas built from every keyword family the fast path covers (src/emit/fast), random
 * values shaped like them, and the fast path's answer against ajv's on each. Any disagreement fails, with the
 * schema and value fast-check shrank it to. Schemas the fast path does not cover are counted, so the test also
 * fails if the generator stops reaching the fast path.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Draft, JsonObject, JsonValue } from "../../../src/ir/json.js";
import { pair } from "./load.js";

const KEYS = ["a", "b", "kind", "constructor", "x-1"];
const PATTERNS = ["^a", "b$", "^[a-c]+$", "\\d", "^x-"];
const FORMATS = ["date", "date-time", "email", "uri", "uuid", "ipv4", "time", "int32"];

const leaf = fc.oneof(
  fc.constant<JsonValue>(true),
  fc.constant<JsonValue>(false),
  fc.constantFrom<JsonValue>(
    { type: "string" },
    { type: "integer" },
    { type: "number" },
    { type: "boolean" },
    { type: "null" },
    { type: ["string", "null"] },
    { type: "array" },
    { type: "object" },
  ),
  fc.record({ minLength: fc.nat(3) }, { requiredKeys: [] }).map((r) => ({ type: "string", ...r })),
  fc.record({ maxLength: fc.nat(3), pattern: fc.constantFrom(...PATTERNS) }, { requiredKeys: [] }),
  fc.record({ format: fc.constantFrom(...FORMATS) }),
  fc
    .record({ minimum: fc.integer({ min: -3, max: 3 }), exclusiveMaximum: fc.integer({ min: -3, max: 5 }), multipleOf: fc.constantFrom(1, 2, 0.5) }, { requiredKeys: [] })
    .map((r) => ({ type: "number", ...r })),
  fc.record({ enum: fc.array(fc.constantFrom<JsonValue>("a", 1, null, true, [1], { a: 1 }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ const: fc.constantFrom<JsonValue>("a", 0, null, [], { b: "x" }) }),
  fc.constant<JsonValue>({ $ref: "#/$defs/node" }),
);

const schemaArb: fc.Memo<JsonValue> = fc.memo((n) => {
  if (n <= 1) return leaf;
  const sub = schemaArb(n - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    {
      weight: 3,
      arbitrary: fc
        .record(
          {
            properties: fc.dictionary(fc.constantFrom(...KEYS), sub, { maxKeys: 3 }),
            required: fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 2 }),
            additionalProperties: fc.oneof(fc.constant<JsonValue>(false), sub),
            patternProperties: fc.dictionary(fc.constantFrom(...PATTERNS), sub, { maxKeys: 1 }),
            propertyNames: fc.constant<JsonValue>({ maxLength: 3 }),
            minProperties: fc.nat(2),
            maxProperties: fc.nat(3),
            dependentRequired: fc.constant<JsonValue>({ a: ["b"] }),
          },
          { requiredKeys: [] },
        )
        .map((r) => ({ type: "object", ...r })),
    },
    {
      weight: 2,
      arbitrary: fc.record(
        {
          items: sub,
          prefixItems: fc.array(sub, { maxLength: 2 }),
          minItems: fc.nat(2),
          maxItems: fc.nat(4),
          contains: sub,
          minContains: fc.nat(2),
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: fc.constant<JsonValue>({ type: "array", items: { type: "integer" }, uniqueItems: true }) },
    // Items of any schema: ajv's pairwise deep equality (fast/arrays.ts), duplicates from the small value pool.
    { weight: 1, arbitrary: sub.map((items): JsonValue => ({ type: "array", items, uniqueItems: true })) },
    { weight: 2, arbitrary: fc.record({ anyOf: fc.array(sub, { minLength: 1, maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ oneOf: fc.array(sub, { minLength: 1, maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ allOf: fc.array(sub, { minLength: 1, maxLength: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ not: sub }) },
    { weight: 1, arbitrary: fc.record({ if: sub, then: sub, else: sub }, { requiredKeys: ["if"] }) },
    {
      // A tagged union: the discriminator dispatch.
      weight: 2,
      arbitrary: fc.tuple(sub, sub).map(([x, y]): JsonValue => ({
        oneOf: [
          { type: "object", required: ["kind"], properties: { kind: { const: "x" }, a: x } },
          { type: "object", required: ["kind", "b"], properties: { kind: { enum: ["y", 2] }, b: y } },
        ],
      })),
    },
  );
});

/** Values shaped like the schemas: the same keys, strings that sometimes match the patterns and formats. */
const valueArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<unknown>(null, true, false, 0, 1, -1, 2, 2.5, 1e300, -0, "", "a", "ab", "abc", "b", "x", "y", "kind", "x-1", "😀😀", "2020-02-29", "2021-02-29", "2020-01-01T00:00:00Z", "a@b.co", "http://x.y/z", "1.2.3.4", "00000000-0000-0000-0000-000000000000", "12:00:00Z", 2147483648),
    fc.string({ maxLength: 4 }),
    fc.integer({ min: -5, max: 5 }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS, "c"), tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** How many levels of arrays and objects `value` nests (`[]` is 1). */
function depthOf(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  const children = Array.isArray(value) ? (value as unknown[]) : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

async function differential(draft: Draft, runs: number, seed: number): Promise<{ schemas: number; uncovered: number }> {
  let schemas = 0;
  let uncovered = 0;
  await fc.assert(
    fc.asyncProperty(schemaArb(4), fc.array(valueArb, { minLength: 8, maxLength: 8 }), async (body, values) => {
      const node: JsonValue = { type: ["object", "array", "null"], properties: { a: { $ref: "#/$defs/node" } }, items: { $ref: "#/$defs/node" } };
      const schema: JsonObject = typeof body === "object" && body !== null && !Array.isArray(body) ? { ...body } : { allOf: [body] };
      schema["$defs"] = { node };
      const loaded = await pair(schema, draft);
      if (loaded === undefined) return;
      schemas++;
      if (loaded.code.includes("The fast path does not cover")) uncovered++;
      for (const value of values) {
        const fast = loaded.module.validateFast(value);
        if (fast === undefined) continue;
        assert.equal(fast, loaded.ajv(value), `fast path says ${fast} for ${JSON.stringify(value)} against ${JSON.stringify(schema)}`);
        assert.equal(loaded.module.validate(value), fast);
        // The depth proof: never a `true` for a value nested past the limit; within it, the same answer.
        const levels = depthOf(value);
        if (levels > 0) assert.notEqual(loaded.module.validateFast(value, levels - 1), true, `true past the depth limit for ${JSON.stringify(value)} against ${JSON.stringify(schema)}`);
        const limited = loaded.module.validateFast(value, 1000);
        assert.ok(limited === fast || limited === undefined, `limit 1000 changed the answer for ${JSON.stringify(value)}`);
        if (!loaded.code.includes("fastDeep")) assert.equal(limited, fast, `a shallow value needs no fallback without recursion: ${JSON.stringify(value)} against ${JSON.stringify(schema)}`);
      }
    }),
    { numRuns: runs, seed },
  );
  return { schemas, uncovered };
}

for (const [draft, seed] of [["2020-12", 20], ["draft-07", 7]] as const) {
  test(`fast path › agrees with ajv on random ${draft} schemas and values`, async (t) => {
    const { schemas, uncovered } = await differential(draft, 150, seed);
    t.diagnostic(`${schemas} schemas compiled, ${uncovered} not covered by the fast path`);
    assert.ok(schemas >= 100, `only ${schemas} random schemas compiled`);
    assert.ok(uncovered <= schemas / 5, `${uncovered} of ${schemas} random schemas fell back to ajv's code`);
  });
}
