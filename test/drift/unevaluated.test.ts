/**
 * `unevaluatedProperties`/`unevaluatedItems` beside in-place applicators (issue 17, point 5): lowered to
 * `additionalProperties`/`items` when what the applicators evaluate is the same whatever branch a value takes
 * (src/drift/shared/unevaluated.ts), so drift decides instead of answering unknown; where it depends on the branch,
 * the verdict stays unknown and the finding names the cause. Every incompatible verdict carries a witness that the
 * generated validators confirm (checked again here), and every compatible one is checked on sample values.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { diffSchemas } from "../../src/drift/diff.js";
import { validatorFor } from "../../src/drift/witness/confirm.js";
import type { JsonObject, JsonValue } from "../../src/ir/json.js";
import type { DiffResult, Direction } from "../../src/drift/types.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const base = (props: JsonObject): JsonObject => ({ base: { properties: props, required: Object.keys(props) } });
const obj = (extra: JsonObject): JsonObject => ({ $schema: S, type: "object", ...extra });

async function diff(a: JsonObject, b: JsonObject): Promise<DiffResult> {
  const r = await diffSchemas({ schema: a, draft: "2020-12" }, { schema: b, draft: "2020-12" });
  // Witnesses: valid under the source side, invalid under the target side, by the generated validators.
  const [isOld, isNew] = [await validatorFor(a, "2020-12"), await validatorFor(b, "2020-12")];
  for (const c of r.changes) {
    if (c.witness === undefined) continue;
    const [src, tgt] = c.witness.validUnder === "old" ? [isOld, isNew] : [isNew, isOld];
    assert.ok(src(c.witness.value) && !tgt(c.witness.value), `witness ${JSON.stringify(c.witness.value)} of ${c.rule}`);
  }
  return r;
}

/** A compatible direction holds on these values: every one the source accepts, the target accepts. */
async function holdsOn(a: JsonObject, b: JsonObject, d: Direction, values: readonly JsonValue[]): Promise<void> {
  const [src, tgt] = d === "backward" ? [a, b] : [b, a];
  const [isSrc, isTgt] = [await validatorFor(src, "2020-12"), await validatorFor(tgt, "2020-12")];
  for (const v of values) if (isSrc(v)) assert.ok(isTgt(v), `${JSON.stringify(v)} breaks ${d}`);
}

const SAMPLES: JsonValue[] = [{}, { id: "x" }, { id: "x", a: 1 }, { id: "x", b: "s" }, { id: "x", a: 1, b: "s" }, { id: 1 }, { id: "x", z: null }, { a: 1 }];

test("unevaluated › beside allOf/$ref: a property added under unevaluatedProperties: false breaks forward, with a witness", async () => {
  const a = obj({ $defs: base({ id: { type: "string" } }), allOf: [{ $ref: "#/$defs/base" }], properties: { a: { type: "number" } }, unevaluatedProperties: false });
  const b = obj({ $defs: base({ id: { type: "string" } }), allOf: [{ $ref: "#/$defs/base" }], properties: { a: { type: "number" }, b: { type: "string" } }, unevaluatedProperties: false });
  const r = await diff(a, b);
  assert.deepEqual(r.verdict, { backward: "compatible", forward: "incompatible" });
  assert.ok(r.changes.some((c) => c.rule === "property-added" && c.witness !== undefined), JSON.stringify(r.changes));
  await holdsOn(a, b, "backward", SAMPLES);
});

test("unevaluated › an unchanged meaning is compatible both ways ($ref beside, annotation changed)", async () => {
  const a = obj({ $defs: base({ id: { type: "string" } }), $ref: "#/$defs/base", properties: { a: { type: "number" } }, unevaluatedProperties: false });
  const b = obj({ $defs: base({ id: { type: "string" } }), $ref: "#/$defs/base", properties: { a: { type: "number", description: "d" } }, unevaluatedProperties: false });
  const r = await diff(a, b);
  assert.deepEqual(r.verdict, { backward: "compatible", forward: "compatible" });
  await holdsOn(a, b, "backward", SAMPLES);
  await holdsOn(a, b, "forward", SAMPLES);
});

test("unevaluated › a property the $ref target stops evaluating becomes unevaluated: backward breaks", async () => {
  const a = obj({ $defs: { base: { properties: { id: { type: "string" } } } }, $ref: "#/$defs/base", unevaluatedProperties: false });
  const b = obj({ $defs: { base: { properties: {} } }, $ref: "#/$defs/base", unevaluatedProperties: false });
  const r = await diff(a, b);
  assert.deepEqual(r.verdict, { backward: "incompatible", forward: "compatible" });
  await holdsOn(a, b, "forward", SAMPLES);
});

test("unevaluated › oneOf/anyOf branches evaluating the same names are static; if/then/else alike", async () => {
  const same = (u: JsonValue) =>
    obj({ anyOf: [{ properties: { id: { type: "string" } } }, { properties: { id: { type: "integer" } } }], if: { properties: { id: { const: "x" } } }, then: { properties: { id: true } }, else: { properties: { id: true } }, unevaluatedProperties: u });
  const r = await diff(same(false), same({ type: "string" }));
  assert.deepEqual(r.verdict, { backward: "compatible", forward: "incompatible" });
  await holdsOn(same(false), same({ type: "string" }), "backward", SAMPLES);
});

test("unevaluated › branches evaluating different names stay unknown, naming the cause", async () => {
  const u = (extra: JsonValue) => obj({ oneOf: [{ properties: { a: { const: 1 } }, required: ["a"] }, { properties: { b: { const: 1 } }, required: ["b"] }], unevaluatedProperties: extra });
  const r = await diff(u(false), u({ type: "string" }));
  assert.equal(r.verdict.backward, "unknown");
  const odd = r.changes.find((c) => c.rule === "unsupported-keyword");
  assert.match(odd?.message ?? "", /branches evaluate different properties/);
  const d = await diff(obj({ dependentSchemas: { a: { properties: { b: true } } }, unevaluatedProperties: false }), obj({ dependentSchemas: { a: { properties: { b: true } } } }));
  assert.equal(d.verdict.forward, "incompatible");
});

test("unevaluated › items: a prefix from allOf, and contains stays unknown", async () => {
  const arr = (u: JsonValue, extra: JsonObject = {}) => ({ $schema: S, type: "array", allOf: [{ prefixItems: [{ type: "string" }] }], unevaluatedItems: u, ...extra });
  const r = await diff(arr(false), arr({ type: "number" }));
  assert.deepEqual(r.verdict, { backward: "compatible", forward: "incompatible" });
  await holdsOn(arr(false), arr({ type: "number" }), "backward", [[], ["a"], ["a", 1], ["a", "b"], [1]]);
  const same = await diff(arr(false), arr(false, { description: "d" }));
  assert.deepEqual(same.verdict, { backward: "compatible", forward: "compatible" });
  const c = await diff(arr(false, { anyOf: [{ contains: { type: "number" } }] }), arr({ type: "number" }, { anyOf: [{ contains: { type: "number" } }] }));
  assert.equal(c.verdict.backward, "unknown");
  assert.match(c.changes.find((x) => x.rule === "unsupported-keyword")?.message ?? "", /contains evaluates the items it matches/);
});

test("unevaluated › listing the evaluated set is bounded: a $ref reached along 3^10 paths stays unknown, quickly", async () => {
  const defs: JsonObject = {};
  const next = (i: number) => ({ $ref: `#/$defs/d${i + 1}` });
  for (let i = 0; i < 10; i++) defs[`d${i}`] = { allOf: [next(i), next(i), next(i)], properties: { [`p${i}`]: true } };
  defs["d10"] = { properties: { last: true } };
  const s = (u: JsonValue) => obj({ $defs: defs, $ref: "#/$defs/d0", unevaluatedProperties: u });
  const started = Date.now();
  const r = await diff(s(false), s({ type: "string" }));
  assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
  assert.equal(r.verdict.backward, "unknown");
  assert.match(r.changes.find((c) => c.rule === "unsupported-keyword")?.message ?? "", /took more than 2000 steps/);
});
