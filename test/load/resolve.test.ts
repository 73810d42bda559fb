import { test } from "node:test";
import assert from "node:assert/strict";
import { assertSameValidation, assertSelfContained, project } from "./helpers.js";

const D2020 = "https://json-schema.org/draft/2020-12/schema";
const D07 = "http://json-schema.org/draft-07/schema#";

test("local refs to $defs and to the root stay local and validate like the original", () => {
  const p = project({
    "order/v1.json": {
      $schema: D2020,
      type: "object",
      properties: { id: { $ref: "#/$defs/Id" }, parent: { $ref: "#" } },
      required: ["id"],
      $defs: { Id: { type: "string", minLength: 1 } },
    },
  });
  const loaded = p.load("order/v1.json");
  assert.deepEqual(loaded.schema["properties"], { id: { $ref: "#/$defs/Id" }, parent: { $ref: "#" } });
  assert.deepEqual(loaded.files, ["schemas/order/v1.json"]);
  assertSelfContained(loaded);
  assertSameValidation(p, loaded, {
    valid: [{ id: "a" }, { id: "a", parent: { id: "b" } }],
    invalid: [{ id: "" }, { id: "a", parent: {} }],
  });
});

test("relative file refs into _shared are hoisted with the refs inside them rewritten", () => {
  const p = project({
    "order/v1.json": {
      $schema: D2020,
      type: "object",
      properties: {
        price: { $ref: "../_shared/money.json#/$defs/Money" },
        tax: { $ref: "../_shared/money.json#/$defs/Money" },
      },
      required: ["price"],
    },
    "_shared/money.json": {
      $defs: {
        Money: {
          type: "object",
          properties: { amount: { type: "number" }, currency: { $ref: "#/$defs/Currency" } },
          required: ["amount", "currency"],
        },
        Currency: { $ref: "currency.yaml" },
      },
    },
    "_shared/currency.yaml": "enum: [EUR, USD]\n",
  });
  const loaded = p.load("order/v1.json");
  assert.deepEqual(loaded.schema, {
    $schema: D2020,
    type: "object",
    properties: { price: { $ref: "#/$defs/Money" }, tax: { $ref: "#/$defs/Money" } },
    required: ["price"],
    $defs: {
      Money: {
        type: "object",
        properties: { amount: { type: "number" }, currency: { $ref: "#/$defs/Currency" } },
        required: ["amount", "currency"],
      },
      Currency: { $ref: "#/$defs/SharedCurrency" },
      SharedCurrency: { enum: ["EUR", "USD"] },
    },
  });
  assert.deepEqual(loaded.files, [
    "schemas/order/v1.json",
    "schemas/_shared/money.json",
    "schemas/_shared/currency.yaml",
  ]);
  assertSameValidation(p, loaded, {
    valid: [{ price: { amount: 1, currency: "EUR" } }],
    invalid: [
      { price: { amount: 1, currency: "GBP" } },
      { price: { amount: "1", currency: "EUR" } },
      { tax: { amount: 1, currency: "EUR" } },
    ],
  });
});

test("draft-07 roots hoist into definitions and referenced files without $schema inherit draft-07", () => {
  const p = project({
    "user/v1.json": {
      $schema: D07,
      type: "object",
      properties: {
        id: { $ref: "../_shared/ids.json#/definitions/Id" },
        tags: { items: [{ $ref: "#/definitions/Tag" }], additionalItems: false },
      },
      definitions: { Tag: { type: "string" } },
    },
    "_shared/ids.json": { definitions: { Id: { type: "string", pattern: "^u_" } } },
  });
  const loaded = p.load("user/v1.json");
  assert.equal(loaded.draft, "draft-07");
  assert.deepEqual(loaded.schema["definitions"], { Tag: { type: "string" }, Id: { type: "string", pattern: "^u_" } });
  assert.equal(loaded.schema["$defs"], undefined);
  assertSameValidation(p, loaded, {
    valid: [{ id: "u_1", tags: ["x"] }],
    invalid: [{ id: "x" }, { tags: [1] }, { tags: ["a", "b"] }],
  });
});

test("$id-based refs resolve to nodes in the same file and in other loaded files", () => {
  const p = project({
    "order/v1.json": {
      type: "object",
      properties: {
        address: { $ref: "https://example.com/schemas/address" },
        item: { $ref: "item.json" },
        itemName: { $ref: "item.json#/properties/name" },
        currency: { $ref: "urn:example:currency" },
        money: { $ref: "../_shared/money.json" },
      },
      $defs: {
        Address: {
          $id: "https://example.com/schemas/address",
          type: "object",
          properties: { zip: { type: "string" } },
          required: ["zip"],
        },
        Item: { $id: "item.json", type: "object", properties: { name: { type: "string" } } },
      },
    },
    "_shared/money.json": {
      type: "number",
      $defs: { Currency: { $id: "urn:example:currency", enum: ["EUR"] } },
    },
  });
  const loaded = p.load("order/v1.json");
  assert.deepEqual(loaded.schema["properties"], {
    address: { $ref: "#/$defs/Address" },
    item: { $ref: "#/$defs/Item" },
    itemName: { $ref: "#/$defs/Item/properties/name" },
    currency: { $ref: "#/$defs/Currency" },
    money: { $ref: "#/$defs/Money" },
  });
  assertSelfContained(loaded);
  assertSameValidation(p, loaded, {
    valid: [{ address: { zip: "1" }, item: { name: "x" }, itemName: "y", currency: "EUR", money: 1 }],
    invalid: [{ address: {} }, { item: { name: 1 } }, { itemName: 2 }, { currency: "USD" }, { money: "1" }],
  });
});

test("a $ref inside a subschema with $id resolves against that $id", () => {
  const p = project({
    "order/v1.json": {
      properties: { line: { $ref: "#/$defs/Line" } },
      $defs: {
        Line: {
          $id: "lines/line.json",
          type: "object",
          properties: { qty: { $ref: "#/$defs/Qty" }, sku: { $ref: "../../_shared/sku.json" } },
          $defs: { Qty: { type: "integer", minimum: 1 } },
        },
      },
    },
    "_shared/sku.json": { type: "string", pattern: "^[A-Z]+$" },
  });
  const loaded = p.load("order/v1.json");
  const line = (loaded.schema["$defs"] as Record<string, Record<string, unknown>>)["Line"]!;
  assert.deepEqual(line["properties"], { qty: { $ref: "#/$defs/Line/$defs/Qty" }, sku: { $ref: "#/$defs/Sku" } });
  assert.equal(line["$id"], undefined);
  assertSameValidation(p, loaded, {
    valid: [{ line: { qty: 1, sku: "AB" } }],
    invalid: [{ line: { qty: 0 } }, { line: { sku: "ab" } }],
  });
});

test("anchors resolve: $anchor locally and across files, and draft-07 $id '#name'", () => {
  const p = project({
    "a/v1.json": {
      properties: { street: { $ref: "#street" }, money: { $ref: "../_shared/money.json#amount" } },
      $defs: { Street: { $anchor: "street", type: "string" } },
    },
    "_shared/money.json": { $defs: { Amount: { $anchor: "amount", type: "number" } } },
    "b/v1.json": {
      $schema: D07,
      properties: { code: { $ref: "#code" } },
      definitions: { Code: { $id: "#code", type: "string", maxLength: 3 } },
    },
  });
  const a = p.load("a/v1.json");
  assert.deepEqual(a.schema["properties"], { street: { $ref: "#/$defs/Street" }, money: { $ref: "#/$defs/Amount" } });
  assertSameValidation(p, a, { valid: [{ street: "x", money: 1 }], invalid: [{ street: 1 }, { money: "1" }] });
  const b = p.load("b/v1.json");
  assert.deepEqual(b.schema["properties"], { code: { $ref: "#/definitions/Code" } });
  assertSameValidation(p, b, { valid: [{ code: "abc" }], invalid: [{ code: "abcd" }] });
});

test("recursive schemas: self, mutual and across files terminate and validate like the original", () => {
  const p = project({
    "tree/v1.json": {
      type: "object",
      properties: {
        root: { $ref: "#/$defs/Node" },
        expr: { $ref: "#/$defs/Expr" },
        doc: { $ref: "../_shared/section.json" },
      },
      $defs: {
        Node: { type: "object", properties: { children: { type: "array", items: { $ref: "#/$defs/Node" } } } },
        Expr: { anyOf: [{ type: "number" }, { $ref: "#/$defs/Sum" }] },
        Sum: {
          type: "object",
          properties: { terms: { type: "array", items: { $ref: "#/$defs/Expr" } } },
          required: ["terms"],
        },
      },
    },
    "_shared/section.json": {
      type: "object",
      properties: { paragraphs: { type: "array", items: { $ref: "paragraph.json" } } },
    },
    "_shared/paragraph.json": {
      type: "object",
      properties: {
        text: { type: "string" },
        subsections: { type: "array", items: { $ref: "section.json" } },
        tree: { $ref: "../tree/v1.json#/$defs/Node" },
      },
    },
  });
  const loaded = p.load("tree/v1.json");
  assert.deepEqual(Object.keys(loaded.schema["$defs"] as object), ["Node", "Expr", "Sum", "Section", "Paragraph"]);
  assertSelfContained(loaded);
  const deep = {
    paragraphs: [{ text: "a", subsections: [{ paragraphs: [{ text: "b", tree: { children: [{ children: [] }] } }] }] }],
  };
  assertSameValidation(p, loaded, {
    valid: [{ root: { children: [{ children: [] }] }, expr: { terms: [1, { terms: [2] }] }, doc: deep }],
    invalid: [
      { root: { children: [{ children: [1] }] } },
      { expr: { terms: [1, { terms: ["x"] }] } },
      { doc: { paragraphs: [{ subsections: [{ paragraphs: [{ text: 1 }] }] }] } },
      { doc: { paragraphs: [{ tree: { children: 1 } }] } },
    ],
  });
});

test("YAML schemas reference and are referenced like JSON ones", () => {
  const p = project({
    "ticket/v1.yaml":
      "type: object\nproperties:\n  status:\n    $ref: '../_shared/status.yml#/$defs/Status'\n  owner:\n    $ref: ../_shared/user.json\n",
    "_shared/status.yml": "$defs:\n  Status:\n    enum: [open, closed]\n",
    "_shared/user.json": { type: "string" },
  });
  const loaded = p.load("ticket/v1.yaml");
  assert.deepEqual(loaded.schema, {
    type: "object",
    properties: { status: { $ref: "#/$defs/Status" }, owner: { $ref: "#/$defs/User" } },
    $defs: { Status: { enum: ["open", "closed"] }, User: { type: "string" } },
  });
  assertSameValidation(p, loaded, {
    valid: [{ status: "open", owner: "me" }],
    invalid: [{ status: "new" }, { owner: 1 }],
  });
});

test("a property named $ref and $ref inside enum, const, default and examples are data, not references", () => {
  const data = { $ref: "https://example.com/not-fetched" };
  const schema = {
    type: "object",
    properties: {
      $ref: { type: "string" },
      e: { enum: [data] },
      c: { const: data },
      d: { default: data, examples: [data] },
    },
    "x-extension": { $ref: "../../../etc/passwd" },
  };
  const p = project({ "odd/v1.json": schema });
  const loaded = p.load("odd/v1.json");
  assert.deepEqual(loaded.schema, schema);
  assertSameValidation(p, loaded, { valid: [{ $ref: "x", e: data, c: data }], invalid: [{ $ref: 1 }, { e: {} }] });
});

test("boolean schemas are allowed at any schema position and as referenced files", () => {
  const p = project({
    "b/v1.json": {
      properties: { any: true, none: false, t: { $ref: "../_shared/yes.json" } },
      additionalProperties: { $ref: "#/properties/none" },
    },
    "_shared/yes.json": "true",
  });
  const loaded = p.load("b/v1.json");
  assert.deepEqual(loaded.schema["$defs"], { Yes: true });
  assertSameValidation(p, loaded, { valid: [{ any: 1, t: 2 }], invalid: [{ none: 1 }, { other: 1 }] });
});
