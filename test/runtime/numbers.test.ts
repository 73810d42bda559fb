import { test } from "node:test";
import assert from "node:assert/strict";
import { numberProblem, parseJsonText } from "../../src/runtime/runtime.js";

const codeOf = (text: string, options = {}): string | undefined => {
  const r = parseJsonText(text, options);
  return r.ok ? undefined : r.errors[0].code;
};

test("numbers › integers beyond 2^53-1 are json.unsafe_integer with the place of the token", () => {
  assert.equal(codeOf("9007199254740991"), undefined, "2^53-1 is exact");
  assert.equal(codeOf("-9007199254740991"), undefined);
  assert.equal(codeOf("9007199254740992"), "json.unsafe_integer");
  const r = parseJsonText('{"id":\n  9007199254740993}');
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual([r.errors[0].code, r.errors[0].line, r.errors[0].column], ["json.unsafe_integer", 2, 3]);
  assert.equal(codeOf("[1, -123456789012345678901234567890]"), "json.unsafe_integer");
});

test("numbers › doubles that overflow are json.number_overflow, not 'must be of type number'", () => {
  assert.equal(codeOf("1e400"), "json.number_overflow");
  assert.equal(codeOf("[-1.5E+309]"), "json.number_overflow");
  assert.equal(codeOf("1" + "0".repeat(400)), "json.number_overflow");
  assert.equal(codeOf("1e308"), undefined);
  assert.equal(codeOf("1e-400"), undefined, "underflow to 0 is not an overflow");
  assert.equal(codeOf("123456789012345678.5"), undefined, "fractions are doubles by nature");
});

test("numbers › digits inside strings are never taken for numbers", () => {
  assert.equal(numberProblem('{"a":"9007199254740993","b":"1e400","c":"\\"12345678901234567890"}'), undefined);
  assert.equal(codeOf('{"a":"1e400 \\" 99999999999999999999"}'), undefined);
});

test("numbers › a leading byte order mark is accepted; maxBytes counts UTF-8 bytes", () => {
  const r = parseJsonText('\uFEFF{"a":1}');
  assert.deepEqual(r, { ok: true, value: { a: 1 } });
  // Two quotes and two 2-byte characters: 6 bytes, though only 4 UTF-16 units.
  assert.equal(codeOf('"éé"', { maxBytes: 6 }), undefined);
  const over = parseJsonText('"éé"', { maxBytes: 5 });
  assert.equal(!over.ok && over.errors[0].code, "json.too_large");
  assert.equal(!over.ok && over.errors[0].limit, 5);
});
