/**
 * Regression tests for the crashes issue 10 lists, through the real CLI: every input ends in a verdict (exit 0/1)
 * or a one-line input error naming the file and a JSON pointer (exit 2), never exit 70 or "internal error".
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertInputError, assertVerdict, diffFiles } from "./cli-helpers.js";

const D4 = "http://json-schema.org/draft-04/schema#";
const D7 = "http://json-schema.org/draft-07/schema#";

// Each of these overflowed the JS stack before (a `$ref` with siblings, rewritten to a new allOf on every visit).
test("cli inputs › recursive propertyNames, allOf with an enum, and narrowing applicators through $ref siblings end in verdicts", async () => {
  const names = (extra: object) => ({ type: "object", propertyNames: { $ref: "#", type: "string", ...extra } });
  assertVerdict(await diffFiles(names({}), names({ maxLength: 2 })), /^(compatible|unknown)$/, "compatible");
  const enumed = (values: unknown[]) => ({ type: "object", properties: { a: { $ref: "#", enum: values } } });
  assertVerdict(await diffFiles(enumed([{}, { a: {} }]), enumed([{}])), "incompatible", "compatible");
  const objects = (extra: object) => ({ type: "object", properties: { a: { $ref: "#", type: "object", ...extra } } });
  assertVerdict(await diffFiles(objects({}), objects({ maxProperties: 1 })), "incompatible", "compatible");
  const arrays = (extra: object) => ({ type: "array", items: { $ref: "#", type: "array", ...extra } });
  assertVerdict(await diffFiles(arrays({ maxItems: 1 }), arrays({})), "compatible", /^(incompatible|unknown)$/);
});

test("cli inputs › recursive propertyNames ends in a verdict", async () => {
  const names = (max?: number) => ({
    $defs: { n: { type: "string", ...(max !== undefined ? { maxLength: max } : {}), propertyNames: { $ref: "#/$defs/n" } } },
    type: "object",
    propertyNames: { $ref: "#/$defs/n" },
    additionalProperties: { $ref: "#" },
  });
  assertVerdict(await diffFiles(names(), names()), "compatible", "compatible");
  assertVerdict(await diffFiles(names(), names(5)), /^(incompatible|unknown)$/, "compatible");
});

test("cli inputs › recursive allOf with an enum ends in a verdict with a witness", async () => {
  const rec = (values: unknown[]) => ({ $defs: { a: { allOf: [{ enum: values }, { properties: { x: { $ref: "#/$defs/a" } } }] } }, allOf: [{ $ref: "#/$defs/a" }] });
  const r = await diffFiles(rec([1, 2, { x: 1 }]), rec([1, { x: 1 }]));
  assertVerdict(r, "incompatible", "compatible");
  assert.match(r.stdout, /witness: 2 is valid under old and invalid under new/);
});

test("cli inputs › a recursive applicator that narrows ends in a verdict", async () => {
  const tree = (extra: object) => ({ type: "object", properties: { c: { anyOf: [{ $ref: "#" }, { type: "null" }] } }, ...extra });
  assertVerdict(await diffFiles(tree({}), tree({ maxProperties: 1 })), "incompatible", /^(compatible|unknown)$/);
  const list = (item: object) => ({ type: "array", items: { anyOf: [{ $ref: "#" }, item] } });
  assertVerdict(await diffFiles(list({ type: "string" }), list({ type: "string", maxLength: 3 })), /^(incompatible|unknown)$/, /^(compatible|unknown)$/);
});

test("cli inputs › a $schema-less draft-07 tuple is an input error under the default dialect, a verdict with --default-draft draft-07", async () => {
  const one = { type: "array", items: [{ type: "string" }] };
  const two = { type: "array", items: [{ type: "string" }, { type: "integer" }] };
  const r = await diffFiles(one, two);
  assertInputError(r, "old", "/items", "drift.tuple-items-in-2020-12");
  assert.match(r.stderr, /--default-draft draft-07/);
  assertVerdict(await diffFiles(one, two, "--default-draft", "draft-07"), "incompatible", "compatible");
});

test("cli inputs › patterns the engine used to rebuild (named groups, backreferences, \\p{..}, lookbehind) end in verdicts", async () => {
  const named = (extra: object) => ({ type: "object", patternProperties: { "^(?<k>a)": { type: "string" } }, properties: { x: { type: "string", pattern: "^(?<k>a)+$", ...extra } } });
  assertVerdict(await diffFiles(named({}), named({ allOf: [{ pattern: "(?<k>b)" }] })), /^(incompatible|unknown)$/, /^(compatible|unknown)$/);
  const odd = (p: string) => ({ type: "object", patternProperties: { "^(a)\\1$": { type: "string" }, "(?<=x)y": {} }, properties: { y: { type: "string", pattern: p } } });
  const r = await diffFiles(odd("^\\p{L}+$"), odd("^\\p{Lu}+$"));
  assertVerdict(r, /^(incompatible|unknown)$/, /^(compatible|unknown)$/);
  assertVerdict(await diffFiles(odd("^(a)\\1$"), odd("^(a)\\1$")), "compatible", "compatible");
});

test("cli inputs › an invalid regular expression is an input error at its pointer", async () => {
  assertInputError(await diffFiles({ type: "string" }, { type: "string", pattern: "((" }), "new", "/pattern", "drift.invalid-pattern");
  assertInputError(await diffFiles({ type: "object", patternProperties: { "[": {} } }, { type: "object" }), "old", "/patternProperties/[", "drift.invalid-pattern");
  // Valid without the u flag, not with it, and ambiguous (a letter escape: a typo, or the letter): refused.
  assertInputError(await diffFiles({ type: "string", pattern: "\\e" }, { type: "string" }), "old", "/pattern", "drift.invalid-pattern");
  // Unambiguous (an escaped "_" is "_"): the loader rewrites it to its u form with a warning (issue 17, point 7).
  const r = await diffFiles({ type: "string", pattern: "\\_" }, { type: "string" });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stderr, /^warning: old\.json:\d+:\d+#\/pattern: .*\[schema\.pattern-rewritten\]\n$/);
});

test("cli inputs › the draft-04 id keyword (and a string id in draft-07) ends in a verdict", async () => {
  const d4 = (max?: number) => ({ $schema: D4, id: "http://example.com/root.json", type: "object", properties: { a: { id: "#a", type: "string", ...(max !== undefined ? { maxLength: max } : {}) } }, required: ["a"] });
  const r = await diffFiles(d4(), d4(3));
  assertVerdict(r, "incompatible", "compatible");
  assert.match(r.stdout, /witness: \{"a":"[^"]{4,}"\} is valid under old and invalid under new/);
  const d7 = (t: string) => ({ $schema: D7, id: "legacy", type: "object", properties: { a: { type: t } }, required: ["a"] });
  assertVerdict(await diffFiles(d7("string"), d7("string")), "compatible", "compatible");
  assertVerdict(await diffFiles(d7("string"), d7("integer")), "incompatible", "incompatible");
});

test("cli inputs › a schema off its meta-schema, or one the generated validator cannot be built for, is an input error at the culprit", async () => {
  // $async: ajv's standalone code keeps a require(): "generated validator is not self-contained".
  const r = await diffFiles({ $async: true, type: "object" }, { $async: true, type: "object", required: ["a"] });
  assertInputError(r, "old", "/$async", "drift.no-validator");
  assert.match(r.stderr, /not self-contained/);
  // A keyword of the wrong type is refused by the build's meta-schema check before the engine sees it.
  assertInputError(await diffFiles({ type: "object", properties: { a: { type: "strin" } } }, { type: "object" }), "old", "/properties/a/type", "schema.meta");
  assertInputError(await diffFiles({ type: "object" }, { type: "array", items: "*" }), "new", "/items", "schema.meta");
});

test("cli inputs › JSON syntax errors, non-object roots and dangling refs name the file and line:col or pointer", async () => {
  const syntax = await diffFiles('{"type": "object",', { type: "object" });
  assertInputError(syntax, "old", /^$|^\//, "input.json-syntax");
  assert.match(syntax.stderr, /^old\.json:\d+:\d+/);
  assertInputError(await diffFiles({ type: "object" }, "[1, 2]"), "new", "", "schema.root-not-object");
  assertInputError(await diffFiles({ type: "object", properties: { a: { $ref: "#/$defs/missing" } } }, { type: "object" }), "old", "/properties/a/$ref", "ref.unresolvable");
});
