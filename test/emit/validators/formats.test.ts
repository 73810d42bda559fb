import { test } from "node:test";
import assert from "node:assert/strict";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { createRequire } from "node:module";
import { type JsonValue, canonicalJson } from "../../../src/ir/json.js";
import { FUNCTION_FORMATS, llmcUriPattern, llmcUriPlain } from "../../../src/emit/validators/formats.js";
import fc from "fast-check";
import { llmcEqual, llmcUcs2length } from "../../../src/emit/validators/runtime.js";
import {
  byteStrings,
  dateStrings,
  dateTimeStrings,
  jsonValue,
  numbers,
  random,
  regexStrings,
  timeStrings,
  unicodeStrings,
  uriStrings,
} from "./corpus.js";

// ajv's runtime helpers are CommonJS modules whose `exports.default` is the function.
const load = createRequire(import.meta.url);
const ajvEqual = (load("ajv/dist/runtime/equal.js") as { default: (a: unknown, b: unknown) => boolean }).default;
const ajvUcs2length = (load("ajv/dist/runtime/ucs2length.js") as { default: (s: string) => number }).default;

/** ajv-formats' validator for a format, whether it registered a bare function or a `{validate}` definition. */
function reference(name: string): (value: unknown) => boolean {
  const format: unknown = (fullFormats as Record<string, unknown>)[name];
  if (typeof format === "function") return format as (value: unknown) => boolean;
  if (typeof format === "object" && format !== null && "validate" in format && typeof format.validate === "function") {
    return format.validate as (value: unknown) => boolean;
  }
  throw new Error(`ajv-formats has no function format ${name}`);
}

const CORPORA: Readonly<Record<string, () => readonly unknown[]>> = {
  date: dateStrings,
  time: () => [...timeStrings(), ...dateTimeStrings()],
  "iso-time": () => [...timeStrings(), ...dateTimeStrings()],
  "date-time": () => [...dateTimeStrings(), ...timeStrings(), ...dateStrings()],
  "iso-date-time": () => [...dateTimeStrings(), ...timeStrings()],
  uri: uriStrings,
  regex: regexStrings,
  byte: byteStrings,
  int32: numbers,
  int64: numbers,
  float: numbers,
  double: numbers,
};

test("inlined formats are exactly ajv-formats' full-mode function formats, with the same shape", () => {
  const functionFormats = Object.entries(fullFormats)
    .filter(
      ([, format]) =>
        typeof format === "function" ||
        (typeof format === "object" && !(format instanceof RegExp) && typeof format.validate === "function"),
    )
    .map(([name]) => name)
    .sort();
  assert.deepEqual(Object.keys(FUNCTION_FORMATS).sort(), functionFormats);
  for (const [name, { wrapped }] of Object.entries(FUNCTION_FORMATS)) {
    assert.equal(typeof (fullFormats as Record<string, unknown>)[name] === "object", wrapped, `shape of ${name}`);
  }
});

for (const [name, { fn }] of Object.entries(FUNCTION_FORMATS)) {
  test(`inlined format ${name} gives ajv-formats' answer on generated and edge-case inputs`, () => {
    const inputs = CORPORA[name]!();
    assert.ok(inputs.length >= 300, `corpus for ${name} has ${inputs.length} inputs`);
    const theirs = reference(name);
    const ours = fn as (value: unknown) => boolean;
    const differences = inputs.filter((input) => ours(input) !== theirs(input)).map((input) => JSON.stringify(input));
    assert.deepEqual(differences, []);
    // Both outcomes must occur, or the corpus says nothing about the format.
    assert.ok(
      (inputs.some((input) => theirs(input)) && inputs.some((input) => !theirs(input))) ||
        name === "float" ||
        name === "double",
    );
  });
}

test("date and date-time respect leap years and leap seconds like ajv-formats", () => {
  const date = FUNCTION_FORMATS["date"]!.fn as (s: string) => boolean;
  const dateTime = FUNCTION_FORMATS["date-time"]!.fn as (s: string) => boolean;
  assert.equal(date("2000-02-29"), true);
  assert.equal(date("1900-02-29"), false);
  assert.equal(date("2024-02-29"), true);
  assert.equal(date("2023-02-29"), false);
  assert.equal(dateTime("2016-12-31T23:59:60Z"), true);
  assert.equal(dateTime("2016-12-31T22:59:60-01:00"), true);
  assert.equal(dateTime("2016-12-31T23:58:60Z"), false);
  assert.equal(dateTime("2016-12-31T12:00:00"), false, "date-time requires an offset");
});

/**
 * fast-deep-equal (ajv's runtime `equal`) reads `a.constructor`, `a.valueOf` and `a.toString` as if they were
 * inherited: on JSON objects with own members of those names it throws a TypeError (valueOf/toString are never
 * functions in JSON) or compares `constructor` members by identity. Ours compares such members like any other.
 */
const FAST_DEEP_EQUAL_BLIND_SPOT = /"(toString|valueOf)":|"constructor":[[{]/;

test("deep equality is exact JSON equality and matches ajv's runtime equal outside its blind spot", () => {
  const rand = random(11);
  let equalPairs = 0;
  let blindSpot = 0;
  for (let i = 0; i < 3000; i++) {
    const a = jsonValue(rand);
    const b = rand() < 0.4 ? (JSON.parse(JSON.stringify(a)) as unknown) : jsonValue(rand);
    const label = `${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
    const ours = llmcEqual(a, b);
    // Canonical JSON text is an exact oracle for equality of JSON values.
    assert.equal(ours, canonicalJson(a as JsonValue) === canonicalJson(b as JsonValue), label);
    let theirs: boolean | undefined;
    try {
      theirs = ajvEqual(a, b);
    } catch {
      theirs = undefined;
    }
    if (theirs !== ours) {
      assert.match(JSON.stringify(a), FAST_DEEP_EQUAL_BLIND_SPOT, label);
      blindSpot++;
    } else if (ours) {
      equalPairs++;
    }
  }
  assert.ok(equalPairs > 500, "enough equal pairs to exercise the positive path");
  assert.ok(blindSpot > 0, "the corpus reaches members named toString/valueOf/constructor");
});

test("deep equality ignores key order, respects own properties and distinguishes arrays from objects", () => {
  assert.equal(llmcEqual({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }), true);
  assert.equal(llmcEqual(JSON.parse('{"toString": 1}'), {}), false);
  assert.equal(llmcEqual({}, JSON.parse('{"toString": 1}')), false);
  assert.equal(llmcEqual(JSON.parse('{"__proto__": 1}'), JSON.parse('{"__proto__": 1}')), true);
  assert.equal(llmcEqual(JSON.parse('{"__proto__": 1}'), {}), false);
  assert.equal(llmcEqual([], {}), false);
  assert.equal(llmcEqual({ 0: "a", length: 1 }, ["a"]), false);
  assert.equal(llmcEqual(1, "1"), false);
});

test("code point length matches ajv's ucs2length, lone surrogates included", () => {
  for (const text of unicodeStrings()) assert.equal(llmcUcs2length(text), ajvUcs2length(text), JSON.stringify(text));
  assert.equal(llmcUcs2length("\ud83d\ude00"), 1);
  assert.equal(llmcUcs2length("\ude00\ud83d"), 2);
});

test("format uri: the plain-shape regex tried first matches only what the whole grammar matches", () => {
  // The corpus (every shape ajv-formats tells apart) and random strings over the characters the two regexes name.
  const shapes: string[] = [];
  for (const scheme of ["http", "HTTPS", "a", "a+b-c.d", "1a", "", "h_t"])
    for (const host of ["example.com", "EXAMPLE.com", "", "1.2.3.4", "256.1.1.1", "[::1]", "ex%41mple", "ü.com", "a~b_c-d"])
      for (const port of ["", ":80", ":", ":8a"])
        for (const path of ["", "/", "/a/b", "//", "/a b", "/%41", "/%4", "/%zz", "/a:b", "/a@b", "/'()*", "/ü", "/[x]", "?q", "#f"]) shapes.push(`${scheme}://${host}${port}${path}`);
  const corpus = [...uriStrings(), ...shapes];
  const plain = corpus.filter((s) => llmcUriPlain.test(s));
  assert.ok(plain.length >= 100 && plain.length < corpus.length / 2, `${plain.length} of ${corpus.length} strings of the plain shape`);
  assert.deepEqual(plain.filter((s) => !llmcUriPattern.test(s)), []);
  const chars = [..."aZ09+-._~:/?#[]@!$&'()*,;=% ü", "http", "://", "%41"];
  fc.assert(
    fc.property(fc.constantFrom("", "http://", "a+b://", "Z://"), fc.array(fc.constantFrom(...chars), { maxLength: 24 }), (head, parts) => {
      const s = head + parts.join("");
      return !llmcUriPlain.test(s) || llmcUriPattern.test(s);
    }),
    { numRuns: 20000, seed: 3986 },
  );
  for (const s of ["http://h", "https://example.com:8080/a/b;c=d/e@f", "A.b+c://x.y/"]) assert.ok(llmcUriPlain.test(s), s);
});
