/**
 * Property-based soundness for the shapes decided by key languages, finite values, `not` folding and
 * disjointness (issue 10, point 5): random pairs of patternProperties objects, enums against ranges, `not`s and
 * oneOf partitions. Whenever the checker says `compatible`, every sampled value valid under the source is valid
 * under the target (generated validators); every witness is valid under exactly the side it names. Budget: 200
 * runs by default (about 20 s on an idle core; `LLMC_DRIFT_RUNS` changes it).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { JsonObject, JsonValue } from "../../src/ir/json.js";
import { DECIDED_CASES } from "./decided-cases.js";
import { checkSoundPair } from "./helpers.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const PATTERNS = ["^a", "^[ab]", "^b", "a$", "^a.*", "^x-", "z$", "^ab", "^[a-z]+$", "b", "^a$|^b", "^$"];
const KEYS = ["a", "b", "ab", "x-1", "z", "az", "c", "", "ba", "A", "abz"];
const SCALARS: JsonValue[] = [null, 0, 1, 2, 3, 4, 1.5, -1, "", "a", "bb", "abc", true, false];
const VALUES: JsonValue[] = [...SCALARS, [], [1], {}, { kind: "a" }, { kind: "b" }, { kind: "c" }, { kind: "a", x: 1 }];

const sub = fc.constantFrom<JsonValue>({ type: "string" }, { type: "integer" }, {}, { type: "string", maxLength: 1 }, false, { enum: [1, "a"] }, { type: ["integer", "string"] });

const objectSchema: fc.Arbitrary<JsonObject> = fc
  .record({
    patterns: fc.dictionary(fc.constantFrom(...PATTERNS), sub, { maxKeys: 3 }),
    props: fc.dictionary(fc.constantFrom(...KEYS), sub, { maxKeys: 2 }),
    additional: fc.constantFrom<JsonValue | undefined>(undefined, false, { type: "string" }, { type: "integer" }),
  })
  .map(({ patterns, props, additional }) => ({
    type: "object",
    ...(Object.keys(patterns).length > 0 ? { patternProperties: patterns } : {}),
    ...(Object.keys(props).length > 0 ? { properties: props } : {}),
    ...(additional !== undefined ? { additionalProperties: additional } : {}),
  }));

const small = fc.integer({ min: 0, max: 4 });
const kind = (k: string): JsonObject => ({ properties: { kind: { const: k } }, required: ["kind"] });

const scalarSchema: fc.Arbitrary<JsonObject> = fc.oneof(
  fc.uniqueArray(small, { minLength: 1, maxLength: 4 }).map((e) => ({ enum: e })),
  fc.tuple(fc.constantFrom("integer", "number"), small, small).map(([type, a, b]) => ({ type, minimum: Math.min(a, b), maximum: Math.max(a, b) })),
  fc.tuple(fc.constantFrom<JsonValue>(["integer"], ["boolean", "null"], ["integer", "null"], ["integer", "string"]), small).map(([type, m]) => ({ type, minimum: m, maximum: 4 })),
  fc.tuple(
    fc.constantFrom("integer", "boolean", "string", "number"),
    fc.constantFrom<JsonValue>({ enum: [1, 2] }, { const: true }, { type: "string" }, { type: "integer" }, { maximum: 1 }, { enum: ["a", null] }, { not: { type: "string" } }),
  ).map(([type, not]) => ({ type, not })),
  fc.constantFrom<JsonValue>({ type: "null" }, { type: ["string", "number"] }, { enum: [1, null] }, { enum: [true, false] }, { type: "integer" }).map((not) => ({ not })),
  fc.array(fc.oneof(sub, fc.constantFrom<JsonValue>({ type: "null" }, { const: 1 }, { type: "integer", minimum: 2 }, { type: "string", pattern: "^a" }, { type: "string", pattern: "^b" })), { minLength: 2, maxLength: 3 }).map((oneOf) => ({ oneOf })),
  fc.tuple(fc.subarray(["a", "b", "c", "a"], { minLength: 2 }), fc.boolean()).map(([ks, typed]) => ({ ...(typed ? { type: "object" } : {}), oneOf: ks.map(kind) })),
) as fc.Arbitrary<JsonObject>;

const schema = fc.oneof(objectSchema, scalarSchema);
const pair = fc.oneof(
  schema.map((a) => [a, a] as const),
  fc.tuple(schema, schema),
  fc.tuple(objectSchema, objectSchema),
);

function samples(): JsonValue[] {
  const out: JsonValue[] = [...VALUES];
  for (const k of KEYS) for (const v of SCALARS) out.push({ [k]: v });
  for (const [i, k] of KEYS.entries()) out.push({ [k]: "a", [KEYS[(i + 3) % KEYS.length]!]: 1 }, { [k]: "", [KEYS[(i + 5) % KEYS.length]!]: "x" });
  return out;
}

const stats = { pairs: 0, compatibleDirections: 0, validSamples: 0, witnesses: 0, unknownDirections: 0 };

async function checkPair(a: JsonObject, b: JsonObject): Promise<void> {
  await checkSoundPair({ $schema: S, ...a } as JsonObject, { $schema: S, ...b } as JsonObject, () => samples(), stats);
}

test("soundness › decided shapes: compatible verdicts hold on sampled values, witnesses are real", async () => {
  await fc.assert(fc.asyncProperty(pair, async ([a, b]) => checkPair(a, b)), { numRuns: Number(process.env["LLMC_DRIFT_RUNS"] ?? 200), seed: Number(process.env["LLMC_DRIFT_SEED"] ?? 20261202) });
  assert.ok(stats.compatibleDirections > 60, `enough compatible directions checked (${stats.compatibleDirections})`);
  assert.ok(stats.validSamples > 2000, `enough valid samples (${stats.validSamples})`);
  console.log(`# soundness (decided shapes): ${JSON.stringify(stats)}`);
});

test("soundness › decided cases: compatible verdicts hold on sampled values", async () => {
  const strip = (s: JsonObject) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== "$schema")) as JsonObject;
  for (const c of DECIDED_CASES) await checkPair(strip(c.before), strip(c.after));
});
