import { test } from "node:test";
import assert from "node:assert/strict";
import { isJsonObject } from "../../src/ir/json.js";
import { LoadCache, loadSchemaFile, loadSchemaFileMapped } from "../../src/load/index.js";
import { assertSameValidation, assertSelfContained, keyPaths, project, throwsInput } from "./helpers.js";

const D2020 = "https://json-schema.org/draft/2020-12/schema";

/** Several files each defining a `Money`, plus whole-file refs: every naming rule in play. */
function moneyProject() {
  return project({
    "orders/v1.json": {
      $schema: D2020,
      type: "object",
      properties: {
        local: { $ref: "#/$defs/Money" },
        shared: { $ref: "../_shared/money.json#/$defs/Money" },
        billing: { $ref: "../billing/money.json#/$defs/Money" },
        common: { $ref: "../_shared/common.json#/$defs/Money" },
        wholeMoney: { $ref: "../_shared/money.json" },
        wholeOrder: { $ref: "../legacy/v1.json" },
        again: { $ref: "../_shared/money.json#/$defs/Money" },
      },
      $defs: { Money: { type: "integer" } },
    },
    "_shared/money.json": { $defs: { Money: { type: "number" } } },
    "_shared/common.json": { $defs: { Money: { type: "string" } } },
    "billing/money.json": { $defs: { Money: { type: "boolean" } } },
    "legacy/v1.json": { type: "null" },
  });
}

test("hoisted names: last $defs key or file name, qualified by the file's path on collision, counter last", () => {
  const loaded = moneyProject().load("orders/v1.json");
  assert.deepEqual(loaded.schema["properties"], {
    local: { $ref: "#/$defs/Money" },
    shared: { $ref: "#/$defs/SharedMoney" },
    billing: { $ref: "#/$defs/BillingMoney" },
    common: { $ref: "#/$defs/CommonMoney" },
    wholeMoney: { $ref: "#/$defs/Money2" },
    wholeOrder: { $ref: "#/$defs/LegacyV1" },
    again: { $ref: "#/$defs/SharedMoney" },
  });
  assert.deepEqual(loaded.schema["$defs"], {
    Money: { type: "integer" },
    SharedMoney: { type: "number" },
    BillingMoney: { type: "boolean" },
    CommonMoney: { type: "string" },
    Money2: { $defs: { Money: { type: "number" } } },
    LegacyV1: { type: "null" },
  });
});

test("the same input always gives the same bytes, with or without a shared cache", () => {
  const p = moneyProject();
  const first = JSON.stringify(p.load("orders/v1.json"));
  assert.equal(JSON.stringify(p.load("orders/v1.json")), first);
  const cache = new LoadCache();
  const ctx = { ...p.ctx, cache };
  assert.equal(JSON.stringify(loadSchemaFile(p.abs("orders/v1.json"), ctx)), first);
  assert.equal(JSON.stringify(loadSchemaFile(p.abs("orders/v1.json"), ctx)), first);
  // A second project with the same content in another folder gives the same schema too: no absolute paths leak.
  assert.deepEqual(moneyProject().load("orders/v1.json").schema, p.load("orders/v1.json").schema);
});

test("a shared cache reads each file once across loads and its values are never mutated", () => {
  const p = project({
    "a/v1.json": { properties: { m: { $ref: "../_shared/money.json" } } },
    "b/v1.json": { properties: { m: { $ref: "../_shared/money.json#/$defs/Cents" } } },
    "_shared/money.json": {
      $id: "money",
      $anchor: "top",
      $schema: D2020,
      $defs: { Cents: { $anchor: "cents", type: "integer" } },
      properties: { c: { $ref: "#cents" } },
    },
  });
  const cache = new LoadCache();
  const ctx = { ...p.ctx, cache };
  const a = loadSchemaFile(p.abs("a/v1.json"), ctx);
  const snapshot = [...cache.documents.values()].map((doc) => structuredClone(doc.value));
  const b = loadSchemaFile(p.abs("b/v1.json"), ctx);
  assert.equal(cache.documents.size, 3);
  assert.deepEqual(
    [...cache.documents.values()].slice(0, 2).map((doc) => doc.value),
    snapshot,
  );
  assert.deepEqual(a.schema["$defs"], {
    Money: { $defs: { Cents: { type: "integer" } }, properties: { c: { $ref: "#/$defs/Cents" } } },
    Cents: { type: "integer" },
  });
  assert.deepEqual(b.schema["$defs"], { Cents: { type: "integer" } });
});

test("$id, $anchor and nested $schema are removed; $schema stays at the root", () => {
  const p = project({
    "a/v1.json": {
      $schema: D2020,
      $id: "renamed.json",
      properties: { x: { $ref: "https://example.com/x" }, y: { $ref: "#why" }, z: { $ref: "../_shared/z.json" } },
      $defs: {
        X: { $id: "https://example.com/x", $schema: D2020, type: "string" },
        Y: { $anchor: "why", $dynamicAnchor: "dyn", type: "number" },
      },
    },
    "_shared/z.json": {
      $schema: D2020,
      $id: "zed",
      $defs: { Inner: { $id: "#inner" } },
      properties: { q: { $ref: "#/$defs/Inner" } },
    },
  });
  const loaded = p.load("a/v1.json");
  assert.deepEqual(keyPaths(loaded.schema, ["$id", "$anchor", "$dynamicAnchor"]), []);
  assert.deepEqual(keyPaths(loaded.schema, ["$schema"]), ["/$schema"]);
  assert.equal(Object.keys(loaded.schema)[0], "$schema");
  assertSelfContained(loaded);
});

test("files lists the root first, then every referenced file in first-read order", () => {
  const p = project({
    "a/v1.json": { allOf: [{ $ref: "../_shared/b.json" }, { $ref: "../_shared/c.yaml" }] },
    "_shared/b.json": { $ref: "d.json" },
    "_shared/c.yaml": "type: object\n",
    // Back to b through a property: a `$ref`-only way back would be a cycle (src/load/ref-cycle.ts).
    "_shared/d.json": { type: "object", properties: { next: { $ref: "b.json" } } },
  });
  assert.deepEqual(p.load("a/v1.json").files, [
    "schemas/a/v1.json",
    "schemas/_shared/b.json",
    "schemas/_shared/c.yaml",
    "schemas/_shared/d.json",
  ]);
});

test("hoisted schemas go under the definitions keyword the root already uses", () => {
  const p = project({
    "a/v1.json": {
      properties: { x: { $ref: "#/definitions/Local" }, y: { $ref: "../_shared/y.json" } },
      definitions: { Local: { type: "string" } },
    },
    "_shared/y.json": { type: "integer" },
  });
  const loaded = p.load("a/v1.json");
  assert.deepEqual(loaded.schema["definitions"], { Local: { type: "string" }, Y: { type: "integer" } });
  assert.equal(loaded.schema["$defs"], undefined);
  assertSameValidation(p, loaded, { valid: [{ x: "s", y: 1 }], invalid: [{ y: "s" }] });
});

test("refs from a shared file back into the root point into the root, not at a copy", () => {
  const p = project({
    "a/v1.json": { properties: { list: { $ref: "../_shared/list.json" } }, $defs: { Item: { type: "string" } } },
    "_shared/list.json": {
      type: "array",
      items: { $ref: "../a/v1.json#/$defs/Item" },
      contains: { $ref: "../a/v1.json" },
    },
  });
  const loaded = p.load("a/v1.json");
  assert.deepEqual((loaded.schema["$defs"] as Record<string, unknown>)["List"], {
    type: "array",
    items: { $ref: "#/$defs/Item" },
    contains: { $ref: "#" },
  });
});

test("pointer tokens needing escapes are written as valid, percent-encoded local refs", () => {
  const key = 'a/b c~d%é"';
  const p = project({
    "a/v1.json": {
      properties: { x: { $ref: "#/$defs/a~1b%20c~0d%25%C3%A9%22" }, y: { $ref: "../_shared/k.json" } },
      $defs: { [key]: { type: "string" } },
    },
    "_shared/k.json": { $ref: "../a/v1.json#/$defs/a~1b%20c~0d%25%C3%A9%22" },
  });
  const loaded = p.load("a/v1.json");
  assert.deepEqual(loaded.schema["properties"], {
    x: { $ref: "#/$defs/a~1b%20c~0d%25%C3%A9%22" },
    y: { $ref: "#/$defs/K" },
  });
  assertSameValidation(p, loaded, { valid: [{ x: "s", y: "t" }], invalid: [{ x: 1 }, { y: 2 }] });
});

test("the root keeps its key order; $defs is appended only when something is hoisted", () => {
  const p = project({
    "a/v1.json": { title: "T", properties: { m: { $ref: "../_shared/m.json" } }, type: "object" },
    "b/v1.json": { title: "T", $defs: { A: {} }, properties: { a: { $ref: "#/$defs/A" } } },
    "_shared/m.json": { type: "number" },
  });
  assert.deepEqual(Object.keys(p.load("a/v1.json").schema), ["title", "properties", "type", "$defs"]);
  assert.deepEqual(Object.keys(p.load("b/v1.json").schema), ["title", "$defs", "properties"]);
});

test("every keyword position is walked: refs in each are rewritten and the result compiles", () => {
  const s = (name: string) => ({ $ref: `../_shared/parts.json#/$defs/${name}` });
  const p = project({
    "all/v1.json": {
      type: "object",
      properties: { p: s("Str") },
      patternProperties: { "^x-": s("Str") },
      additionalProperties: s("Num"),
      propertyNames: s("Name"),
      dependentSchemas: { p: s("Obj") },
      dependencies: { q: ["p"], r: s("Obj") },
      allOf: [s("Obj")],
      anyOf: [s("Obj")],
      oneOf: [s("Obj")],
      not: s("Never"),
      if: s("Obj"),
      then: s("Obj"),
      else: s("Obj"),
      unevaluatedProperties: s("Any"),
      contentSchema: s("Any"),
      $defs: {
        Arr: {
          type: "array",
          prefixItems: [s("Str")],
          items: s("Num"),
          contains: s("Num"),
          unevaluatedItems: s("Any"),
        },
      },
    },
    "_shared/parts.json": {
      $defs: {
        Str: { type: "string" },
        Num: { type: "number" },
        Name: { maxLength: 5 },
        Obj: { type: "object" },
        Never: { const: "never" },
        Any: true,
      },
    },
  });
  const loaded = p.load("all/v1.json");
  assertSelfContained(loaded);
  assert.deepEqual(Object.keys(loaded.schema["$defs"] as object), ["Arr", "Str", "Num", "Name", "Obj", "Never", "Any"]);
  assertSameValidation(p, loaded, {
    valid: [{ p: "a", "x-a": "b", n: 1 }],
    invalid: [{ p: 1 }, { "x-a": 1 }, { n: "1" }, { toolong: 1 }],
  });
});

test("the output is plain JSON data with no non-local refs and no shared nodes", () => {
  const loaded = moneyProject().load("orders/v1.json");
  assertSelfContained(loaded);
  const seen = new Set<object>();
  const stack: unknown[] = [loaded.schema];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node !== "object" || node === null) continue;
    assert.ok(!seen.has(node), "every node is a fresh copy");
    seen.add(node);
    assert.ok(Array.isArray(node) || isJsonObject(node));
    stack.push(...Object.values(node));
  }
});

test("hoisting into a root whose $defs is not an object is an error at the root's $defs", () => {
  const p = project({
    "a/v1.json": { $defs: null, properties: { m: { $ref: "../_shared/m.json" } } },
    "_shared/m.json": {},
  });
  throwsInput(() => p.load("a/v1.json"), {
    code: "schema.defs-not-object",
    file: "schemas/a/v1.json",
    pointer: "/$defs",
    line: 2,
    column: 3,
  });
});

test("sourceOf maps a pointer in the bundle back to its file, pointer and line", () => {
  const p = project({
    "a/v1.json": {
      properties: { m: { $ref: "../_shared/money.json#/$defs/Money" } },
      $defs: { Local: { type: "string" } },
    },
    "_shared/money.json": { $defs: { Money: { type: "object", properties: { amount: { type: "number" } } } } },
  });
  const mapped = loadSchemaFileMapped(p.abs("a/v1.json"), p.ctx);
  assert.deepEqual(mapped.loaded, p.load("a/v1.json"));
  assert.deepEqual(mapped.sourceOf("/$defs/Money/properties/amount/type"), {
    file: "schemas/_shared/money.json",
    pointer: "/$defs/Money/properties/amount/type",
    line: 7,
    column: 11,
  });
  assert.deepEqual(mapped.sourceOf("/$defs/Local"), {
    file: "schemas/a/v1.json",
    pointer: "/$defs/Local",
    line: 8,
    column: 5,
  });
  assert.deepEqual(mapped.sourceOf("/properties/m/$ref"), {
    file: "schemas/a/v1.json",
    pointer: "/properties/m/$ref",
    line: 4,
    column: 7,
  });
});

test("a $ref to any JSON pointer whose target is a schema is hoisted under a stable name and validates the same", () => {
  const p = project({
    "v/v1.json": {
      $ref: "#/definitions/a1/full",
      definitions: {
        a1: { full: { type: "object", properties: { b: { $ref: "#/definitions/b2/full" }, n: { $ref: "#/properties/n" } } } },
        b2: { full: { type: "string", minLength: 2 }, local: { type: "string" } },
        c3: { type: "integer" },
      },
      properties: { n: { type: "number" }, s: { $ref: "../_shared/s.json#/x-group/short" } },
    },
    "_shared/s.json": { "x-group": { short: { type: "string", maxLength: 3 }, long: { $ref: "#/x-group/short" } } },
  });
  const loaded = p.load("v/v1.json");
  assertSelfContained(loaded);
  const defs = loaded.schema["definitions"] as Record<string, unknown>;
  // Hoisted by the tokens after the last `definitions`; containers left empty are dropped, `local` stays.
  assert.deepEqual(Object.keys(defs), ["b2", "c3", "A1Full", "SXGroupShort", "B2Full"]);
  assert.equal(loaded.schema["$ref"], "#/definitions/A1Full");
  assert.deepEqual(Object.keys(defs["b2"] as object), ["local"]);
  assert.deepEqual(p.load("v/v1.json"), loaded, "names and bytes are stable");
  assertSameValidation(p, loaded, {
    valid: [{ b: "xy", n: 1, s: "abc" }, {}, { s: "" }],
    invalid: [{ b: "x" }, { n: "1" }, { s: "abcd" }, "not an object"],
  });
});

test("a $ref into a hoisted non-schema node is rewritten into the hoisted copy", () => {
  const p = project({
    "w/v1.json": {
      type: "object",
      properties: { a: { $ref: "#/definitions/g/full" }, b: { $ref: "#/definitions/g/full/properties/x" } },
      definitions: { g: { full: { type: "object", properties: { x: { type: "boolean" } } } } },
    },
  });
  const loaded = p.load("w/v1.json");
  const properties = loaded.schema["properties"] as Record<string, { $ref: string }>;
  assert.equal(properties["a"]!.$ref, "#/definitions/GFull");
  assert.equal(properties["b"]!.$ref, "#/definitions/GFull/properties/x");
  assertSameValidation(p, loaded, { valid: [{ a: { x: true }, b: false }], invalid: [{ b: 1 }, { a: { x: 1 } }] });
});
