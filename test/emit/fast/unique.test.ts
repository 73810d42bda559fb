/**
 * `uniqueItems` on items typed as scalars (src/emit/fast/arrays.ts): the fast path scans up to 16 items pair by
 * pair and longer arrays with a `Set`; the all-errors collector walks ajv's index map. Arrays on both sides of 16,
 * duplicates first, last and across types (`1` and `"1"`, `null` and `"null"`), prototype names as values: the
 * fast path's answer, the all-errors answer and the error list are ajv's. Not `"__proto__"` twice: ajv's index
 * map (a plain object) misses that duplicate; the fast path and the all-errors collector find it (a known
 * difference, at any length, tested below).
 *
 * Deep equality (items not typed as scalars): ajv compares every pair from the end, quadratic (40,000 small
 * objects took 26 s); past 16 items the generated scans start at the first equal pair, found by item keys
 * (`llmcSeekDuplicate`), and must still report ajv's pair.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject } from "../../../src/ir/json.js";
import { pair, type AjvError } from "./load.js";
import { random } from "../validators/corpus.js";
import { llmcEqual, llmcSeekDuplicate } from "../../../src/emit/validators/runtime.js";

const SCHEMAS: JsonObject[] = [
  { type: "array", items: { type: "string" }, uniqueItems: true },
  { type: "array", items: { type: "integer" }, uniqueItems: true },
  { type: "array", items: { type: ["integer", "string"] }, uniqueItems: true },
  { type: "array", items: { type: ["string", "null", "boolean", "number"] }, uniqueItems: true },
  { type: "array", prefixItems: [{ type: "string" }, { type: "null" }], items: { type: "integer" }, uniqueItems: true },
];

/** `n` distinct values of several types (strings that read like the numbers, booleans and null among them). */
function distinct(n: number): unknown[] {
  const pool: unknown[] = ["a", "1", "null", "true", "toString", "constructor", 1, 2.5, -3, null, true, false];
  return Array.from({ length: n }, (_, i) => (i < pool.length ? pool[i] : i % 2 === 0 ? `s${i}` : 100 + i));
}

function values(): unknown[] {
  const out: unknown[] = [[], ["x"]];
  for (const n of [2, 15, 16, 17, 40]) {
    const list = distinct(n);
    out.push(list, list.map(String), list.map((_, i) => i), ["x", null, ...list.slice(2).map((_, i) => i)]);
    for (const [at, from] of [[n - 1, 0], [n - 1, n - 2], [1, 0], [Math.floor(n / 2), n - 1]] as const) {
      for (const base of [list, list.map(String), list.map((_, i) => i)]) {
        const copy = [...base];
        copy[at] = copy[from];
        out.push(copy);
      }
    }
  }
  out.push(Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? "dup" : `k${i}`)));
  return out;
}

test("unique items › short and long arrays of scalars answer and list errors as ajv does", async () => {
  const strip = (errors: readonly { instancePath: string; schemaPath: string; keyword: string; params: unknown }[]) =>
    errors.map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
  let duplicates = 0;
  for (const schema of SCHEMAS) {
    const both = await pair(schema, "2020-12");
    assert.ok(both !== undefined, JSON.stringify(schema));
    assert.doesNotMatch(both.code, /The fast path does not cover/, JSON.stringify(schema));
    for (const value of values()) {
      const want = both.ajv(value);
      const label = `${JSON.stringify(schema)} on ${JSON.stringify(value)}`;
      const errors = both.ajvErrors();
      if (errors.some((e) => e.keyword === "uniqueItems")) duplicates++;
      assert.equal(both.module.validateFast(value), want, label);
      assert.equal(both.module.validate(value), want, label);
      assert.deepEqual(strip(both.module.validate.errors ?? []), strip(errors), label);
    }
  }
  // The values reach the duplicate branch, not only type errors.
  assert.ok(duplicates > 50, `only ${duplicates} uniqueItems errors`);
});

/** Schemas where ajv compares pairs with deep equality (its `loopN2`): items untyped, typed as containers, or a tuple. */
const DEEP: [JsonObject, "2020-12" | "draft-07"][] = [
  [{ type: "array", uniqueItems: true }, "2020-12"],
  [{ uniqueItems: true }, "2020-12"],
  [{ type: "array", items: { type: "object" }, uniqueItems: true }, "2020-12"],
  [{ type: "array", items: { type: ["array", "string"] }, uniqueItems: true }, "2020-12"],
  [{ type: "array", items: true, uniqueItems: true }, "2020-12"],
  [{ type: "array", prefixItems: [{ type: "object" }], uniqueItems: true }, "2020-12"],
  [{ type: "array", items: [{ type: "string" }, {}], uniqueItems: true }, "draft-07"],
  [{ type: "array", items: [{}], additionalItems: { type: "integer" }, uniqueItems: true }, "draft-07"],
];

/**
 * Arrays with deep duplicates: objects in another key order, nested arrays. No member named `toString` or
 * `constructor`: fast-deep-equal (the in-memory ajv) throws on those, our generated code's `llmcEqual` compares
 * them (validators/runtime.ts).
 */
function deepValues(): unknown[] {
  const pool: unknown[] = [{ a: 1, b: [2] }, { b: [2], a: 1 }, [1, [2]], [1, [2, 3]], { a: { b: {} } }, { a: { b: { c: null } } }, "s", 1, null, [], {}, { b: 1 }];
  const out: unknown[] = [[], [{}], "not an array", { 0: 1 }];
  for (let i = 0; i < pool.length; i++) {
    for (let j = 0; j < pool.length; j++) out.push([pool[i], pool[j]], ["s", pool[i], 2, pool[j]]);
  }
  out.push(Array.from({ length: 20 }, (_, k) => ({ k: k % 19 })), Array.from({ length: 20 }, (_, k) => [k]));
  return out;
}

test("unique items › items not typed as scalars: the fast path compares pairs deeply, as ajv does", async () => {
  let duplicates = 0;
  let valid = 0;
  for (const [schema, draft] of DEEP) {
    const both = await pair(schema, draft);
    assert.ok(both !== undefined, JSON.stringify(schema));
    assert.doesNotMatch(both.code, /The fast path does not cover/, JSON.stringify(schema));
    for (const value of deepValues()) {
      const want = both.ajv(value);
      const label = `${JSON.stringify(schema)} on ${JSON.stringify(value)}`;
      if (both.ajvErrors().some((e) => e.keyword === "uniqueItems")) duplicates++;
      if (want) valid++;
      assert.equal(both.module.validateFast(value), want, label);
      assert.equal(both.module.validateFirst(value), want, label);
    }
  }
  assert.ok(duplicates > 100 && valid > 100, `${duplicates} uniqueItems errors, ${valid} valid arrays`);
});

test("unique items › scalar items beside an untyped tuple entry stay with ajv's code (its hash skips other types)", async () => {
  // ajv hashes only the values of `items`' types here, so `[[1], [1]]` in the tuple positions is not a duplicate to it.
  const schema: JsonObject = { type: "array", prefixItems: [{}, {}], items: { type: "string" }, uniqueItems: true };
  const both = await pair(schema, "2020-12");
  assert.ok(both !== undefined);
  assert.match(both.code, /The fast path does not cover `uniqueItems` on scalar `items`/);
  assert.equal(both.ajv([[1], [1]]), true);
  assert.equal(both.module.validateFirst([[1], [1]]), true);
});

/** Long arrays of distinct containers and scalars, with 0, 1 or 3 deep duplicates (key order shuffled) put in. */
function longDeepValues(): unknown[][] {
  const next = random(7);
  const out: unknown[][] = [];
  for (const n of [17, 18, 40, 300]) {
    for (let round = 0; round < 12; round++) {
      const list: unknown[] = Array.from({ length: n }, (_, i) => (i % 4 === 0 ? { id: i, tags: [i, `t${i}`] } : i % 4 === 1 ? [i, { k: i }] : i % 4 === 2 ? `s${i}` : i));
      const copies = [0, 1, 3][round % 3]!;
      for (let d = 0; d < copies; d++) {
        const from = Math.floor(next() * n);
        const to = Math.floor(next() * n);
        const v = list[from];
        // The copy has its members in another order: equal, not identical.
        list[to] = v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : structuredClone(v);
      }
      out.push(list);
    }
  }
  return out;
}

test("unique items › long arrays compared deeply: ajv's answer and ajv's pair, past the 16 items where the scan seeks", async () => {
  let duplicates = 0;
  for (const [schema, draft] of DEEP) {
    const both = await pair(schema, draft);
    assert.ok(both !== undefined, JSON.stringify(schema));
    assert.match(both.code, /llmcSeekDuplicate/, "the generated scans seek past 16 items");
    for (const value of longDeepValues()) {
      const want = both.ajv(value);
      const label = `${JSON.stringify(schema)} on ${value.length} items`;
      const errors: readonly AjvError[] = both.ajvErrors().filter((e) => e.keyword === "uniqueItems");
      if (errors.length > 0) duplicates++;
      assert.equal(both.module.validateFast(value), want, label);
      assert.equal(both.module.validateFirst(value), want, label);
      assert.equal(both.module.validate(value), want, label);
      const ours: readonly AjvError[] = (both.module.validate.errors ?? []).filter((e) => e.keyword === "uniqueItems");
      assert.deepEqual(ours.map((e) => e.params), errors.map((e) => e.params), label);
    }
  }
  assert.ok(duplicates > 40, `only ${duplicates} arrays with duplicates`);
});

test("unique items › llmcSeekDuplicate starts the pair scan where the full scan stops, on values of every kind", () => {
  const next = random(11);
  const pool: unknown[] = [0, -0, NaN, 1, "1", "a", null, true, false, undefined, 10n, [], {}, [1, [2]], { a: 1, b: { c: [null] } }, { b: { c: [null] }, a: 1 }, { "": 0 }, ["__proto__"], "__proto__", { toString: 1 }];
  const full = (items: readonly unknown[]): number => {
    for (let i = items.length; i--; ) for (let j = i; j--; ) if (llmcEqual(items[i], items[j])) return i + 1;
    return 0;
  };
  let found = 0;
  for (let round = 0; round < 2000; round++) {
    const items = Array.from({ length: 1 + Math.floor(next() * 24) }, () => pool[Math.floor(next() * pool.length)]);
    const want = full(items);
    if (want > 0) found++;
    assert.equal(llmcSeekDuplicate(items), want, JSON.stringify(items, (_, v: unknown) => (typeof v === "bigint" ? `${v}n` : v === undefined ? "undefined" : v)));
  }
  assert.ok(found > 500 && found < 2000, `${found} of 2000 arrays had a duplicate`);
});

test("unique items › \"__proto__\" twice is a duplicate for the fast path and the all-errors list (ajv misses it)", async () => {
  const both = await pair({ type: "array", items: { type: "string" }, uniqueItems: true }, "2020-12");
  assert.ok(both !== undefined);
  for (const value of [["__proto__", "__proto__"], ["a", "__proto__", ...Array.from({ length: 20 }, (_, i) => `k${i}`), "__proto__"]]) {
    assert.equal(both.ajv(value), true, "ajv's index map is a plain object");
    assert.equal(both.module.validateFast(value), false);
    assert.equal(both.module.validate(value), false);
    assert.deepEqual(both.module.validate.errors?.map((e) => [e.keyword, e.params]), [["uniqueItems", { i: value.indexOf("__proto__"), j: value.lastIndexOf("__proto__") }]]);
  }
});
