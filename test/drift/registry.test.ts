import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { RULES } from "../../src/drift/registry.js";
import { REPO_ROOT } from "../util/project.js";
import { FIXTURES } from "./helpers.js";

const RULE_DIR = path.join(REPO_ROOT, "src", "drift", "rules");

test("registry › every rule has a unique kebab-case id, a purpose, a fixture folder and its own file", () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, "ids are unique");
  for (const r of RULES) {
    assert.match(r.id, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(r.purpose.length > 10, `${r.id} has a purpose`);
    assert.ok(existsSync(path.join(RULE_DIR, `${r.id}.ts`)), `${r.id} lives in rules/${r.id}.ts`);
    for (const f of ["before.json", "after.json", "expected.json"]) assert.ok(existsSync(path.join(FIXTURES, r.id, f)), `${r.id}/${f}`);
  }
});

test("registry › every rule file is registered and every fixture folder names a rule", () => {
  const ids = new Set(RULES.map((r) => r.id));
  for (const file of readdirSync(RULE_DIR).filter((f) => f.endsWith(".ts"))) assert.ok(ids.has(file.slice(0, -3)), `${file} is registered`);
  for (const dir of readdirSync(FIXTURES)) assert.ok(ids.has(dir), `fixture ${dir} names a rule`);
});
