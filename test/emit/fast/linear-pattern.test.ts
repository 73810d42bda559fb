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

test("linear pattern › leaves backtracking, unanchored and non-ASCII patterns to RegExp", () => {
  for (const source of NOT_COVERED) assert.equal(linearMatcher(source, "u"), undefined, source);
  assert.equal(linearMatcher("^[A-Z]{3}$", "i"), undefined, "flags other than u");
});
