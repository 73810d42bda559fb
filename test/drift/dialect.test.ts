/**
 * The dialect table (src/drift/dialect.ts) against the validators we generate: a keyword listed as absent from a
 * draft must really be ignored by that draft's compiled validator (else drift would drop an assertion), and drift
 * must judge such schemas as the validator does. Found when a draft-07 `unevaluatedProperties: false` was read as
 * closing the object while the validator left it open, which made `compatible` unsound.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { dialectOf } from "../../src/drift/dialect.js";
import { diffSchemas } from "../../src/drift/diff.js";
import { InputError } from "../../src/errors.js";
import type { Draft, JsonObject, JsonValue } from "../../src/ir/json.js";
import { compiled } from "./helpers.js";

/**
 * For each keyword: a schema using it, a value the keyword rejects where it is enforced, and (when the spelling
 * differs) the schema that shows it enforced in a draft that has it.
 */
const PROBES: Readonly<Record<string, readonly [JsonObject, JsonValue, JsonObject?]>> = {
  unevaluatedProperties: [{ properties: { a: {} }, unevaluatedProperties: false }, { b: 1 }],
  unevaluatedItems: [{ unevaluatedItems: false }, [1]],
  dependentRequired: [{ dependentRequired: { a: ["b"] } }, { a: 1 }],
  dependentSchemas: [{ dependentSchemas: { a: { required: ["b"] } } }, { a: 1 }],
  prefixItems: [{ prefixItems: [{ type: "string" }] }, [1]],
  minContains: [{ contains: { type: "string" }, minContains: 2 }, ["a"]],
  maxContains: [{ contains: { type: "string" }, maxContains: 1 }, ["a", "b"]],
  additionalItems: [{ prefixItems: [{}], additionalItems: false }, [1, 2], { items: [{}], additionalItems: false }],
};

const DRAFTS: readonly Draft[] = ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"];

for (const draft of DRAFTS) {
  test(`dialect › ${draft}: every keyword drift treats as absent is ignored by the generated validator`, async () => {
    const absent = dialectOf(draft).absent;
    assert.ok(absent.length > 0);
    for (const k of absent) {
      const probe = PROBES[k];
      assert.ok(probe !== undefined, `no probe for ${k}`);
      const [schema, value, enforcedAs] = probe;
      // The probe is meaningful: the same keyword rejects the value in a draft that has it.
      const has = DRAFTS.find((d) => !dialectOf(d).absent.includes(k))!;
      assert.equal((await compiled(enforcedAs ?? schema, has))(value), false, `${k} is enforced in ${has}`);
      assert.equal((await compiled(schema, draft))(value), true, `${k} is ignored in ${draft}`);
    }
  });
}

const D7 = "http://json-schema.org/draft-07/schema#";
const D2019 = "https://json-schema.org/draft/2019-09/schema";

const PAIRS: readonly { name: string; draft: Draft; before: JsonObject; after: JsonObject; backward: string; forward: string }[] = [
  {
    name: "draft-07 unevaluatedProperties is no assertion: replaced by additionalProperties it closes the object",
    draft: "draft-07",
    before: { $schema: D7, type: "object", properties: { a: {} }, unevaluatedProperties: false },
    after: { $schema: D7, type: "object", properties: { a: {} }, additionalProperties: false },
    backward: "incompatible",
    forward: "compatible",
  },
  {
    name: "draft-07 dependentRequired is no assertion, dependencies is",
    draft: "draft-07",
    before: { $schema: D7, type: "object", dependentRequired: { a: ["b"] } },
    after: { $schema: D7, type: "object", dependencies: { a: ["b"] } },
    backward: "incompatible",
    forward: "compatible",
  },
  {
    name: "2019-09 prefixItems is no assertion: items false alone allows only []",
    draft: "2019-09",
    before: { $schema: D2019, type: "array", prefixItems: [{ type: "string" }], items: false },
    after: { $schema: D2019, type: "array", items: [{ type: "string" }], additionalItems: false },
    backward: "compatible",
    forward: "incompatible",
  },
];

for (const p of PAIRS) {
  test(`dialect › ${p.name}`, async () => {
    const r = await diffSchemas({ schema: p.before, draft: p.draft }, { schema: p.after, draft: p.draft });
    assert.deepEqual(r.verdict, { backward: p.backward, forward: p.forward }, JSON.stringify(r.changes));
    const [isOld, isNew] = [await compiled(p.before), await compiled(p.after)];
    for (const c of r.changes) {
      if (c.witness === undefined) continue;
      const [yes, no] = c.witness.validUnder === "old" ? [isOld, isNew] : [isNew, isOld];
      assert.ok(yes(c.witness.value) && !no(c.witness.value), JSON.stringify(c.witness));
    }
  });
}

// Random pairs in the old drafts, built from the shapes where spec and validator differ ($ref siblings, absent
// keywords, draft-04 boolean bounds in one-branch combinators): every `compatible` must hold on sampled values.
const D4 = "http://json-schema.org/draft-04/schema#";
const DEF = { a: { type: "number" }, s: { type: "string" } };
const member: fc.Arbitrary<JsonObject> = fc.oneof(
  fc.record({ $ref: fc.constantFrom("#/definitions/a", "#/definitions/s"), type: fc.constantFrom("integer", "string", "number") }, { requiredKeys: ["$ref"] }),
  fc.record({ $ref: fc.constant("#/definitions/s"), maxLength: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: ["$ref"] }),
  fc.record({ type: fc.constant("number"), minimum: fc.integer({ min: 0, max: 3 }), exclusiveMinimum: fc.boolean() }).map((n) => ({ allOf: [n] })),
  fc.record({ type: fc.constant("object"), properties: fc.constant({ p: {} }), unevaluatedProperties: fc.constant(false), additionalProperties: fc.constantFrom<JsonValue>(true, false) }, { requiredKeys: ["type", "properties"] }),
  fc.record({ type: fc.constant("object"), dependentRequired: fc.constant({ p: ["q"] }), dependencies: fc.constant({ q: ["p"] }) }, { requiredKeys: ["type"] }),
) as fc.Arbitrary<JsonObject>;
const oldDraft = fc.record({ meta: fc.constantFrom(D4, D7), x: member }).map(({ meta, x }) => ({ $schema: meta, definitions: DEF, type: "object", properties: { x }, required: ["x"] }) as JsonObject);
const VALUES: readonly JsonValue[] = [0, 1, 2, 3, 3.5, 4, "", "a", "abcd", {}, { p: 1 }, { q: 1 }, { p: 1, q: 1 }, { p: 1, r: 1 }, { r: 1 }, null];

test("dialect › random draft-04/07 pairs: compatible verdicts hold on the compiled validators", { timeout: 300_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(oldDraft, oldDraft, async (a, b) => {
      if (a["$schema"] !== b["$schema"]) b = { ...b, $schema: a["$schema"]! };
      const d: Draft = a["$schema"] === D4 ? "draft-04" : "draft-07";
      let r;
      try {
        r = await diffSchemas({ schema: a, draft: d }, { schema: b, draft: d });
      } catch (e) {
        if (e instanceof InputError) return; // a boolean bound in draft-07 is off the meta-schema: refused, rightly
        throw e;
      }
      const [isA, isB] = [await compiled(a), await compiled(b)];
      for (const x of VALUES) {
        const doc = { x };
        if (r.verdict.backward === "compatible" && isA(doc)) assert.ok(isB(doc), `backward compatible, but ${JSON.stringify(doc)}\n${JSON.stringify([a, b])}`);
        if (r.verdict.forward === "compatible" && isB(doc)) assert.ok(isA(doc), `forward compatible, but ${JSON.stringify(doc)}\n${JSON.stringify([a, b])}`);
      }
    }),
    { numRuns: 100, seed: 20261205, endOnFailure: true },
  );
});
