import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { project, throwsInput, writeFile } from "./helpers.js";

const D2020 = "https://json-schema.org/draft/2020-12/schema";
const D07 = "http://json-schema.org/draft-07/schema#";

test("remote refs are refused without fetching, naming the file and the $ref pointer", () => {
  const p = project({
    "r/v1.json": { properties: { a: { $ref: "https://example.com/schema.json" } } },
    "r/v2.json": { properties: { a: { $ref: "http://example.com/schema.json#/$defs/A" } } },
    "r/v3.json": { properties: { a: { $ref: "//example.com/schema.json" } } },
    "r/v4.json": { properties: { a: { $ref: "../_shared/remote.json" } } },
    "_shared/remote.json": { allOf: [{ $ref: "https://example.com/x" }] },
  });
  for (const file of ["r/v1.json", "r/v2.json", "r/v3.json"]) {
    throwsInput(() => p.load(file), {
      code: "ref.remote",
      file: `schemas/${file}`,
      pointer: "/properties/a/$ref",
      line: 4,
      column: 7,
    });
  }
  throwsInput(() => p.load("r/v4.json"), {
    code: "ref.remote",
    file: "schemas/_shared/remote.json",
    pointer: "/allOf/0/$ref",
  });
});

test("a relative ref under a remote $id base is remote too, and the message says why", () => {
  const p = project({
    "r/v1.json": { $id: "https://example.com/r/v1.json", properties: { m: { $ref: "../_shared/money.json" } } },
    "_shared/money.json": {},
  });
  const error = throwsInput(() => p.load("r/v1.json"), { code: "ref.remote", pointer: "/properties/m/$ref" });
  assert.match(error.message, /resolves to https:\/\/example\.com\/_shared\/money\.json against the \$id base/);
});

test("file refs outside the schemas folder are refused: ../, absolute paths, file URLs, encoded dots", () => {
  const p = project({});
  writeFile(path.join(p.rootDir, "secret.json"), { type: "string" });
  const refs = [
    "../../secret.json",
    "../../../../../../etc/passwd.json",
    "/etc/passwd.json",
    "file:///etc/passwd.json",
    "%2e%2e/%2e%2e/secret.json",
    "C:/secret.json",
  ];
  for (const ref of refs) {
    writeFile(p.abs("x/v1.json"), { properties: { a: { $ref: ref } } });
    throwsInput(() => p.load("x/v1.json"), {
      code: "ref.escapes-root",
      file: "schemas/x/v1.json",
      pointer: "/properties/a/$ref",
    });
  }
});

test("a symlink to a file outside the schemas folder is refused; one inside is followed", () => {
  const p = project({
    "x/v1.json": { properties: { a: { $ref: "../_shared/link.json" } } },
    "y/v1.json": { $ref: "../_shared/alias.json" },
    "_shared/real.json": { type: "integer" },
  });
  writeFile(path.join(p.rootDir, "outside.json"), { type: "string" });
  fs.symlinkSync(path.join(p.rootDir, "outside.json"), p.abs("_shared/link.json"));
  fs.symlinkSync(p.abs("_shared/real.json"), p.abs("_shared/alias.json"));
  throwsInput(() => p.load("x/v1.json"), {
    code: "ref.escapes-root",
    file: "schemas/x/v1.json",
    pointer: "/properties/a/$ref",
  });
  assert.deepEqual(p.load("y/v1.json").schema, { $ref: "#/$defs/Alias", $defs: { Alias: { type: "integer" } } });
});

test("missing files, pointers, anchors and $ids are unresolvable refs", () => {
  const p = project({ "_shared/money.json": { $defs: { Money: { type: "number" } } } });
  const cases = [
    "../_shared/nope.json",
    "../_shared/money.json#/$defs/Nope",
    "#/$defs/Missing",
    "#nowhere",
    "urn:example:nothing",
    "../_shared/money",
  ];
  for (const ref of cases) {
    writeFile(p.abs("x/v1.json"), { properties: { a: { $ref: ref } } });
    throwsInput(() => p.load("x/v1.json"), {
      code: "ref.unresolvable",
      file: "schemas/x/v1.json",
      pointer: "/properties/a/$ref",
    });
  }
});

test("a ref to a node that is neither an object nor a boolean is refused", () => {
  const p = project({
    "x/v1.json": { properties: { a: { default: [{ type: "string" }] }, b: { $ref: "#/properties/a/default" } } },
  });
  throwsInput(() => p.load("x/v1.json"), { code: "ref.not-a-schema", pointer: "/properties/b/$ref" });
});

test("an unresolvable pointer or anchor says what was probably meant", () => {
  const p = project({
    "x/v1.json": {
      $defs: { Address: { type: "string" }, Node: { $anchor: "node", type: "object" } },
      properties: { a: { $ref: "#/$defs/Adress" }, b: { $ref: "#nod" } },
    },
  });
  throwsInput(() => p.load("x/v1.json"), { code: "ref.unresolvable", pointer: "/properties/a/$ref" });
  assert.throws(() => p.load("x/v1.json"), /did you mean "#\/\$defs\/Address"\?/);
  const q = project({ "y/v1.json": { $defs: { Node: { $anchor: "node" } }, properties: { b: { $ref: "#nodes" } } } });
  assert.throws(() => q.load("y/v1.json"), /no anchor "nodes"; did you mean "node"\?/);
});

test("$dynamicRef and $recursiveRef are refused", () => {
  const p = project({
    "d/v1.json": { $dynamicAnchor: "node", properties: { kids: { items: { $dynamicRef: "#node" } } } },
    "d/v2.json": {
      $schema: "https://json-schema.org/draft/2019-09/schema",
      $recursiveAnchor: true,
      properties: { kids: { $recursiveRef: "#" } },
    },
  });
  throwsInput(() => p.load("d/v1.json"), {
    code: "ref.dynamic-unsupported",
    pointer: "/properties/kids/items/$dynamicRef",
  });
  throwsInput(() => p.load("d/v2.json"), {
    code: "ref.dynamic-unsupported",
    pointer: "/properties/kids/$recursiveRef",
  });
});

test("an unknown $schema is an error naming the file and /$schema", () => {
  const p = project({
    "a/v1.json": { $schema: "http://json-schema.org/draft-03/schema#" },
    "b/v1.json": { $ref: "../_shared/odd.json" },
    "_shared/odd.json": { $schema: 7 },
  });
  throwsInput(() => p.load("a/v1.json"), {
    code: "schema.unknown-draft",
    file: "schemas/a/v1.json",
    pointer: "/$schema",
    line: 2,
    column: 3,
  });
  throwsInput(() => p.load("b/v1.json"), {
    code: "schema.unknown-draft",
    file: "schemas/_shared/odd.json",
    pointer: "/$schema",
  });
});

test("a referenced file declaring another draft than the root is an error; the same draft is fine", () => {
  const p = project({
    "a/v1.json": { $schema: D2020, properties: { x: { $ref: "../_shared/old.json" } } },
    "b/v1.json": { $schema: D07, properties: { x: { $ref: "../_shared/old.json" } } },
    "c/v1.json": { $schema: D2020, $defs: { X: { $schema: D07 } } },
    "_shared/old.json": { $schema: "http://json-schema.org/draft-07/schema", type: "string" },
  });
  const error = throwsInput(() => p.load("a/v1.json"), {
    code: "schema.draft-mismatch",
    file: "schemas/_shared/old.json",
    pointer: "/$schema",
  });
  assert.match(error.message, /draft-07 but schemas\/a\/v1\.json is 2020-12/);
  assert.deepEqual(p.load("b/v1.json").schema["definitions"], { Old: { type: "string" } });
  throwsInput(() => p.load("c/v1.json"), { code: "schema.draft-mismatch", pointer: "/$defs/X/$schema" });
});

test("malformed $ref, $id and $anchor values and duplicate identifiers are errors", () => {
  const p = project({
    "a/v1.json": { properties: { a: { $ref: 5 } } },
    "b/v1.json": { $defs: { A: { $id: "urn:x:a" }, B: { $id: "urn:x:a" } } },
    "c/v1.json": { $defs: { A: { $anchor: "a" }, B: { $anchor: "a" } } },
    "d/v1.json": { $defs: { A: { $id: 1 } } },
    "e/v1.json": { properties: { a: { $ref: "#/$defs/%zz" } } },
  });
  throwsInput(() => p.load("a/v1.json"), { code: "ref.invalid", pointer: "/properties/a/$ref" });
  throwsInput(() => p.load("b/v1.json"), { code: "schema.duplicate-id", pointer: "/$defs/B/$id" });
  throwsInput(() => p.load("c/v1.json"), { code: "schema.duplicate-anchor", pointer: "/$defs/B/$anchor" });
  throwsInput(() => p.load("d/v1.json"), { code: "schema.invalid-id", pointer: "/$defs/A/$id" });
  throwsInput(() => p.load("e/v1.json"), { code: "ref.invalid", pointer: "/properties/a/$ref" });
});

test("a broken ref anywhere in a referenced file is reported, even in a part the root does not use", () => {
  const p = project({
    "a/v1.json": { $ref: "../_shared/lib.json#/$defs/Good" },
    "_shared/lib.json": { $defs: { Good: { type: "string" }, Bad: { $ref: "missing.json" } } },
  });
  throwsInput(() => p.load("a/v1.json"), {
    code: "ref.unresolvable",
    file: "schemas/_shared/lib.json",
    pointer: "/$defs/Bad/$ref",
  });
});
