/**
 * Exact numbers in drift (issue 17, point 3): `enum`, `const`, bounds and `multipleOf` are compared as written
 * (src/ir/exact.ts), not as the doubles JavaScript reads. Values that differ only beyond double precision are a
 * real change for a Python or Go producer; the generated validators (doubles) cannot confirm a witness for it, so
 * the direction is `unknown`, never `compatible`. Schemas are parsed from text: a literal's digits matter.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { diffSchemas } from "../../src/drift/cached-diff.js";
import { diffSchemas as computeDiff } from "../../src/drift/diff.js";
import { parseJson } from "../../src/load/json-parser.js";
import type { JsonObject } from "../../src/ir/json.js";
import type { DiffResult } from "../../src/drift/types.js";

const parse = (text: string) => parseJson(text, "x.json").value as JsonObject;
const diff = (a: string, b: string): Promise<DiffResult> => computeDiff({ schema: parse(a), draft: "2020-12" }, { schema: parse(b), draft: "2020-12" });

test("exact numbers › enum [9007199254740993, 9007199254740995] against const 9007199254740992 is not forward compatible", async () => {
  const r = await diff('{"enum": [9007199254740993, 9007199254740995]}', '{"const": 9007199254740992}');
  assert.equal(r.verdict.forward, "unknown");
  // Backward: 9007199254740996 (the double old's 9007199254740995 reads as) is a confirmed witness.
  assert.equal(r.verdict.backward, "incompatible");
  const added = r.changes.find((c) => c.rule === "enum-value-added");
  assert.ok(added !== undefined && added.unknown?.includes("forward"), JSON.stringify(r.changes));
  assert.match(added.message, /9007199254740992/);
  const removed = r.changes.find((c) => c.rule === "enum-value-removed");
  assert.match(removed?.message ?? "", /9007199254740993, 9007199254740995/);
});

test("exact numbers › const values differing beyond double precision are unknown both ways, nested too", async () => {
  for (const [a, b] of [
    ['{"const": 0.1}', '{"const": 0.10000000000000001}'],
    ['{"properties": {"a": {"const": 9007199254740993}}}', '{"properties": {"a": {"const": 9007199254740992}}}'],
    ['{"enum": [1e400]}', '{"enum": [1.7976931348623157e308]}'],
  ] as const) {
    const r = await diff(a, b);
    assert.deepEqual(r.verdict, { backward: "unknown", forward: "unknown" }, `${a} → ${b}`);
  }
});

test("exact numbers › bounds as written: a widening only the literals show is unknown, a narrowing compatible the other way", async () => {
  const cases: [string, string, DiffResult["verdict"]][] = [
    ['{"type": "number", "maximum": 0.1}', '{"type": "number", "maximum": 0.10000000000000001}', { backward: "compatible", forward: "unknown" }],
    ['{"type": "integer", "minimum": 9007199254740993}', '{"type": "integer", "minimum": 9007199254740992}', { backward: "compatible", forward: "unknown" }],
    // Equal as written (integers below 9007199254740993), but the old validator reads exclusiveMaximum
    // 9007199254740992 and rejects 9007199254740992: both readings count, and the validators confirm that witness.
    ['{"type": "integer", "exclusiveMaximum": 9007199254740993}', '{"type": "integer", "maximum": 9007199254740992}', { backward: "compatible", forward: "incompatible" }],
    ['{"type": "number", "maximum": 1e400}', '{"type": "number"}', { backward: "compatible", forward: "unknown" }],
    ['{"type": "number", "maximum": 1e400}', '{"type": "number", "maximum": 1e401}', { backward: "compatible", forward: "unknown" }],
  ];
  for (const [a, b, want] of cases) assert.deepEqual((await diff(a, b)).verdict, want, `${a} → ${b}`);
  const r = await diff('{"type": "number", "maximum": 0.1}', '{"type": "number", "maximum": 0.10000000000000001}');
  assert.match(r.changes[0]?.message ?? "", /as written \(maximum 0\.1 to maximum 0\.10000000000000001\)/);
});

test("exact numbers › listed enum values are checked against bounds as written", async () => {
  const r = await diff('{"enum": [9007199254740993]}', '{"type": "integer", "maximum": 9007199254740992}');
  assert.equal(r.verdict.backward, "unknown");
  const ok = await diff('{"enum": [9007199254740993]}', '{"type": "integer", "maximum": 9007199254740993}');
  assert.equal(ok.verdict.backward, "compatible");
});

test("exact numbers › multipleOf as written", async () => {
  const r = await diff('{"type": "integer", "multipleOf": 9007199254740993}', '{"type": "integer", "multipleOf": 9007199254740992}');
  assert.deepEqual(r.verdict, { backward: "unknown", forward: "unknown" });
  assert.match(r.changes[0]?.message ?? "", /from 9007199254740993 to 9007199254740992/);
});

test("exact numbers › the same literals are the same schema, and the diff cache keeps the digits apart", async () => {
  const same = await diff('{"enum": [9007199254740993, 1], "maximum": 1e400}', '{"enum": [9007199254740993, 1], "maximum": 1e400}');
  assert.deepEqual(same.verdict, { backward: "compatible", forward: "compatible" });
  // Through the cached entry point (no run cache here: computed), the same answer as the engine.
  const cached = await diffSchemas({ schema: parse('{"const": 9007199254740993}'), draft: "2020-12" }, { schema: parse('{"const": 9007199254740992}'), draft: "2020-12" });
  assert.deepEqual(cached.verdict, { backward: "unknown", forward: "unknown" });
});

test("exact numbers › doubles alone (no inexact literal) decide as before", async () => {
  assert.deepEqual((await diff('{"enum": [1, 2]}', '{"const": 1}')).verdict, { backward: "incompatible", forward: "compatible" });
  assert.deepEqual((await diff('{"type": "integer", "multipleOf": 4}', '{"type": "integer", "multipleOf": 2}')).verdict, { backward: "compatible", forward: "incompatible" });
});

test("exact numbers › a literal that is no integer as written is not an integer, though its double is", async () => {
  const r = await diff('{"enum": [1.0000000000000001]}', '{"type": "integer"}');
  assert.notEqual(r.verdict.backward, "compatible");
  assert.deepEqual((await diff('{"enum": [1.0]}', '{"type": "integer"}')).verdict.backward, "compatible");
});

test("exact numbers › disjointness compares bounds and listed values as written, not as doubles", async () => {
  // 9007199254740992 is in both branches (below 9007199254740993, at least 9007199254740992), so making the anyOf a
  // oneOf rejects it: never compatible. As doubles the bounds are both 2^53 and the branches looked apart.
  for (const [a, b] of [
    ['{"type": "integer", "exclusiveMaximum": 9007199254740993}', '{"type": "integer", "minimum": 9007199254740992}'],
    ['{"type": "number", "exclusiveMaximum": 0.10000000000000001}', '{"type": "number", "minimum": 0.1}'],
    ['{"enum": [9007199254740992], "exclusiveMaximum": 9007199254740993}', '{"const": 9007199254740992}'],
  ] as const) {
    const r = await diff(`{"anyOf": [${a}, ${b}]}`, `{"oneOf": [${a}, ${b}]}`);
    assert.notEqual(r.verdict.backward, "compatible", `${a} | ${b}: ${JSON.stringify(r.changes)}`);
  }
  // Apart as written too: still proven.
  const apart = await diff('{"anyOf": [{"type": "integer", "exclusiveMaximum": 9007199254740993}, {"type": "integer", "minimum": 9007199254740995}]}', '{"oneOf": [{"type": "integer", "exclusiveMaximum": 9007199254740993}, {"type": "integer", "minimum": 9007199254740995}]}');
  assert.equal(apart.verdict.backward, "compatible", JSON.stringify(apart.changes));
});
