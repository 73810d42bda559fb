/**
 * The dialect table (src/drift/dialect.ts) against the validators we generate: a keyword listed as absent from a
 * draft must really be ignored by that draft's compiled validator (else drift would drop an assertion), and drift
 * must judge such schemas as the validator does. Found when a draft-07 `unevaluatedProperties: false` was read as
 * closing the object while the validator left it open, which made `compatible` unsound.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { dialectOf } from "../../src/drift/dialect.js";
import { diffSchemas } from "../../src/drift/diff.js";
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
