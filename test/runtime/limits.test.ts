import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_MAX_DEPTH, depthError, stackTooDeep, thrownError } from "../../src/runtime/runtime.js";
import { contractOf, deepArrayText, deepValue } from "../hostile/validators.js";

const recursive = { $schema: "https://json-schema.org/draft/2020-12/schema", type: "array", items: { $ref: "#" } };

test("limits › depthError counts levels of arrays and objects and names the path where the limit is crossed", () => {
  assert.equal(depthError(1, 0), undefined, "a scalar has no depth");
  assert.equal(depthError([[]], 2), undefined);
  const e = depthError([0, { a: [[]] }], 3);
  assert.equal(e?.code, "json.too_deep");
  assert.equal(e?.instancePath, "/1/a/0");
  assert.equal(e?.limit, 3);
  assert.equal(depthError({ "a/b": { "~": {} } }, 2)?.instancePath, "/a~1b/~0");
});

test("limits › depthError never throws: a value that cannot be walked is value.unreadable, the limit of 0 still too deep", () => {
  const getter = { a: { get b() { throw new Error("boom"); } } };
  assert.deepEqual(depthError(getter, 5), thrownError(new Error("boom"), 5));
  assert.equal(depthError(getter, 5)?.code, "value.unreadable");
  const keys = new Proxy({}, { ownKeys: () => { throw new TypeError("no keys"); } });
  assert.equal(depthError({ x: keys }, 5)?.code, "value.unreadable");
  assert.equal(depthError({}, 0)?.code, "json.too_deep");
  assert.equal(depthError({}, 0)?.instancePath, "");
});

test("limits › a cyclic value is too deep, not an endless walk", () => {
  const cycle: { self?: unknown } = {};
  cycle.self = cycle;
  assert.equal(depthError(cycle, 50)?.code, "json.too_deep");
});

test("limits › is, parse and parseText classify 100,000 levels as json.too_deep with the limit, never throw", async () => {
  const c = await contractOf(recursive);
  const value = deepValue(100_000, "array");
  assert.equal(c.is(value), false);
  const parsed = c.parse(value);
  assert.equal(parsed.ok, false);
  if (!parsed.ok) {
    assert.deepEqual(parsed.errors.map((e) => [e.code, e.limit]), [["json.too_deep", DEFAULT_MAX_DEPTH]]);
    assert.equal(parsed.errors[0]!.instancePath, "/0".repeat(DEFAULT_MAX_DEPTH));
  }
  const text = c.parseText(deepArrayText(100_000));
  assert.equal(!text.ok && text.errors[0]!.code, "json.too_deep");
  // Just within the limit the value is validated as usual.
  assert.equal(c.is(deepValue(DEFAULT_MAX_DEPTH, "array")), true);
  assert.equal(c.parse(deepValue(DEFAULT_MAX_DEPTH + 1, "array")).ok, false);
});

test("limits › maxDepth is a per-call option; a limit past the stack still never throws", async () => {
  const c = await contractOf(recursive);
  const value = deepValue(20, "array");
  assert.equal(c.is(value, { maxDepth: 10 }), false);
  assert.equal(c.is(value, { maxDepth: 20 }), true);
  const r = c.parse(value, { maxDepth: 10 });
  assert.equal(!r.ok && r.errors[0]!.limit, 10);
  // With the limit raised beyond what the stack holds, the stack overflow itself is classified.
  const huge = deepValue(200_000, "array");
  const over = c.parse(huge, { maxDepth: 1_000_000 });
  assert.equal(!over.ok && over.errors[0]!.code, "json.too_deep");
  assert.equal(c.is(huge, { maxDepth: 1_000_000 }), false);
});

test("limits › parse stops at maxErrors and marks the result cut; fewer errors are not cut", async () => {
  const c = await contractOf({ type: "object", properties: { n: { type: "integer" }, xs: { type: "array", items: { type: "string" } } } });
  const many = { n: 1, xs: new Array<number>(100_000).fill(1) };
  const r = c.parse(many);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.errors.length, 100);
    assert.equal(r.cut, true);
    assert.deepEqual(r.errors.slice(0, 2).map((e) => e.instancePath), ["/xs/0", "/xs/1"]);
  }
  const five = c.parse(many, { maxErrors: 5 });
  assert.equal(!five.ok && five.errors.length, 5);
  // Not a number (NaN, from a config read as text) or 0 is the default cap, not no cap; below 0 is 1.
  for (const [maxErrors, want] of [[Number.NaN, 100], [0, 100], [-3, 1]] as const) {
    const capped = c.parse(many, { maxErrors });
    assert.equal(!capped.ok && capped.errors.length, want, `maxErrors ${maxErrors}`);
  }
  const few = c.parse({ n: 1, xs: [1, 2] });
  assert.equal(!few.ok && few.errors.length, 2);
  assert.equal(!few.ok && few.cut, undefined);
  // The raw validator, called without a limit, still lists every error as ajv does.
  assert.equal(c.validate(many), false);
  assert.equal(c.validate.errors?.length, 100_000);
});

test("limits › stopping early never rejects a value an anyOf branch accepts", async () => {
  // The first branch fails on every item (more errors than the limit), the second accepts them all.
  const c = await contractOf({ anyOf: [{ type: "array", items: { type: "string" } }, { type: "array", items: { type: "integer" } }] });
  const value = new Array<number>(1000).fill(7);
  assert.equal(c.parse(value, { maxErrors: 3 }).ok, true);
  assert.equal(c.is(value), true);
  const bad = c.parse([...value, "x", 1.5], { maxErrors: 3 });
  assert.equal(!bad.ok && bad.errors.length <= 3, true);
});

test("limits › a value whose getter throws is classified value.unreadable, not thrown", async () => {
  const c = await contractOf({ type: "object", properties: { a: { type: "string" } } });
  const hostile = Object.defineProperty({}, "a", { enumerable: true, get: () => { throw new Error("boom"); } });
  const r = c.parse(hostile);
  assert.equal(!r.ok && r.errors[0]!.code, "value.unreadable");
  assert.equal(c.is(hostile), false);
});

test("limits › what a getter throws cannot escape either: a throwing prototype trap, message getter or toString", async () => {
  class Unreadable extends Error {
    override get message(): string {
      throw new Error("message getter");
    }
  }
  const badToString = Object.defineProperty(new Error("x"), "message", { value: { toString: () => { throw new Error("toString"); } } });
  const trap = new Proxy({}, { getPrototypeOf: () => { throw new Error("trap"); } });
  const c = await contractOf({ type: "object", properties: { a: { type: "string" } } });
  for (const thrown of [trap, new Unreadable(), badToString]) {
    assert.deepEqual(thrownError(thrown, 5), { code: "value.unreadable", instancePath: "", schemaPath: "", message: "reading the value threw (object): pass plain JSON data" });
    const hostile = Object.defineProperty({}, "a", { enumerable: true, get: () => { throw thrown; } });
    const r = c.parse(hostile);
    assert.equal(!r.ok && r.errors[0]!.code, "value.unreadable");
    assert.equal(c.is(hostile), false);
  }
  // An ordinary exception keeps its message; a thrown string is named by its type.
  assert.equal(thrownError(new TypeError("revoked"), 5).message, "reading the value threw (revoked): pass plain JSON data");
  assert.equal(thrownError("boom", 5).message, "reading the value threw (string): pass plain JSON data");
  assert.equal(thrownError(new RangeError("stack"), 5).code, "json.too_deep");
  // The copy generated validators carry for a `$ref` cycle (src/emit/fast/cycles.ts) is this very error.
  for (const limit of [5, 1000]) assert.deepEqual(JSON.stringify(stackTooDeep(limit)), JSON.stringify(thrownError(new RangeError("stack"), limit)));
});

test("limits › parseText refuses text nested too deep before parsing it, with the place of the bracket", async () => {
  const c = await contractOf(recursive);
  const r = c.parseText(`\n ${deepArrayText(5000)}`, { maxDepth: 100 });
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual([r.errors[0]!.code, r.errors[0]!.limit, r.errors[0]!.line, r.errors[0]!.column], ["json.too_deep", 100, 2, 102]);
  // Brackets inside strings are text, not nesting.
  assert.equal(c.parseText(`["${"[".repeat(5000)}"]`, { maxDepth: 2 }).ok, false, "a string is not an array of arrays");
  const s = c.parseText(`[["${"[".repeat(5000)}"]]`, { maxDepth: 2 });
  assert.equal(!s.ok && s.errors[0]!.code, "schema.type");
});

test("limits › the limit never stops inside a not/if test: no placeholder {} is listed as an error of the value", async () => {
  // ajv counts the errors a `not` or `if` test would discard, as `{}`; the cap can fire in the middle of that test
  // (here the anyOf inside it fails twice). propertyNames keeps ajv's all-errors code (our collector counts no such error).
  const test = { properties: { b: { anyOf: [{ type: "string" }, { type: "boolean" }] } } };
  for (const schema of [
    { type: "object", propertyNames: { maxLength: 9 }, properties: { a: { type: "string" } }, not: test },
    { type: "object", propertyNames: { maxLength: 9 }, properties: { a: { type: "string" } }, if: test, then: { required: ["z"] } },
  ]) {
    const c = await contractOf(schema);
    for (const maxErrors of [1, 2, 100]) {
      const r = c.parse({ a: 1, b: 1 }, { maxErrors });
      assert.deepEqual(r, { ok: false, errors: [{ code: "schema.type", instancePath: "/a", schemaPath: "#/properties/a/type", message: "/a must be of type string" }] }, `maxErrors ${maxErrors}`);
    }
  }
});

test("limits › an array with holes (only JavaScript callers make one) is value.unreadable at once, not walked index by index", async () => {
  // A hole at the front, holes behind the items, a hole deep inside: JSON arrays never have one, and a length of
  // 2^32 - 1 with one item would be walked four billion times.
  const front: unknown[] = [];
  front[999_999] = "x";
  const behind = ["a", "b"];
  behind.length = 1_000_000;
  const inside = [["a", , "c"]]; // eslint-disable-line no-sparse-arrays
  const schemas = [
    { type: "array", items: { type: "string" } },
    { type: "array", uniqueItems: true },
    { type: "array", items: { not: { type: "number" } } },
    { type: "array", items: { type: "array", items: { type: "string" } } },
  ];
  for (const schema of schemas) {
    const c = await contractOf(schema);
    for (const [name, value] of [["front", front], ["behind", behind], ["inside", inside]] as const) {
      if (name === "inside" && schema.items?.type !== "array") continue;
      const r = c.parse(value);
      assert.equal(r.ok, false, `${JSON.stringify(schema)} ${name}`);
      if (!r.ok) {
        assert.equal(r.errors[0]!.code, "value.unreadable", `${JSON.stringify(schema)} ${name}`);
        assert.match(r.errors[0]!.message, /^reading the value threw \(sparse array\): pass plain JSON data$/);
      }
      assert.equal(c.is(value), false, `${JSON.stringify(schema)} ${name}`);
    }
  }
  // An explicit undefined is no hole: an ordinary value of the wrong type, reported by the schema.
  const c = await contractOf({ type: "array", items: { type: "string" } });
  const r = c.parse(["a", undefined]);
  assert.equal(!r.ok && r.errors[0]!.code, "schema.type");
});
