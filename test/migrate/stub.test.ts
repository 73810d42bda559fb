import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeStep } from "../../src/migrate/analyze.js";
import { findMarkers } from "../../src/migrate/markers.js";
import { renderStub, type StubTarget } from "../../src/migrate/stub.js";
import type { JsonObject } from "../../src/ir/json.js";

const TARGET: StubTarget = { contract: "demo", from: 1, functionName: "migrateDemoV1ToV2", oldModule: "../gen/v1.js", newModule: "../gen/v2.js", runtimeModule: "../gen/_runtime.js" };

function obj(properties: JsonObject, required: string[]): JsonObject {
  return { type: "object", properties, required, additionalProperties: false };
}

/** given two schemas, want lines in the stub body (and how many markers). */
const CASES: { name: string; old: JsonObject; neu: JsonObject; want: string[]; markers: number }[] = [
  {
    name: "unchanged required field is carried, widened enum too",
    old: obj({ a: { type: "string" }, e: { enum: ["x"] } }, ["a", "e"]),
    neu: obj({ a: { type: "string", description: "now documented" }, e: { enum: ["x", "y"] } }, ["a", "e"]),
    want: ["a: input.a,", "e: input.e,"],
    markers: 0,
  },
  {
    name: "optional in both: conditional spread (exactOptionalPropertyTypes)",
    old: obj({ a: { type: "string" }, o: { type: "integer" } }, ["a"]),
    neu: obj({ a: { type: "string" }, o: { type: "integer" }, n: { type: "string" } }, ["a"]),
    want: ["...(input.o !== undefined ? { o: input.o } : {}),", "// n: new optional property, left out."],
    markers: 0,
  },
  {
    name: "removed field dropped with a comment; new field with default filled",
    old: obj({ a: { type: "string" }, gone: { type: "boolean" } }, ["a", "gone"]),
    neu: obj({ a: { type: "string" }, mode: { enum: ["fast", "slow"], default: "slow" } }, ["a", "mode"]),
    want: ["// gone: removed in v2, dropped.", 'mode: "slow",'],
    markers: 0,
  },
  {
    name: "new required field without default: marker",
    old: obj({ a: { type: "string" } }, ["a"]),
    neu: obj({ a: { type: "string" }, b: { type: "number" } }, ["a", "b"]),
    want: ['b: notImplemented("b is new and required, with no default: decide its value for v1 documents"),'],
    markers: 1,
  },
  {
    name: "narrowed enum: removed values hit a marker, others carried",
    old: obj({ r: { enum: ["a", "b", "c"] } }, ["r"]),
    neu: obj({ r: { enum: ["a", "b"] } }, ["r"]),
    want: ['r: input.r === "c" ? notImplemented("r no longer accepts \\"c\\": decide what old documents holding it get") : input.r,'],
    markers: 1,
  },
  {
    name: "nullability: optional became required and nullable → null when absent; null removed → default",
    old: obj({ s: { type: ["string", "null"] }, t: { type: "string" } }, ["s"]),
    neu: obj({ s: { type: "string", default: "none" }, t: { type: ["string", "null"] } }, ["s", "t"]),
    want: ['s: input.s === null ? "none" : input.s,', "t: input.t === undefined ? null : input.t,"],
    markers: 0,
  },
  {
    name: "likely rename (same schema, similar name) is a decision, said in a comment",
    old: obj({ user_name: { type: "string" } }, ["user_name"]),
    neu: obj({ username: { type: "string" } }, ["username"]),
    want: ["// Likely rename: user_name (removed) → username (added), same schema.", "// user_name: removed in v2, dropped."],
    markers: 1,
  },
  {
    name: "type change is a decision",
    old: obj({ n: { type: "string" } }, ["n"]),
    neu: obj({ n: { type: "integer" } }, ["n"]),
    want: ['n: notImplemented("n changed: was string, now integer: convert the old value"),'],
    markers: 1,
  },
  {
    name: "identical schemas (annotations aside): the value passes through",
    old: obj({ a: { type: "string" } }, ["a"]),
    neu: { ...obj({ a: { type: "string" } }, ["a"]), title: "Renamed title" },
    want: ["return input;"],
    markers: 0,
  },
];

for (const c of CASES) {
  test(`stub › ${c.name}`, () => {
    const text = renderStub(TARGET, analyzeStep("demo", 1, c.old, c.neu));
    const lines = text.split("\n").map((l) => l.trim());
    for (const want of c.want) assert.ok(lines.includes(want), `missing line ${want}\n---\n${text}`);
    assert.equal(findMarkers(text).length, c.markers, text);
    assert.equal(text.includes('import { notImplemented } from "../gen/_runtime.js";'), c.markers > 0, "marker import iff markers");
    assert.match(text, /export function migrateDemoV1ToV2\(input: DemoV1\): DemoV2 \{/);
  });
}

test("stub › hostile property names reach code only as escaped keys and strings", () => {
  const nasty = 'a"b*/\u2028${x}';
  const text = renderStub(TARGET, analyzeStep("demo", 1, obj({ [nasty]: { type: "string" } }, [nasty]), obj({ [nasty]: { type: "integer" }, "default": { type: "string" } }, [nasty, "default"])));
  assert.ok(text.includes('"a\\"b*/\\u2028${x}": notImplemented('), text);
  assert.ok(!text.includes("\u2028"), "raw line separator in code");
  assert.ok(text.includes('default: notImplemented("default is new'), text);
});

test("stub › the gate's break list names what old documents fail on", () => {
  const a = analyzeStep("demo", 1, obj({ a: { type: "string" }, b: { type: "string" } }, ["a"]), obj({ a: { type: "string" }, b: { type: "string" } }, ["a", "b"]));
  assert.deepEqual(a.breaks, ["b became required"]);
  assert.equal(a.decisions.length, 1);
});

// The text prefilter of findMarkers must never hide a call the parser would find.
const CALL_FORMS: readonly { text: string; lines: number[] }[] = [
  { text: "/** Every {@link notImplemented}(...) call */\nimport { notImplemented } from './r.js';\nexport const a = 1;\n", lines: [] },
  { text: "export const a = notImplemented('x');\n", lines: [1] },
  { text: "export const a =\n  notImplemented\n  ('x');\n", lines: [2] },
  { text: "export const a = notImplemented /* why */ ('x');\n", lines: [1] },
  { text: "export const a = notImplemented // why\n('x');\n", lines: [1] },
  { text: "export const a = notImplemented<string>('x');\n", lines: [1] },
  { text: "export const a = notImplemented?.('x');\n", lines: [1] },
  { text: "export const a = notImplementedYet('x');\n", lines: [] },
];
for (const [i, c] of CALL_FORMS.entries()) {
  test(`stub › marker call form ${i + 1} is found exactly when the parser finds it`, () => {
    assert.deepEqual(findMarkers(c.text), c.lines, c.text);
  });
}
