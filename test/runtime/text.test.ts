import { test } from "node:test";
import assert from "node:assert/strict";
import { parseJsonText } from "../../src/runtime/runtime.js";

/** given raw model output → want the error code (or ok) */
const CASES: readonly { given: string; want: "ok" | "json.invalid" | "json.truncated" | "json.wrapped"; name: string }[] = [
  { name: "bare object", given: '{"a":1}', want: "ok" },
  { name: "object with surrounding whitespace", given: ' \n{"a":[1,2,{"b":null}]}\n ', want: "ok" },
  { name: "bare scalar", given: "42", want: "ok" },
  { name: "cut inside a string", given: '{"summary":"Customer was charged tw', want: "json.truncated" },
  { name: "cut after a key", given: '{"summary"', want: "json.truncated" },
  { name: "cut after a colon", given: '{"summary":', want: "json.truncated" },
  { name: "cut after a comma", given: '{"a":1,', want: "json.truncated" },
  { name: "cut inside nested arrays", given: '{"a":[[1,2],[3', want: "json.truncated" },
  { name: "cut inside a literal", given: '{"a":tr', want: "json.truncated" },
  { name: "cut inside a number exponent", given: '{"a":1e', want: "json.truncated" },
  { name: "cut after a minus sign", given: "[-", want: "json.truncated" },
  { name: "cut inside a unicode escape", given: '["\\u00', want: "json.truncated" },
  { name: "cut after an escape backslash", given: '["\\', want: "json.truncated" },
  { name: "deeply nested and cut", given: "[".repeat(100_000), want: "json.truncated" },
  { name: "markdown fence with language", given: '```json\n{"a":1}\n```', want: "json.wrapped" },
  { name: "markdown fence without language", given: '```\n{"a":1}\n```\n', want: "json.wrapped" },
  { name: "prose before", given: 'Here is the triage:\n{"a":1}', want: "json.wrapped" },
  { name: "prose after", given: '{"a":1}\n\nLet me know if you need anything else!', want: "json.wrapped" },
  { name: "prose then cut-off JSON", given: 'Sure! {"a": [1, 2', want: "json.truncated" },
  { name: "plain prose", given: "I cannot help with that request.", want: "json.invalid" },
  { name: "empty output", given: "", want: "json.invalid" },
  { name: "whitespace only", given: "  \n ", want: "json.invalid" },
  { name: "single quotes", given: "{'a': 1}", want: "json.invalid" },
  { name: "trailing comma before close", given: '{"a":1,}', want: "json.invalid" },
  { name: "python literal", given: '{"a": True}', want: "json.invalid" },
  { name: "leading zero", given: '{"a": 01}', want: "json.invalid" },
  { name: "raw control character in string", given: '{"a":"x\u0001"}', want: "json.invalid" },
  { name: "two values", given: '{"a":1} {"b":2}', want: "json.wrapped" },
];

for (const c of CASES) {
  test(`parseJsonText › ${c.name} → ${c.want}`, () => {
    const result = parseJsonText(c.given);
    if (c.want === "ok") {
      assert.equal(result.ok, true);
      if (result.ok) assert.deepEqual(result.value, JSON.parse(c.given));
      return;
    }
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.errors.length, 1);
      assert.equal(result.errors[0].code, c.want, result.errors[0].message);
      assert.equal(result.errors[0].instancePath, "");
    }
  });
}

test("parseJsonText › unwrap: true extracts fenced JSON", () => {
  const result = parseJsonText('```json\n{"a":{"b":[1]}}\n```', { unwrap: true });
  assert.deepEqual(result, { ok: true, value: { a: { b: [1] } } });
});

test("parseJsonText › unwrap: true still reports truncation", () => {
  const result = parseJsonText('```json\n{"a":{"b":[1', { unwrap: true });
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.errors[0].code, "json.truncated");
});

test("parseJsonText › invalid JSON reports line and column of the problem", () => {
  const result = parseJsonText('{\n  "a": 1,\n  "b": nope\n}');
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.errors[0].code, "json.invalid");
    assert.equal(result.errors[0].line, 3);
    assert.equal(result.errors[0].column, 8);
  }
});

test("parseJsonText › every truncated prefix of a valid document is classified as truncated", () => {
  const doc = JSON.stringify({ category: "billing", tags: ["a-b", "c"], n: -12.5e3, ok: true, none: null, nested: [{ x: "\u00e9\\\"" }] });
  for (let cut = 1; cut < doc.length; cut++) {
    const prefix = doc.slice(0, cut);
    const result = parseJsonText(prefix);
    assert.equal(result.ok, false, `prefix of length ${cut} parsed`);
    if (!result.ok) assert.equal(result.errors[0].code, "json.truncated", `prefix ${JSON.stringify(prefix)}`);
  }
});
