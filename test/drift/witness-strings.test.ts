/** Witness strings for `pattern` within length bounds (src/drift/witness/strings.ts). */
import { test } from "node:test";
import assert from "node:assert/strict";
import { stringMatching } from "../../src/drift/witness/strings.js";

const cases: { pattern: string; min: number; max: number }[] = [
  { pattern: "\\S", min: 1, max: Infinity },
  { pattern: "^[^@]+@[^@]+$", min: 1, max: Infinity },
  { pattern: "^https://", min: 1, max: Infinity },
  { pattern: "^\\d+(\\.\\d+){1,2}$", min: 1, max: 20 },
  { pattern: "^[a-z]+$", min: 5, max: 5 },
  { pattern: "x", min: 3, max: 100_000 },
  { pattern: "^[a-z]*$", min: 0, max: 2 },
  // Lookaround has no automaton: a word of the pattern with its assertions ignored, kept when the pattern matches it.
  { pattern: "^(?!io\\.papermc\\.)([a-zA-Z_$][a-zA-Z\\d_$]*\\.)*[a-zA-Z_$][a-zA-Z\\d_$]*$", min: 0, max: Infinity },
  { pattern: "^(?=.*\\d)[a-z0-9]{4,}$", min: 0, max: Infinity },
];

test("witness strings › a string matching the pattern within its length bounds (bounds no longer empty the language)", () => {
  for (const { pattern, min, max } of cases) {
    for (const variant of [0, 1, 5]) {
      const s = stringMatching(pattern, min, max, variant);
      assert.ok(s !== undefined, `${pattern} [${min}, ${max}]: no string`);
      const length = [...s].length;
      assert.ok(new RegExp(pattern, "u").test(s) && length >= min && length <= max, `${pattern} [${min}, ${max}]: ${JSON.stringify(s)}`);
    }
  }
});

test("witness strings › none when the bounds exclude every match", () => {
  // The assertion-free word "aaaa" fails the lookahead: no string rather than a wrong one.
  assert.equal(stringMatching("^(?!a)[a]{4}$", 0, 10, 0), undefined);
  assert.equal(stringMatching("^[a-z]{3}$", 4, 10, 0), undefined);
  assert.equal(stringMatching("^a$", 0, 0, 0), undefined);
});

test("witness strings › asked again (same pattern and bounds, any variant), the kept word set gives the same answer", () => {
  // winget's version segments: the intersection with the length bounds took about a second per document generated.
  const pattern = '^[^\\.\\s\\\\/:\\*\\?"<>\\|\\x01-\\x1f]{1,32}(\\.[^\\.\\s\\\\/:\\*\\?"<>\\|\\x01-\\x1f]{1,32}){1,3}$';
  const first = [0, 1, 2, 7].map((v) => stringMatching(pattern, 3, 40, v));
  for (let k = 0; k < 3; k++) assert.deepEqual([0, 1, 2, 7].map((v) => stringMatching(pattern, 3, 40, v)), first);
  for (const s of first) assert.ok(s !== undefined && new RegExp(pattern, "u").test(s) && s.length >= 3 && s.length <= 40, String(s));
  // Other bounds are their own entry: none fits [1, 2] (at least "x.y").
  assert.equal(stringMatching(pattern, 1, 2, 0), undefined);
});
