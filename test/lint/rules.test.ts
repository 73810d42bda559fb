import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { RULES } from "../../src/lint/registry.js";
import { PROFILES } from "../../src/lint/profiles/index.js";
import { FIXTURES, findingsOf, readJson, summary, type Expected } from "./fixtures.js";

for (const rule of RULES) {
  test(`${rule.id} › before.json gives exactly the expected findings`, () => {
    const want = readJson<Expected[]>(path.join(FIXTURES, rule.id, "expected.json"));
    const got = findingsOf(rule.id, "before");
    assert.deepEqual(got.map(summary), want);
    for (const f of got) {
      assert.ok(f.message.length > 20, `message too short: ${f.message}`);
      assert.match(f.message, /: /, "message names the problem, then what to change");
    }
  });
  test(`${rule.id} › after.json (the fix) has no finding of this rule`, () => {
    assert.deepEqual(findingsOf(rule.id, "after").map(summary), []);
  });
}

test("registry › every rule has a fixture folder, purpose, source and unique id, and runs in some profile", () => {
  const ids = new Set<string>();
  for (const rule of RULES) {
    assert.ok(!ids.has(rule.id), `duplicate id ${rule.id}`);
    ids.add(rule.id);
    assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
    for (const f of ["before.json", "after.json", "expected.json"]) assert.ok(existsSync(path.join(FIXTURES, rule.id, f)), `${rule.id}/${f}`);
    assert.ok(rule.purpose.length > 10 && rule.source.length > 5, rule.id);
    assert.equal(typeof rule[rule.scope], "function", `${rule.id} declares scope ${rule.scope} but no such check`);
    assert.ok(Object.values(PROFILES).some((p) => p.rules[rule.id] !== undefined && p.rules[rule.id] !== "off"), `${rule.id} is in no profile`);
  }
});

test("registry › profiles name only registered rules", () => {
  const ids = new Set(RULES.map((r) => r.id));
  for (const p of Object.values(PROFILES)) for (const id of Object.keys(p.rules)) assert.ok(ids.has(id), `${p.id} names unknown rule ${id}`);
});
