/**
 * Capturing groups made non-capturing (src/emit/fast/plain-groups.ts): table cases, and the engine's own answer
 * for the original and the rewritten source on every pattern of the JSON-Schema-Test-Suite and the SchemaStore
 * corpus that has a group, over strings built from the characters each pattern names.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { withoutCaptures } from "../../../src/emit/fast/plain-groups.js";

const CASES: [source: string, flags: string, want: string][] = [
  ["^(a|b)+$", "u", "^(?:a|b)+$"],
  ["^((([0-9]+)y)?|0)$", "u", "^(?:(?:(?:[0-9]+)y)?|0)$"],
  ["^(?:a)(b)$", "u", "^(?:a)(?:b)$"],
  ["^[(](x)[)]$", "u", "^[(](?:x)[)]$"],
  ["^[\\]()](y)$", "u", "^[\\]()](?:y)$"],
  ["^\\((z)\\)$", "u", "^\\((?:z)\\)$"],
  ["^(?=a)(a)$", "u", "^(?=a)(?:a)$"],
  ["^(?<n>a)(b)$", "u", "^(?<n>a)(?:b)$"],
  ["^\\\\(a)$", "u", "^\\\\(?:a)$"],
  ["^(a)$", "i", "^(?:a)$"],
  ["^(a)$", "", "^(?:a)$"],
  // Left alone: a backreference (numbered or named) needs its group; `v` nests classes; `g`/`y` keep lastIndex.
  ["^(a)\\1$", "u", "^(a)\\1$"],
  ["^(?<n>a)\\k<n>(b)$", "u", "^(?<n>a)\\k<n>(b)$"],
  ["^(a)$", "v", "^(a)$"],
  ["^(a)$", "g", "^(a)$"],
  ["^abc$", "u", "^abc$"],
];

test("plain groups › table", () => {
  for (const [source, flags, want] of CASES) {
    assert.equal(withoutCaptures(source, flags), want, `${source} /${flags}`);
    if (want !== source) new RegExp(want, flags); // still a pattern the engine compiles
  }
});

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return dir;
}

/** Every `pattern` value and `patternProperties` key in the JSON files under `dir`. */
function patternsUnder(dir: string, out: Set<string>): void {
  if (!fs.existsSync(dir)) return;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === "object" && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "pattern" && typeof value === "string") out.add(value);
        if (key === "patternProperties" && typeof value === "object" && value !== null) Object.keys(value).forEach((k) => out.add(k));
        visit(value);
      }
    }
  };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".json")) continue;
    try {
      visit(JSON.parse(fs.readFileSync(path.join(entry.parentPath, entry.name), "utf8")));
    } catch {
      // not JSON: skipped
    }
  }
}

test("plain groups › the rewritten pattern matches exactly the strings the original matches", () => {
  const shared = path.resolve(repoRoot(), "../shared");
  const all = new Set<string>();
  patternsUnder(path.join(shared, "json-schema-test-suite/tests"), all);
  patternsUnder(path.join(shared, "corpus/schemastore/schemas"), all);
  const grouped = [...all].filter((s) => {
    try {
      new RegExp(s, "u");
      return withoutCaptures(s, "u") !== s;
    } catch {
      return false;
    }
  });
  assert.ok(grouped.length >= 20, `only ${grouped.length} patterns with capturing groups found under ${shared}`);
  for (const source of grouped.sort()) {
    const original = new RegExp(source, "u");
    const plain = new RegExp(withoutCaptures(source, "u"), "u");
    // Characters the pattern itself names, so that strings often match, and a few it does not.
    const chars = fc.constantFrom(...new Set([...source.replace(/\\[a-zA-Z]/g, "").split(/(?:)/u), "a", "Z", "0", "9", "-", ".", " ", "é"]));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 24 }).map((a) => a.join("")), (s) => original.test(s) === plain.test(s)),
      { numRuns: 150, seed: 20 },
    );
  }
});
