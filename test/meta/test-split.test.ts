/**
 * `npm test` and `npm run test:full` split the test files between them (scripts/test-files.mjs): every file runs
 * in exactly one of the two, and the long list names only files that exist.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../../src/write/plan.js";
import { REPO_ROOT } from "../util/project.js";

function list(which: string): { status: number | null; files: string[]; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "scripts", "test-files.mjs"), which], { cwd: REPO_ROOT, encoding: "utf8" });
  return { status: r.status, files: r.stdout.trim().split(/\s+/).filter((f) => f !== ""), stderr: r.stderr };
}

test("every test file runs in exactly one of npm test and npm run test:full", () => {
  const quick = list("quick");
  const long = list("long");
  assert.equal(quick.status, 0, quick.stderr);
  assert.equal(long.status, 0, long.stderr);
  const all = listFiles(path.join(REPO_ROOT, "dist", "test")).filter((f) => f.endsWith(".test.js")).map((f) => `dist/test/${f}`);
  assert.deepEqual([...quick.files, ...long.files].sort(), all.sort());
  assert.deepEqual(quick.files.filter((f) => long.files.includes(f)), []);
  // The suites the README names as long ones.
  assert.deepEqual(long.files.sort(), [
    "dist/test/adoption/daily-loop.test.js",
    "dist/test/adoption/pack-install.test.js",
    "dist/test/catalogue/browser.test.js",
    "dist/test/conformance/json-schema-test-suite.test.js",
    "dist/test/corpus/schemastore.test.js",
    "dist/test/drift/corpus-mutations.test.js",
    "dist/test/emit/fast/corpus.test.js",
    "dist/test/incremental/classes.test.js",
    "dist/test/incremental/loaded.test.js",
  ]);
  assert.ok(quick.files.includes("dist/test/meta/test-split.test.js"));
});

test("an unknown selection is a usage error (exit 2)", () => {
  const r = list("everything");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage/);
});

test("the package scripts use the split", () => {
  const scripts = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  assert.match(scripts["test"] ?? "", /scripts\/test-files\.mjs quick/);
  assert.match(scripts["test:full"] ?? "", /scripts\/test-files\.mjs long/);
});
