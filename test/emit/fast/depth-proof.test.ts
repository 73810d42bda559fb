/**
 * The fast path's depth proof (src/emit/fast/depth.ts): how deeply a schema's accepted values can nest, read from
 * the schema; no walk over a valid value when the schema bounds it; a walk of the value where it does not; and
 * `is…`/`parse…` still refusing values nested past `maxDepth` either way.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { FastContext } from "../../../src/emit/fast/context.js";
import { depthBound } from "../../../src/emit/fast/depth.js";
import { emitFast } from "../../../src/emit/fast/index.js";
import { emitChecks } from "../../../src/emit/fast/schema.js";
import { emitValidator } from "../../../src/emit/validators/index.js";
import { draftFacts } from "../../../src/ir/drafts.js";
import type { Draft, JsonObject, JsonValue } from "../../../src/ir/json.js";
import { runValidator } from "../../../src/runtime/errors.js";
import { isValidFast } from "../../../src/runtime/limits.js";
import type { RawValidator } from "../../../src/runtime/types.js";
import { loadModule } from "./load.js";

function boundOf(schema: JsonValue, draft: Draft = "2020-12"): number {
  const root = typeof schema === "boolean" ? schema : (schema as JsonObject);
  return depthBound(new FastContext(root, draftFacts(draft).ajvClass, {}, emitChecks), schema);
}

const closed = (properties: JsonObject): JsonObject => ({ type: "object", properties, additionalProperties: false });

test("fast path › depth bound of a schema, read from the schema alone", () => {
  const cases: [string, JsonValue, number, Draft?][] = [
    ["a scalar type", { type: "string" }, 0],
    ["false accepts nothing", false, 0],
    ["true accepts anything", true, Infinity],
    ["an object without additionalProperties is open", { type: "object", properties: { a: { type: "string" } } }, Infinity],
    ["a closed object of scalars", closed({ a: { type: "string" }, b: { type: "integer" } }), 1],
    ["a closed object holding an array of closed objects", closed({ a: { type: "array", items: closed({ b: { type: "null" } }) } }), 3],
    ["additionalProperties as a schema counts", { type: "object", additionalProperties: { type: "array", items: { type: "number" } } }, 2],
    ["patternProperties count", { type: "object", patternProperties: { "^x": closed({}) }, additionalProperties: false }, 2],
    ["an array without items is open", { type: "array" }, Infinity],
    ["maxItems 0 bounds an open array", { type: "array", maxItems: 0 }, 1],
    ["maxProperties 0 bounds an open object", { type: "object", maxProperties: 0 }, 1],
    ["2020-12 prefixItems with maxItems leaves no rest", { type: "array", prefixItems: [{ type: "array", items: false }], maxItems: 1 }, 2],
    ["draft-07 tuple items with additionalItems", { type: "array", items: [{ type: "string" }], additionalItems: { type: "array", items: { type: "string" } } }, 2, "draft-07"],
    ["draft-07 tuple items without additionalItems is open", { type: "array", items: [{ type: "string" }] }, Infinity, "draft-07"],
    ["enum of literals", { enum: ["a", [1, [2]], { k: {} }] }, 2],
    ["const literal", { const: [[[]]] }, 3],
    ["anyOf: the deepest branch", { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] }, 1],
    ["anyOf with one open branch is open", { anyOf: [{ type: "string" }, {}] }, Infinity],
    ["allOf: the tightest conjunct", { allOf: [{}, { type: "integer" }] }, 0],
    ["a non-recursive $ref", { $ref: "#/$defs/a", $defs: { a: closed({ b: { type: "boolean" } }) } }, 1],
    // 128 (MAX_REF_DEPTH) recursive calls of 2 levels each: past them the fast path cannot answer true.
    ["a recursive $ref, bounded by the fast path's own $ref limit", { $ref: "#/$defs/n", $defs: { n: closed({ c: { type: "array", items: { $ref: "#/$defs/n" } } }) } }, 256],
    ["an array of itself: the root plus 128 recursive calls", { type: "array", items: { $ref: "#" } }, 129],
    ["a recursive $ref in an open object is open", { type: "object", properties: { c: { $ref: "#" } } }, Infinity],
    ["type without object or array makes their keywords moot", { type: ["string", "null"], properties: { a: {} } }, 0],
  ];
  for (const [name, schema, want, draft] of cases) assert.equal(boundOf(schema, draft), want, name);
});

test("fast path › a bounded schema's fast path carries no walk; an unbounded one walks the value", () => {
  const bounded = emitFast({ schema: closed({ a: closed({ b: { type: "string" } }) }), draft: "2020-12" });
  assert.equal(bounded.kind, "fast");
  const code = bounded.kind === "fast" ? bounded.code : "";
  assert.match(code, /if \(limit < 2\) return undefined;/);
  assert.doesNotMatch(code, /llmcWithinDepth/);
  const open = emitFast({ schema: { type: "object", properties: { a: { type: "string" } } }, draft: "2020-12" });
  assert.match(open.kind === "fast" ? open.code : "", /llmcWithinDepth\(data, limit\)/);
});

test("fast path › a list of 200,000 enum members or anyOf branches still bounds the depth", () => {
  // Once read with `Math.max(...list)`: past V8's limit on arguments the RangeError gave up the whole bound.
  const many = (n: number): JsonValue[] => Array.from({ length: n }, (_, i) => [`c${i}`]);
  assert.equal(boundOf(closed({ a: { enum: many(200_000) } })), 2);
  assert.equal(boundOf(closed({ a: { anyOf: Array.from({ length: 200_000 }, (_, i) => ({ const: i })) } })), 1);
  assert.equal(boundOf({ type: "array", prefixItems: many(200_000).map((v) => ({ const: v })), items: false }, "2020-12"), 2);
});

function nestedArrays(levels: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < levels; i++) value = [value];
  return value;
}

async function guards(schema: JsonObject) {
  const module = await loadModule(emitValidator({ schema, draft: "2020-12" }));
  const all = module.validate as unknown as RawValidator;
  const first = module.validateFirst as unknown as RawValidator;
  return {
    module,
    is: (value: unknown, maxDepth?: number) => isValidFast(module.validateFast, first, value, maxDepth === undefined ? undefined : { maxDepth }),
    parse: (value: unknown, maxDepth?: number) => runValidator(all, value, maxDepth === undefined ? undefined : { maxDepth }, first, module.validateFast),
  };
}

test("fast path › bounded schema: a small maxDepth below the bound still refuses, through the safe path", async () => {
  const g = await guards(closed({ a: closed({ b: { type: "string" } }) }));
  const value = { a: { b: "x" } };
  assert.equal(g.module.validateFast(value, 1000), true);
  assert.equal(g.module.validateFast(value, 1), undefined, "a bound above the limit proves nothing");
  assert.equal(g.is(value), true);
  assert.equal(g.is(value, 1), false);
  assert.equal(g.is(value, 2), true);
  const parsed = g.parse(value, 1);
  assert.equal(parsed.ok, false);
  assert.equal(parsed.ok ? "" : parsed.errors[0]!.code, "json.too_deep");
});

test("fast path › open schema: a valid value nested past maxDepth is refused by is… and parse…, never thrown on", async () => {
  const g = await guards({ type: "object", properties: { a: { type: "string" } } });
  const deep = { extra: nestedArrays(5000) };
  assert.equal(g.module.validateFast(deep, 1000), undefined);
  assert.equal(g.module.validateFast({ extra: nestedArrays(10) }, 1000), true);
  assert.equal(g.is(deep), false);
  const parsed = g.parse(deep);
  assert.equal(parsed.ok ? "" : parsed.errors[0]!.code, "json.too_deep");
  const cyclic: Record<string, unknown> = { a: "x" };
  cyclic["self"] = cyclic;
  assert.equal(g.module.validateFast(cyclic, 1000), undefined, "a cycle is infinitely deep");
  assert.equal(g.is(cyclic), false);
  assert.equal(g.parse({ a: "x", extra: nestedArrays(3) }).ok, true);
});

test("fast path › recursive schema: no walk, past maxDepth refused, past the $ref bound the safe path answers", async () => {
  const tree: JsonObject = { $ref: "#/$defs/n", $defs: { n: { type: "array", items: { $ref: "#/$defs/n" } } } };
  const code = emitFast({ schema: tree, draft: "2020-12" });
  assert.match(code.kind === "fast" ? code.code : "", /if \(limit < 128\) return undefined;/);
  assert.doesNotMatch(code.kind === "fast" ? code.code : "", /llmcWithinDepth/);
  const g = await guards(tree);
  assert.equal(g.module.validateFast(nestedArrays(128), 1000), true);
  assert.equal(g.module.validateFast(nestedArrays(129), 1000), undefined);
  assert.equal(g.is(nestedArrays(300)), true, "within maxDepth, past the fast path's bound: ajv's code decides");
  assert.equal(g.is(nestedArrays(1001)), false);
  assert.equal(g.module.validateFast(nestedArrays(20), 10), undefined);
  assert.equal(g.is(nestedArrays(20), 10), false);
  assert.equal(g.is(nestedArrays(10), 10), true);
  const parsed = g.parse(nestedArrays(20), 10);
  assert.equal(parsed.ok ? "" : parsed.errors[0]!.code, "json.too_deep");
});
