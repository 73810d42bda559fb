/**
 * Property-based soundness: whenever the checker says `compatible` in a direction, values sampled valid under the
 * source schema are valid under the target (checked with the generated validators); every reported witness is
 * valid under exactly the side it names. Random schema pairs come from a small generator (a schema and a mutation
 * of it), plus every rule fixture.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { generate } from "../../src/drift/witness/generate.js";
import type { JsonObject, JsonValue } from "../../src/ir/json.js";
import { checkSoundPair, draft, fixtures } from "./helpers.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const SMALL: JsonValue[] = [null, true, false, 0, 1, -1, 2, 3, 4, 5, 6, 10, 0.5, 2.5, -2.5, 100, "", "a", "b", "ab", "abc", "abcd", "abcde", "ABC", "a-1", "x@y.z", [], [1], [1, 1], ["a"], [1, 2, 3], {}, { a: 1 }];

const leaf: fc.Arbitrary<JsonObject> = fc.oneof(
  fc.record({ type: fc.constantFrom("string", "integer", "number", "boolean", "null") }),
  fc.record({ type: fc.constant("integer"), minimum: fc.integer({ min: -2, max: 3 }), maximum: fc.integer({ min: 3, max: 10 }) }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constant("number"), exclusiveMinimum: fc.constantFrom(0, 0.5, 1), multipleOf: fc.constantFrom(1, 2, 4, 0.5) }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constant("string"), minLength: fc.integer({ min: 0, max: 2 }), maxLength: fc.integer({ min: 2, max: 5 }), pattern: fc.constantFrom("^[a-z]+$", "^[a-z]{1,3}$", "b", "^a") }, { requiredKeys: ["type"] }),
  fc.record({ enum: fc.uniqueArray(fc.constantFrom<JsonValue>("a", "b", "c", 1, 2, null), { minLength: 1, maxLength: 4 }) }),
  fc.record({ type: fc.constant(["string", "null"]) }),
  fc.record({ type: fc.constant("array"), items: fc.constantFrom<JsonValue>({ type: "integer" }, { type: "string" }, {}), maxItems: fc.integer({ min: 1, max: 3 }), uniqueItems: fc.boolean() }, { requiredKeys: ["type"] }),
) as fc.Arbitrary<JsonObject>;

/** Branches of one type family that overlap (or not) by their bounds: where oneOf exclusivity matters. */
const overlapping: fc.Arbitrary<JsonObject> = fc.oneof(
  fc.record({ type: fc.constant("string"), minLength: fc.integer({ min: 0, max: 3 }), maxLength: fc.integer({ min: 1, max: 4 }) }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constantFrom("integer", "number"), minimum: fc.integer({ min: -1, max: 3 }), maximum: fc.integer({ min: 2, max: 6 }) }, { requiredKeys: ["type"] }),
  fc.record({ enum: fc.uniqueArray(fc.constantFrom<JsonValue>("a", "b", 1, 2), { minLength: 1, maxLength: 3 }) }),
) as fc.Arbitrary<JsonObject>;

const COMBINATORS = ["anyOf", "oneOf", "allOf"] as const;

const node: fc.Arbitrary<JsonObject> = fc.oneof(
  leaf,
  fc.record({ anyOf: fc.array(leaf, { minLength: 1, maxLength: 3 }) }),
  fc.record({ oneOf: fc.array(leaf, { minLength: 1, maxLength: 3 }) }),
  fc.tuple(fc.constantFrom(...COMBINATORS), fc.array(overlapping, { minLength: 2, maxLength: 3 })).map(([kw, bs]) => ({ [kw]: bs })),
  fc.record({ type: fc.constant("array"), prefixItems: fc.array(leaf, { minLength: 1, maxLength: 2 }), items: fc.constantFrom<JsonValue>(false, true, { type: "integer" }) }, { requiredKeys: ["type", "prefixItems"] }),
);

const objectSchema: fc.Arbitrary<JsonObject> = fc
  .record({
    props: fc.dictionary(fc.constantFrom("a", "b", "c"), node, { maxKeys: 3 }),
    required: fc.subarray(["a", "b", "c"]),
    additional: fc.constantFrom<JsonValue | undefined>(undefined, false, true, { type: "string" }),
    min: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  })
  .map(({ props, required, additional, min }) => ({
    type: "object",
    properties: props,
    required,
    ...(additional !== undefined ? { additionalProperties: additional } : {}),
    ...(min !== undefined ? { minProperties: min } : {}),
  }));

const schema = fc.oneof({ weight: 3, arbitrary: objectSchema }, { weight: 1, arbitrary: node });

/** A related pair: the schema and a copy with one member replaced (most real changes are small). */
const pair = schema.chain((a) => {
  const keys = Object.keys(a);
  return fc.oneof(
    fc.constant(a),
    fc.constantFrom(...keys).chain((k) => schema.map((b) => ({ ...a, [k]: b[k] ?? a[k]! }))),
    schema,
    fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(a).filter(([kk]) => kk !== k || kk === "type"))),
    fc.constantFrom(...COMBINATORS).map((kw) => swapCombinators(a, kw)),
    overlapping.map((extra) => addBranch(a, extra)),
  ).map((b) => [a, b] as const);
});

/** Every anyOf/oneOf/allOf in the schema (at any depth) spelled with `kw` instead: a combinator swap. */
function swapCombinators(value: JsonObject, kw: (typeof COMBINATORS)[number]): JsonObject {
  const walk = (v: JsonValue): JsonValue => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) out[(COMBINATORS as readonly string[]).includes(k) && out[kw] === undefined ? kw : k] = walk(x);
    return out;
  };
  return walk(value) as JsonObject;
}

/** The first combinator found (depth first) with one more branch; the schema itself when it has none. */
function addBranch(value: JsonObject, extra: JsonObject): JsonObject {
  let done = false;
  const walk = (v: JsonValue): JsonValue => {
    if (done || v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map(walk);
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) {
      if (!done && (COMBINATORS as readonly string[]).includes(k) && Array.isArray(x)) {
        out[k] = [...x, extra];
        done = true;
      } else out[k] = walk(x);
    }
    return out;
  };
  return walk(value) as JsonObject;
}

function samples(root: JsonObject): JsonValue[] {
  const out: JsonValue[] = [...SMALL];
  for (let variant = 0; variant < 60; variant++) {
    const v = generate(root, "2020-12", root, { variant });
    if (v === undefined) continue;
    out.push(v);
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      for (const k of ["a", "b", "c", "d"]) for (const s of SMALL) out.push({ ...v, [k]: s });
      for (const k of Object.keys(v)) out.push(Object.fromEntries(Object.entries(v).filter(([kk]) => kk !== k)));
    }
  }
  return out;
}

const stats = { pairs: 0, compatibleDirections: 0, validSamples: 0, witnesses: 0 };

async function checkPair(a: JsonObject, b: JsonObject): Promise<void> {
  await checkSoundPair({ $schema: S, ...a } as JsonObject, { $schema: S, ...b } as JsonObject, samples, stats);
}

test("soundness › random schema pairs: compatible verdicts hold on sampled values, witnesses are real", async () => {
  await fc.assert(fc.asyncProperty(pair, async ([a, b]) => checkPair(a, b)), { numRuns: Number(process.env["LLMC_DRIFT_RUNS"] ?? 300), seed: Number(process.env["LLMC_DRIFT_SEED"] ?? 20240611) });
  assert.ok(stats.compatibleDirections > 50, `enough compatible directions checked (${stats.compatibleDirections})`);
  assert.ok(stats.validSamples > 2000, `enough valid samples (${stats.validSamples})`);
  console.log(`# soundness (random): ${JSON.stringify(stats)}`);
});

test("soundness › every rule fixture: compatible verdicts hold on sampled values", async () => {
  const before = { ...stats };
  for (const fx of fixtures()) {
    const strip = (s: JsonObject) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== "$schema")) as JsonObject;
    if (draft(fx.before) !== "2020-12" || draft(fx.after) !== "2020-12") continue;
    await checkPair(strip(fx.before), strip(fx.after));
  }
  console.log(`# soundness (fixtures): pairs ${stats.pairs - before.pairs}, compatible directions ${stats.compatibleDirections - before.compatibleDirections}, valid samples ${stats.validSamples - before.validSamples}`);
});
