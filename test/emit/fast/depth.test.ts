/**
 * The fast path's answers besides true and false: undefined past the `$ref` depth bound (never a throw or a stack
 * overflow), and always undefined for a schema it does not cover; and what `is…`/`parse…` then do.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_REF_DEPTH } from "../../../src/emit/fast/context.js";
import { emitFast } from "../../../src/emit/fast/index.js";
import { emitValidator } from "../../../src/emit/validators/index.js";
import type { JsonObject } from "../../../src/ir/json.js";
import { loadModule } from "./load.js";

const tree: JsonObject = {
  $defs: { node: { type: "object", required: ["children"], properties: { children: { type: "array", items: { $ref: "#/$defs/node" } } }, additionalProperties: false } },
  $ref: "#/$defs/node",
};

function nested(depth: number): unknown {
  let value: unknown = { children: [] };
  for (let i = 0; i < depth; i++) value = { children: [value] };
  return value;
}

test("fast path › recursion within the bound answers true or false like ajv", async () => {
  const module = await loadModule(emitValidator({ schema: tree, draft: "2020-12" }));
  assert.equal(module.validateFast(nested(MAX_REF_DEPTH - 2)), true);
  assert.equal(module.validateFast({ children: [{ children: [{ children: 1 }] }] }), false);
  assert.equal(module.validateFast({ children: [], extra: 1 }), false);
});

test("fast path › recursion past the bound answers undefined without throwing, and the next call starts afresh", async () => {
  const module = await loadModule(emitValidator({ schema: tree, draft: "2020-12" }));
  assert.equal(module.validateFast(nested(MAX_REF_DEPTH + 1)), undefined);
  assert.doesNotThrow(() => module.validateFast(nested(200_000)));
  assert.equal(module.validateFast(nested(200_000)), undefined);
  assert.equal(module.validateFast(nested(3)), true, "the deep flag of the previous call must not leak");
});

test("fast path › a schema without recursion needs no depth tracking", () => {
  const result = emitFast({ schema: { type: "object", properties: { a: { $ref: "#/$defs/a" } }, $defs: { a: { type: "string" } } }, draft: "2020-12" });
  assert.equal(result.kind, "fast");
  assert.doesNotMatch(result.kind === "fast" ? result.code : "", /fastDeep/);
});

test("fast path › a schema it does not cover says which feature, and its module always answers undefined", async () => {
  const schema: JsonObject = { type: "object", allOf: [{ properties: { a: { type: "string" } } }], unevaluatedProperties: false };
  const result = emitFast({ schema, draft: "2020-12" });
  assert.deepEqual(result, { kind: "unsupported", feature: "`unevaluatedProperties` beside `allOf`" });
  const module = await loadModule(emitValidator({ schema, draft: "2020-12" }));
  assert.equal(module.validateFast({ a: "x" }), undefined);
  assert.equal(module.validateFirst({ a: "x" }), true);
  assert.equal(module.validateFirst({ a: "x", b: 1 }), false);
});

test("fast path › schema text reaches the code only as literals", async () => {
  const hostile = '"); throw 1; ("*/';
  const schema: JsonObject = {
    type: "object",
    required: [hostile],
    properties: { [hostile]: { type: "string", const: hostile, pattern: hostile.replace(/[()*]/g, "\\$&") } },
    additionalProperties: false,
  };
  const module = await loadModule(emitValidator({ schema, draft: "2020-12" }));
  assert.equal(module.validateFast({ [hostile]: hostile }), true);
  assert.equal(module.validateFast({ [hostile]: "x" }), false);
});
