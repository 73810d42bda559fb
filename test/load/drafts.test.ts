import { test } from "node:test";
import assert from "node:assert/strict";
import { assertSameValidation, assertSelfContained, keyPaths, project, throwsInput } from "./helpers.js";

const D04 = "http://json-schema.org/draft-04/schema#";
const D06 = "http://json-schema.org/draft-06/schema#";

test("draft-04: `id` sets the base and names `#anchor`s; the bundle hoists into `definitions` and drops every `id`", () => {
  const p = project({
    "order/v1.json": {
      $schema: D04,
      type: "object",
      properties: {
        // Resolved against the `id` of the definition it sits in: `../_shared/money.json` from `items/`.
        price: { $ref: "#/definitions/Item/properties/price" },
        code: { $ref: "#code" },
        // `id` as a property name is data, not an identifier.
        id: { type: "integer" },
      },
      required: ["price", "id"],
      definitions: {
        Item: { id: "items/item.json", type: "object", properties: { price: { $ref: "../../_shared/money.json" } } },
        Code: { id: "#code", type: "string", pattern: "^[A-Z]+$" },
      },
    },
    "_shared/money.json": {
      $schema: D04,
      type: "object",
      properties: { amount: { type: "number", minimum: 0, exclusiveMinimum: true } },
      required: ["amount"],
    },
  });
  const loaded = p.load("order/v1.json");
  assert.equal(loaded.draft, "draft-04");
  assertSelfContained(loaded);
  assert.deepEqual(loaded.schema["properties"], {
    price: { $ref: "#/definitions/Item/properties/price" },
    code: { $ref: "#/definitions/Code" },
    id: { type: "integer" },
  });
  assert.deepEqual(Object.keys(loaded.schema["definitions"] as object), ["Item", "Code", "Money"]);
  assert.deepEqual(keyPaths(loaded.schema, ["$defs"]), []);
  // Only the property named `id` is left: every identifier `id` is gone.
  assert.deepEqual(keyPaths(loaded.schema, ["id"]), ["/properties/id"]);
  assertSameValidation(p, loaded, {
    valid: [{ price: { amount: 1 }, id: 1 }, { price: { amount: 0.5 }, id: 2, code: "AB" }],
    invalid: [{ price: { amount: 0 }, id: 1 }, { price: {}, id: 1 }, { price: { amount: 1 }, id: 1, code: "ab" }],
  });
});

test("draft-04: `$id` is not an identifier there, so a ref to it does not resolve", () => {
  const p = project({
    "a/v1.json": {
      $schema: D04,
      properties: { x: { $ref: "thing.json" } },
      definitions: { Thing: { $id: "thing.json", type: "string" } },
    },
  });
  throwsInput(() => p.load("a/v1.json"), { code: "ref.unresolvable", pointer: "/properties/x/$ref" });
});

test("draft-06: `$id` is the identifier and `id` is not", () => {
  const p = project({
    "a/v1.json": {
      $schema: D06,
      properties: { x: { $ref: "thing.json" } },
      definitions: { Thing: { $id: "thing.json", type: "string" } },
    },
    "b/v1.json": {
      $schema: D06,
      properties: { x: { $ref: "other.json" } },
      definitions: { Other: { id: "other.json", type: "string" } },
    },
  });
  const loaded = p.load("a/v1.json");
  assert.equal(loaded.draft, "draft-06");
  assert.deepEqual(loaded.schema["properties"], { x: { $ref: "#/definitions/Thing" } });
  assert.deepEqual(keyPaths(loaded.schema, ["$id"]), []);
  throwsInput(() => p.load("b/v1.json"), { code: "ref.unresolvable", pointer: "/properties/x/$ref" });
});

test("draft-04 and draft-06 files cannot be mixed with other drafts in one bundle", () => {
  const p = project({
    "a/v1.json": { $schema: D04, properties: { x: { $ref: "../_shared/six.json" } } },
    "_shared/six.json": { $schema: D06, type: "string" },
  });
  throwsInput(() => p.load("a/v1.json"), { code: "schema.draft-mismatch", file: "schemas/_shared/six.json", pointer: "/$schema" });
});
