/**
 * ajv-formats regexes that backtrack in quadratic time run as linear ones that match exactly the same strings
 * (src/emit/validators/format-regexes.ts): differential against ajv-formats' own regex on generated strings built
 * from the characters that matter to the rewritten part, and the generated validators carry the linear one.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { LINEAR_FORMATS } from "../../../src/emit/validators/format-regexes.js";
import { pair } from "../fast/load.js";

const QUADRATIC_USER_INFO = "(?:\\S+(?::\\S*)?@)?";

test("linear formats › url accepts exactly the strings ajv-formats' url accepts", () => {
  const theirs = fullFormats.url as RegExp;
  const ours = LINEAR_FORMATS["url"]!;
  assert.ok(theirs.source.includes(QUADRATIC_USER_INFO) && !ours.source.includes(QUADRATIC_USER_INFO));
  const part = fc.string({ unit: fc.constantFrom(":", "@", "a", "Z", "1", ".", "/", "-", "_", "?", "#", " ", "\t", "é", "0", "9", "x"), maxLength: 24 });
  const url = fc.tuple(fc.constantFrom("http://", "https://", "ftp://", "HTTP://", "ftp:/", ""), part, fc.constantFrom("", "@", "a.bc", "@example.com", ":8080", "/p", "@1.2.3.4"), part);
  let accepted = 0;
  fc.assert(
    fc.property(url, ([scheme, a, middle, b]) => {
      const s = `${scheme}${a}${middle}${b}`;
      const want = theirs.test(s);
      if (want) accepted++;
      return ours.test(s) === want;
    }),
    { numRuns: 20_000, seed: 42 },
  );
  for (const s of ["http://user:pass@example.com:8080/a?b#c", "http://u:@example.com", "ftp://:@example.com", "http://a@b@example.com", "http://10.0.0.1", "http://example", "http://例子.测试"]) {
    assert.equal(ours.test(s), theirs.test(s), s);
  }
  assert.ok(accepted > 100, `only ${accepted} accepted strings: the differential must reach both answers`);
});

test("linear formats › a validator with format url runs the linear regex, in the fast path and ajv's own code", async () => {
  const both = await pair({ type: "object", properties: { u: { type: "string", format: "url" } } }, "2020-12");
  assert.ok(both !== undefined);
  assert.ok(!both.code.includes(JSON.stringify(QUADRATIC_USER_INFO).slice(1, -1)), "the quadratic user-info part is gone");
  const s = `ftp://${":".repeat(2000)}@${"a".repeat(2000)} `;
  for (const value of [{ u: s }, { u: "http://user@example.com/x" }, { u: "not a url" }]) {
    const want = both.ajv(value);
    assert.equal(both.module.validateFast(value), want);
    assert.equal(both.module.validateFirst(value), want);
    assert.equal(both.module.validate(value), want);
  }
});
