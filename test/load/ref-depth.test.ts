/**
 * How deep schemas may nest through `$ref`s (src/load/ref-depth.ts, MAX_REF_DEPTH): a chain of definitions each
 * referring to the next is refused by the loader as `input.too-deep` where it passes the limit, instead of running
 * ajv, the export or the types emitter out of stack; recursive schemas count their size once.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject, JsonValue } from "../../src/ir/json.js";
import { MAX_DEPTH, MAX_REF_DEPTH } from "../../src/load/index.js";
import { project, throwsInput } from "./helpers.js";

/** `{properties: {x: {$ref: d0}}, $defs: {d0 … d<n>}}`, each `d<i>` made by `step` around its `$ref` to the next. */
function chain(n: number, step: (ref: JsonObject) => JsonObject): JsonObject {
  const $defs: JsonObject = {};
  for (let i = 0; i < n; i++) $defs[`d${i}`] = step({ $ref: `#/$defs/d${i + 1}` });
  $defs[`d${n}`] = { type: "string" };
  return { type: "object", properties: { x: { $ref: "#/$defs/d0" } }, $defs };
}

test("ref depth › 10,000 $ref-only definitions in a chain: refused where the path passes the limit", () => {
  const p = project({ "c/v1.json": chain(10_000, (ref) => ref) });
  // The root, its property x, then d0, d1…: d<k> is the (k+3)-th schema on the path.
  const over = `/$defs/d${MAX_REF_DEPTH - 2}`;
  const error = throwsInput(() => p.load("c/v1.json"), { code: "input.too-deep", file: "schemas/c/v1.json", pointer: over });
  assert.ok(error.diagnostic.line !== undefined, "the node's line:col");
  assert.match(error.diagnostic.message, new RegExp(`^schemas nest up to 10003 levels deep through \\$refs \\(# → #/properties/x → … → #/\\$defs/d${MAX_REF_DEPTH - 3} → #${over.replace(/\$/g, "\\$")}\\), past the ${MAX_REF_DEPTH} `));
});

test("ref depth › 10,000 definitions each holding the next in items, allOf or a property: refused", () => {
  for (const step of [(ref: JsonObject) => ({ type: "array", items: ref }), (ref: JsonObject) => ({ allOf: [ref] }), (ref: JsonObject) => ({ type: "object", properties: { y: ref } })]) {
    const p = project({ "c/v1.json": chain(10_000, step) });
    throwsInput(() => p.load("c/v1.json"), { code: "input.too-deep", file: "schemas/c/v1.json", pointer: `/$defs/d${Math.floor(MAX_REF_DEPTH / 2) - 1}` });
  }
});

test("ref depth › a chain across _shared files is refused in the file where it passes the limit", () => {
  const files: Record<string, JsonValue> = { "c/v1.json": { type: "object", properties: { x: { $ref: "../_shared/f0.json#/$defs/d0" } } } };
  const perFile = 50;
  for (let f = 0; f < 10; f++) {
    const $defs: JsonObject = {};
    for (let i = 0; i < perFile; i++) $defs[`d${i}`] = { $ref: i + 1 < perFile ? `#/$defs/d${i + 1}` : `f${f + 1}.json#/$defs/d0` };
    files[`_shared/f${f}.json`] = { $defs };
  }
  files["_shared/f10.json"] = { $defs: { d0: { type: "string" } } };
  const p = project(files);
  // The root and x, then 50 definitions a file: the 257th schema is f5's d4.
  throwsInput(() => p.load("c/v1.json"), { code: "input.too-deep", file: "schemas/_shared/f5.json", pointer: "/$defs/d4" });
});

test("ref depth › a chain exactly at the limit loads", () => {
  const p = project({ "c/v1.json": chain(MAX_REF_DEPTH - 3, (ref) => ref) });
  p.load("c/v1.json");
  const over = project({ "c/v1.json": chain(MAX_REF_DEPTH - 2, (ref) => ref) });
  throwsInput(() => over.load("c/v1.json"), { code: "input.too-deep" });
});

test("ref depth › one file at the parser's nesting limit, without $refs, is within the bound", () => {
  // `items` nests one JSON level per schema: the deepest a single file can nest schemas.
  let schema: JsonObject = { type: "string" };
  for (let i = 2; i < MAX_DEPTH; i++) schema = { items: schema };
  assert.ok(MAX_DEPTH < MAX_REF_DEPTH);
  project({ "c/v1.json": schema }).load("c/v1.json");
});

test("ref depth › recursive schemas count their size once, not the depth of the values they accept", () => {
  const tree = { $ref: "#/$defs/Node", $defs: { Node: { type: "object", properties: { value: { type: "string" }, children: { type: "array", items: { $ref: "#/$defs/Node" } } } } } };
  project({ "c/v1.json": tree }).load("c/v1.json");
  // 60 mutually recursive definitions, a ring through properties: one group of 120 schemas.
  const $defs: JsonObject = {};
  for (let i = 0; i < 60; i++) $defs[`d${i}`] = { type: "object", properties: { next: { $ref: `#/$defs/d${(i + 1) % 60}` } } };
  project({ "c/v1.json": { $ref: "#/$defs/d0", $defs } }).load("c/v1.json");
});
