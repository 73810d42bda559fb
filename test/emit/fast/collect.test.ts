/**
 * Our own all-errors validator (src/emit/fast/collect) against ajv's all-errors code: the same verdict and the
 * same error list (instance path, schema path, keyword, params, in order) on random schemas built from the
 * keywords it covers and random values shaped like them, with and without an error cap; and, for schemas it
 * does not cover, proof that the module keeps ajv's code.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { Draft, JsonObject, JsonValue } from "../../../src/ir/json.js";
import { createAjv, emitAjvAllErrors, emitValidator } from "../../../src/emit/validators/index.js";
import { loadModule } from "./load.js";
import { stackTooDeep } from "../../../src/runtime/limits.js";
import { schemaErrors } from "../../../src/runtime/errors.js";
import type { RawValidator as RuntimeValidator } from "../../../src/runtime/types.js";

interface RawValidator {
  (data: unknown): boolean;
  errors?: readonly { instancePath: string; schemaPath: string; keyword: string; params: unknown }[] | null;
  errorLimit?: number | undefined;
}

const KEYS = ["a", "b", "constructor", "x/1", "__proto__"];
const OURS = "fastCollect";

const leaf = fc.oneof(
  fc.constant<JsonValue>(true),
  fc.constant<JsonValue>(false),
  fc.constantFrom<JsonValue>({ type: "string" }, { type: "integer" }, { type: "number" }, { type: "boolean" }, { type: "null" }, { type: ["string", "null"] }, { type: ["integer", "string"] }),
  fc.record({ type: fc.constantFrom<JsonValue>("string", undefined as never), minLength: fc.nat(3), maxLength: fc.nat(3), pattern: fc.constantFrom("^a", "b$", "^[a-c]+$") }, { requiredKeys: [] }),
  fc.record({ format: fc.constantFrom("date", "email", "uuid", "int32"), type: fc.constantFrom<JsonValue>("string", "number") }, { requiredKeys: ["format"] }),
  fc.record({ type: fc.constantFrom<JsonValue>("number", "integer", ["number", "string"]), minimum: fc.integer({ min: -3, max: 3 }), maximum: fc.integer({ min: -3, max: 5 }), exclusiveMinimum: fc.integer({ min: -3, max: 3 }), exclusiveMaximum: fc.integer({ min: -3, max: 5 }), multipleOf: fc.constantFrom(1, 2, 0.5, 3) }, { requiredKeys: [] }),
  fc.record({ enum: fc.array(fc.constantFrom<JsonValue>("a", 1, null, true, [1], { a: 1 }), { minLength: 1, maxLength: 3 }), type: fc.constantFrom<JsonValue>("string", "integer") }, { requiredKeys: ["enum"] }),
  fc.record({ const: fc.constantFrom<JsonValue>("a", 0, null, [], { b: "x" }) }),
  fc.constantFrom<JsonValue>({ $ref: "#/$defs/leaf" }, { $ref: "#/$defs/mid" }, { $ref: "#/$defs/leaf", type: "object", maxLength: 1 }, { $ref: "#/$defs/tree" }, { $ref: "#" }, { $ref: "#/$defs/alias" }, { $ref: "#/$defs/aliasTree" }),
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
            type: fc.constantFrom<JsonValue>("object", ["object", "null"]),
            properties: fc.dictionary(fc.constantFrom(...KEYS), sub, { maxKeys: 3 }),
            required: fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 3 }),
            additionalProperties: fc.oneof(fc.constant<JsonValue>(false), sub),
            patternProperties: fc.dictionary(fc.constantFrom("^a", "1$", "^[a-c]+$"), sub, { maxKeys: 2 }),
            minProperties: fc.nat(2),
            maxProperties: fc.nat(3),
            propertyNames: fc.oneof(fc.constantFrom<JsonValue>({ maxLength: 1 }, { pattern: "^[a-c]+$" }, { type: "number" }, false), sub),
            // Lists and schemas; `dependentRequired`/`dependentSchemas` are words ajv ignores before 2019-09.
            dependencies: fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 2 }), sub), { maxKeys: 2 }),
            dependentRequired: fc.dictionary(fc.constantFrom(...KEYS), fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 2 }), { maxKeys: 2 }),
            dependentSchemas: fc.dictionary(fc.constantFrom(...KEYS), sub, { maxKeys: 1 }),
          },
          { requiredKeys: [] },
        ),
    },
    {
      weight: 2,
      arbitrary: fc.record(
        {
          type: fc.constantFrom<JsonValue>("array", ["array", "string"]),
          items: sub,
          minItems: fc.nat(2),
          maxItems: fc.nat(4),
          uniqueItems: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    },
    { weight: 1, arbitrary: fc.record({ allOf: fc.array(sub, { minLength: 1, maxLength: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ not: sub }) },
    { weight: 2, arbitrary: fc.record({ anyOf: fc.array(sub, { minLength: 1, maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ oneOf: fc.array(sub, { minLength: 1, maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ if: sub, then: sub, else: sub }, { requiredKeys: ["if"] }) },
    // Tuples in both spellings: 2020-12 ignores `items` as an array (ajv refuses it), earlier drafts `prefixItems`.
    { weight: 1, arbitrary: fc.record({ prefixItems: fc.array(sub, { minLength: 1, maxLength: 2 }), items: fc.oneof(fc.constant<JsonValue>(false), sub), minItems: fc.nat(2) }, { requiredKeys: ["prefixItems"] }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant<JsonValue>("array"), items: fc.array(sub, { minLength: 1, maxLength: 2 }), additionalItems: fc.oneof(fc.constant<JsonValue>(false), sub), uniqueItems: fc.boolean() }, { requiredKeys: ["items"] }) },
    { weight: 1, arbitrary: fc.constantFrom<JsonValue>({ items: { type: ["integer", "string"] }, uniqueItems: true }, { items: { type: "string" }, uniqueItems: true }, { uniqueItems: true }) },
  );
});

const valueArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<unknown>(null, true, false, 0, 1, -1, 2, 2.5, 3, -3, 5, "", "a", "ab", "abc", "b", "1", "😀😀", "2020-02-29", "a@b.co", "00000000-0000-0000-0000-000000000000", 2147483648, "x"),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.array(fc.constantFrom<unknown>(1, "1", 1, "a", null, [1], { a: 1 }), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom(...KEYS, "c", "~", "v", "kids"), tie("value"), { maxKeys: 4 }),
  ),
})).value;

const DEFS: JsonObject = {
  leaf: { type: "object", required: ["a"], properties: { a: { type: "string", minLength: 2 } }, additionalProperties: false },
  mid: { type: "array", items: { $ref: "#/$defs/leaf" }, maxItems: 2 },
  // Recursion: a function of its own in ajv's code and in ours, schema paths from `#`.
  tree: { type: "object", required: ["v"], properties: { v: { type: "integer" }, kids: { type: "array", items: { $ref: "#/$defs/tree" } } } },
  // A `$ref` and annotations only: ajv follows it through to `leaf` (inlined) or `tree` (a function).
  alias: { $ref: "#/$defs/leaf", description: "the leaf" },
  aliasTree: { $ref: "#/$defs/tree", title: "the tree" },
};

function strip(errors: RawValidator["errors"]): unknown[] {
  return (errors ?? []).map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
}

interface Collectors {
  readonly validate: RuntimeValidator;
  readonly validateWorded: RuntimeValidator;
  readonly validateFast: (data: unknown, limit?: number) => boolean | undefined;
}

/**
 * `validateWorded` (what parse… runs) answers as `validate` does, and its errors, worded by the runtime where it
 * left them raw, are `validate`'s worded: code, paths and message alike, cap included. Call after `validate`.
 */
function wordedAgrees(module: Collectors, value: unknown, cap: number | undefined, what: string): void {
  const raw = schemaErrors(module.validate.errors ?? []);
  module.validateWorded.errorLimit = cap;
  try {
    assert.equal(module.validateWorded(value), raw.length === 0, `worded verdict for ${what}`);
    assert.deepEqual(schemaErrors(module.validateWorded.errors ?? []), raw, `worded errors for ${what}`);
  } finally {
    module.validateWorded.errorLimit = undefined;
  }
}

async function compare(draft: Draft, runs: number, seed: number): Promise<{ compiled: number; fast: number; ours: number; errors: number; differs: number; cycles: number }> {
  let differs = 0;
  let cycles = 0;
  let compiled = 0;
  let fast = 0;
  let ours = 0;
  let errors = 0;
  await fc.assert(
    fc.asyncProperty(schemaArb(4), fc.array(valueArb, { minLength: 6, maxLength: 6 }), fc.constantFrom<number | undefined>(undefined, 0, 1, 3), async (body, values, cap) => {
      const schema: JsonObject = typeof body === "object" && body !== null && !Array.isArray(body) ? { ...body } : { properties: { a: body } };
      if (draft === "2020-12") schema["$defs"] = DEFS;
      else schema["definitions"] = DEFS;
      const text = JSON.stringify(schema).replace(/#\/\$defs\//g, draft === "2020-12" ? "#/$defs/" : "#/definitions/");
      const final = JSON.parse(text) as JsonObject;
      let ajv: RawValidator;
      try {
        ajv = createAjv(draft, { strict: false }).compile(final) as RawValidator;
      } catch {
        return;
      }
      compiled++;
      const code = emitValidator({ schema: final, draft, strict: false });
      // The collector needs the fast path (uniqueItems over objects or arrays, for one, has none).
      if (!code.includes("The fast path does not cover")) fast++;
      if (!code.includes(OURS)) return;
      ours++;
      const module = (await loadModule(code)) as unknown as Collectors;
      // ajv's own module for the same schema, with the same error cap (validators/hostile/max-errors.ts).
      const capped = (await loadModule(emitAjvAllErrors({ schema: final, draft, strict: false }))) as unknown as { validate: RawValidator };
      for (const value of values) {
        let verdict: boolean;
        try {
          verdict = ajv(value);
        } catch (error) {
          // A `$ref` cycle that does not descend into the value: ajv's code runs out of stack. Ours never throws
          // (src/emit/fast/cycles.ts): it stops at the repeat and answers the runtime's too-deep error, the one its
          // guard gives for ajv's overflow, or answers as the fast path does where the fast path's union tests kept
          // it off the cycle.
          assert.ok(error instanceof RangeError, String(error));
          module.validate.errorLimit = undefined;
          // As the runtime calls them: the fast path first (it records the limit the collector's error names).
          const fast = module.validateFast(value, 1000);
          const answer = module.validate(value) as boolean | object;
          if (typeof answer === "object") assert.deepEqual(answer, stackTooDeep(1000), `${JSON.stringify(value)} against ${text}`);
          else assert.equal(answer, fast, `${String(answer)} for ${JSON.stringify(value)} against ${text}`);
          module.validateFast(value, 1000);
          assert.deepEqual(module.validateWorded(value), answer, `worded answer for ${JSON.stringify(value)} against ${text}`);
          cycles++;
          continue;
        }
        const theirs = strip(ajv.errors);
        module.validate.errorLimit = undefined;
        assert.equal(module.validate(value), verdict, `verdict for ${JSON.stringify(value)} against ${text}`);
        assert.deepEqual(strip(module.validate.errors), theirs, `errors for ${JSON.stringify(value)} against ${text}`);
        wordedAgrees(module, value, undefined, `${JSON.stringify(value)} against ${text}`);
        if (verdict) {
          assert.equal(module.validate.errors, null);
          continue;
        }
        errors += theirs.length;
        // The runtime sets a cap only on values known to be invalid. Ours then lists the first `cap + 1` errors of
        // the whole list; ajv's capped code may list a discarded branch's errors or `{}` placeholders instead.
        module.validate.errorLimit = cap;
        capped.validate.errorLimit = cap;
        assert.equal(module.validate(value), capped.validate(value));
        const cut = strip(module.validate.errors);
        assert.deepEqual(cut, cap === undefined ? theirs : theirs.slice(0, cap + 1), `errors for ${JSON.stringify(value)} against ${text} (cap ${String(cap)})`);
        if (JSON.stringify(cut) !== JSON.stringify(strip(capped.validate.errors))) differs++;
        wordedAgrees(module, value, cap, `${JSON.stringify(value)} against ${text} (cap ${String(cap)})`);
        module.validate.errorLimit = undefined;
        capped.validate.errorLimit = undefined;
      }
    }),
    { numRuns: runs, seed },
  );
  return { compiled, fast, ours, errors, differs, cycles };
}

for (const [draft, seed] of [["2020-12", 2020], ["draft-07", 7]] as const) {
  test(`all-errors collector › the same error list as ajv's all-errors code on random ${draft} schemas and values`, async (t) => {
    const { compiled, fast, ours, errors, differs, cycles } = await compare(draft, 150, seed);
    t.diagnostic(`${compiled} schemas compiled, ${fast} with a fast path, ${ours} with our collector, ${errors} errors compared; ${differs} capped lists where ajv's capped code lists other errors; ${cycles} values where ajv's code ran out of stack on a $ref cycle`);
    // Every keyword the arbitrary draws is covered: each schema with a fast path gets our collector.
    const share = 1;
    assert.ok(ours >= fast * share && fast >= compiled / 2, `${ours} of ${fast} schemas with a fast path (of ${compiled}) got our collector`);
    assert.ok(errors >= 200, `only ${errors} errors compared`);
  });
}

test("all-errors collector › schemas it does not cover keep ajv's all-errors code", () => {
  const cases: [string, JsonObject][] = [
    ["contains", { contains: { type: "string" } }],
  ];
  for (const [name, schema] of cases) {
    const code = emitValidator({ schema: { $schema: "https://json-schema.org/draft/2020-12/schema", ...schema }, draft: "2020-12", strict: false });
    assert.ok(!code.includes(OURS), `${name}: our collector was emitted`);
    assert.match(code, /export const validate = validate0;/, `${name}: ajv's all-errors code is missing`);
  }
});
