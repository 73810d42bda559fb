/**
 * The single-pass matcher (src/emit/fast/linear-pattern.ts) against the engine's RegExp with the "u" flag, on
 * patterns inside its subset and random strings built from the characters those patterns care about; and the
 * patterns it must leave to RegExp.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { linearMatcher } from "../../../src/emit/fast/linear-pattern.js";

const COVERED = [
  "^[a-z0-9-]{1,32}$",
  "^ord_[A-Za-z0-9]{8,24}$",
  "^[A-Z]{3}$",
  "^\\d+$",
  "^[a-c]+$",
  "^x-\\w*$",
  "^[0-9]{4}-[0-9]{2}$",
  "^\\+?[0-9]{6,20}$",
  "^v?[0-9]+\\.[0-9]+$",
  "^[a-z]*$",
  "^a?b$",
  "^[-a]{2,}$",
  "^[A-Za-z_][A-Za-z0-9_]{0,63}$",
  // Fixed repeats (exactly k characters, a loop without a bound of its own) after a variable item, and of zero.
  "^[a-z]{0,3}[0-9]{3}[A-Z]*$",
  "^[0-9]{2}[a-z]{0}x$",
];

const NOT_COVERED = ["^[a-z]+[a-z]$", "a", "^(a|b)$", "^[^a]$", "^\\s+$", "^.+$", "^a+?$", "^[a-z]{2,3}[a-z]$", "^é$"];

function compile(code: string): { test(s: string): boolean } {
  // Test-only evaluation of generated code, to run it beside the RegExp.
  return (0, eval)(`(${code})`) as { test(s: string): boolean };
}

test("linear pattern › gives the RegExp's answer on every covered pattern", () => {
  const chars = fc.constantFrom(..."abcxyzAZ09_-+.vé😀 \n".split(/(?:)/u));
  for (const source of COVERED) {
    const code = linearMatcher(source, "u");
    assert.ok(code !== undefined, `${source} should be covered`);
    const matcher = compile(code);
    const re = new RegExp(source, "u");
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join("")), (s) => {
        assert.equal(matcher.test(s), re.test(s), `${source} on ${JSON.stringify(s)}`);
      }),
      { numRuns: 400, seed: 23 },
    );
    for (const s of ["", "a", "ord_ABCDEFGH", "USD", "2024-01", "+123456", "v1.2", "x-", "b", "ab", "--"]) assert.equal(matcher.test(s), re.test(s), `${source} on ${s}`);
  }
});

test("linear pattern › every ASCII character at every position of matching strings, against RegExp", () => {
  // The class tests are a written-out binary search over ranges (issue 20): a wrong bound shows up at a range's
  // edge, so every code 0-127 (and one past ASCII, and a read past the end) goes through every position.
  const examples = ["ord_ABCDEFGH", "USD", "2024-01", "+123456", "v1.2", "x-ab", "abc", "ab-12", "A_b9", "a", "--", "ab"];
  const codes = [...Array.from({ length: 128 }, (_, k) => k), 0xe9, 0x3a3];
  for (const source of [...COVERED, "^[a-zA-Z_][a-zA-Z0-9_]*$", "^[!-/:-@{-~]+$", "^[ -~]$", "^[ -/~]+x$", "^[ace0-9]{2}[BDF]?$"]) {
    const code = linearMatcher(source, "u");
    assert.ok(code !== undefined, source);
    const matcher = compile(code);
    const re = new RegExp(source, "u");
    for (const example of examples) {
      for (let at = 0; at <= example.length; at++) {
        for (const k of codes) {
          const ch = String.fromCharCode(k);
          for (const s of [example.slice(0, at) + ch + example.slice(at + 1), example.slice(0, at) + ch + example.slice(at)]) assert.equal(matcher.test(s), re.test(s), `${source} on ${JSON.stringify(s)}`);
        }
      }
    }
  }
});

test("linear pattern › leaves backtracking, unanchored and non-ASCII patterns to RegExp", () => {
  for (const source of NOT_COVERED) assert.equal(linearMatcher(source, "u"), undefined, source);
  assert.equal(linearMatcher("^[A-Z]{3}$", "i"), undefined, "flags other than u");
});
