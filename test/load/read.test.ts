import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { MAX_DEPTH, MAX_FILE_BYTES, readDocument } from "../../src/load/index.js";
import { project, throwsInput, writeFile } from "./helpers.js";

test("malformed JSON is reported with file, line and column", () => {
  const cases: [string, number, number][] = [
    ['{\n  "a": 1,\n  "b": ]\n}', 3, 8],
    ['{\n  "a": 1,\n}', 3, 1],
    ['{"a": "unterminated', 1, 7],
    ['{"a": tru}', 1, 7],
    ['{"a": 1} x', 1, 10],
    ['{"a": "tab\there"}', 1, 11],
    ['{"a": "\\x"}', 1, 8],
    ["", 1, 1],
    ['{"a" 1}', 1, 6],
    ["{'a': 1}", 1, 2],
    ['{"a": 01}', 1, 8],
  ];
  const p = project({});
  for (const [text, line, column] of cases) {
    writeFile(p.abs("bad.json"), text);
    throwsInput(() => p.load("bad.json"), { code: "input.json-syntax", file: "schemas/bad.json", line, column });
  }
});

test("duplicate keys in JSON are an error at the second key", () => {
  const p = project({ "dup.json": '{\n  "type": "object",\n  "properties": {\n    "a": {},\n    "a": {}\n  }\n}' });
  const error = throwsInput(() => p.load("dup.json"), {
    code: "input.duplicate-key",
    file: "schemas/dup.json",
    pointer: "/properties/a",
    line: 5,
    column: 5,
  });
  assert.match(error.message, /^schemas\/dup\.json:5:5#\/properties\/a: duplicate key "a" \[input\.duplicate-key\]$/);
});

test("duplicate keys in YAML are an error with a position", () => {
  const p = project({ "dup.yaml": "type: object\nproperties:\n  a: {}\n  a: {}\n" });
  throwsInput(() => p.load("dup.yaml"), { code: "input.duplicate-key", file: "schemas/dup.yaml", line: 4, column: 3 });
});

test("__proto__ keys are refused anywhere, naming the pointer, in JSON and YAML", () => {
  const p = project({
    "props.json": '{"properties": {"__proto__": {"type": "string"}}}',
    "data.json": '{"const": {"nested": [{"__proto__": 1}]}}',
    "props.yaml": "properties:\n  __proto__:\n    type: string\n",
  });
  throwsInput(() => p.load("props.json"), {
    code: "schema.proto-key",
    pointer: "/properties/__proto__",
    line: 1,
    column: 17,
  });
  throwsInput(() => p.load("data.json"), { code: "schema.proto-key", pointer: "/const/nested/0/__proto__" });
  throwsInput(() => p.load("props.yaml"), {
    code: "schema.proto-key",
    pointer: "/properties/__proto__",
    line: 2,
    column: 3,
  });
});

test("a 10 MB file is rejected by size before it is parsed", () => {
  // Not even valid JSON: only the size check can be the one to report it.
  const p = project({ "huge.json": "[".repeat(10 * 1024 * 1024) });
  const error = throwsInput(() => p.load("huge.json"), { code: "input.too-large", file: "schemas/huge.json" });
  assert.match(error.message, /10\.0 MB; the limit is 5\.0 MB/);
});

test("a file just under the size limit is read", () => {
  const filler = "x".repeat(MAX_FILE_BYTES - 100);
  const p = project({ "big.json": `{"description": "${filler}"}` });
  assert.equal(p.load("big.json").schema["description"], filler);
});

test("500-deep nesting is a clear error, not a stack overflow", () => {
  const deep = `${'{"not":'.repeat(500)}{}${"}".repeat(500)}`;
  const p = project({ "deep.json": deep, "deep.yaml": deep });
  const pointer = "/not".repeat(MAX_DEPTH);
  throwsInput(() => p.load("deep.json"), {
    code: "input.too-deep",
    file: "schemas/deep.json",
    pointer,
    line: 1,
    column: MAX_DEPTH * 7 + 1,
  });
  throwsInput(() => p.load("deep.yaml"), { code: "input.too-deep", file: "schemas/deep.yaml", pointer });
});

test("millions of nested brackets within the size limit stop at the depth limit", () => {
  const p = project({ "brackets.json": `{"enum": ${"[".repeat(4_000_000)}` });
  throwsInput(() => p.load("brackets.json"), { code: "input.too-deep" });
});

test("nesting up to the depth limit is accepted, one more level is not", () => {
  // The root object is level 1, so MAX_DEPTH - 1 nested `not` objects reach the limit exactly.
  const nest = (n: number) => `${'{"not":'.repeat(n)}{}${"}".repeat(n)}`;
  const p = project({ "ok.json": nest(MAX_DEPTH - 1), "over.json": nest(MAX_DEPTH) });
  assert.ok(p.load("ok.json").schema["not"] !== undefined);
  throwsInput(() => p.load("over.json"), { code: "input.too-deep" });
});

test("YAML anchors, aliases, tags and non-string keys are refused", () => {
  const p = project({
    "anchor.yaml": "$defs:\n  a: &x {type: string}\n",
    "alias.yaml": "$defs:\n  a: {type: string}\nproperties:\n  b: *x\n",
    "tag.yaml": "properties:\n  a: !!str 1\n",
    "custom.yaml": "properties:\n  a: !thing {}\n",
    "numkey.yaml": "properties:\n  200: {type: string}\n",
    "nullkey.yaml": "properties:\n  ~: {type: string}\n",
    "mapkey.yaml": "properties:\n  ? {a: 1}\n  : {type: string}\n",
  });
  throwsInput(() => p.load("anchor.yaml"), { code: "input.yaml-unsupported", pointer: "/$defs/a", line: 2, column: 9 });
  throwsInput(() => p.load("alias.yaml"), {
    code: "input.yaml-unsupported",
    pointer: "/properties/b",
    line: 4,
    column: 6,
  });
  throwsInput(() => p.load("tag.yaml"), { code: "input.yaml-unsupported", pointer: "/properties/a" });
  throwsInput(() => p.load("custom.yaml"), { code: "input.yaml-unsupported", pointer: "/properties/a" });
  const numeric = throwsInput(() => p.load("numkey.yaml"), {
    code: "input.yaml-unsupported",
    pointer: "/properties",
    line: 2,
    column: 3,
  });
  assert.match(numeric.message, /quote 200/);
  throwsInput(() => p.load("nullkey.yaml"), { code: "input.yaml-unsupported", pointer: "/properties" });
  throwsInput(() => p.load("mapkey.yaml"), { code: "input.yaml-unsupported", pointer: "/properties" });
});

test("YAML problems are reported in document order", () => {
  const p = project({ "both.yaml": "x-a: &x {type: string}\nb: *x\n" });
  throwsInput(() => p.load("both.yaml"), { code: "input.yaml-unsupported", pointer: "/x-a" });
});

test("malformed YAML and multi-document YAML are syntax errors with a position", () => {
  const p = project({ "bad.yaml": "type: object\nproperties: [\n", "multi.yaml": "type: object\n---\ntype: string\n" });
  throwsInput(() => p.load("bad.yaml"), { code: "input.yaml-syntax", file: "schemas/bad.yaml" });
  throwsInput(() => p.load("multi.yaml"), {
    code: "input.yaml-syntax",
    file: "schemas/multi.yaml",
    line: 2,
    column: 1,
  });
});

test("YAML numbers that are not finite are refused; a JSON literal out of double range is read exactly (test/load/exact.test.ts)", () => {
  const p = project({ "big.json": '{"maximum": 1e999}', "inf.yaml": "maximum: .inf\n", "nan.yaml": "minimum: .nan\n" });
  assert.equal(p.load("big.json").warnings?.[0]?.code, "schema.number-inexact");
  throwsInput(() => p.load("inf.yaml"), { code: "input.number-range", pointer: "/maximum" });
  throwsInput(() => p.load("nan.yaml"), { code: "input.number-range", pointer: "/minimum" });
});

test("YAML holding plain JSON data loads to the same value as the JSON", () => {
  const yaml =
    "type: object\nproperties:\n  n: {type: integer, maximum: 0x10}\n  s: {const: 'yes'}\n  b: {default: true}\n  z: {default: null}\nrequired: [n]\n";
  const p = project({ "a.yaml": yaml });
  assert.deepEqual(p.load("a.yaml").schema, {
    type: "object",
    properties: {
      n: { type: "integer", maximum: 16 },
      s: { const: "yes" },
      b: { default: true },
      z: { default: null },
    },
    required: ["n"],
  });
});

test("locate gives the line and column of a pointer in JSON and YAML", () => {
  const p = project({
    "a.json": '{\n  "properties": {\n    "x": { "$ref": "#/$defs/A" },\n    "list": [1, {"y": 2}]\n  }\n}',
    "a.yaml": "properties:\n  x:\n    $ref: '#/$defs/A'\n  list:\n    - 1\n    - y: 2\n",
  });
  const json = readDocument(p.abs("a.json"), "a.json");
  assert.deepEqual(json.locate(""), { line: 1, column: 1 });
  assert.deepEqual(json.locate("/properties/x/$ref"), { line: 3, column: 12 });
  assert.deepEqual(json.locate("/properties/list/1/y"), { line: 4, column: 18 });
  assert.equal(json.locate("/properties/nope"), undefined);
  assert.equal(json.locate("/properties/x/$ref/deeper"), undefined);
  const yaml = readDocument(p.abs("a.yaml"), "a.yaml");
  assert.deepEqual(yaml.locate("/properties/x/$ref"), { line: 3, column: 5 });
  assert.deepEqual(yaml.locate("/properties/list/1"), { line: 6, column: 7 });
  assert.deepEqual(yaml.locate("/properties/list/1/y"), { line: 6, column: 7 });
});

test("invalid UTF-8, unknown extensions and missing files are input errors", () => {
  const p = project({ "notes.txt": "{}" });
  fs.writeFileSync(p.abs("latin1.json"), Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
  throwsInput(() => p.load("latin1.json"), { code: "input.encoding", file: "schemas/latin1.json" });
  throwsInput(() => p.load("notes.txt"), { code: "input.file-type", file: "schemas/notes.txt" });
  throwsInput(() => p.load("missing.json"), { code: "input.read", file: "schemas/missing.json" });
  fs.mkdirSync(p.abs("dir.json"));
  throwsInput(() => p.load("dir.json"), { code: "input.read", file: "schemas/dir.json" });
});

test("a UTF-8 byte order mark is accepted", () => {
  const p = project({});
  fs.writeFileSync(p.abs("bom.json"), `\uFEFF{"type": "string"}`);
  assert.deepEqual(p.load("bom.json").schema, { type: "string" });
});

test("a root file outside the schemas folder, or not an object, is refused", () => {
  const p = project({ "bool.json": "true", "arr.json": "[]" });
  writeFile(path.join(p.rootDir, "outside.json"), {});
  throwsInput(() => p.load("../outside.json"), { code: "input.outside-schemas-dir", file: "outside.json" });
  throwsInput(() => p.load("bool.json"), { code: "schema.root-not-object", file: "schemas/bool.json" });
  throwsInput(() => p.load("arr.json"), { code: "schema.root-not-object" });
});
