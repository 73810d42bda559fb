#!/usr/bin/env node
/**
 * Which compiled test files each test command runs, printed space-separated for `node --test`:
 *   node scripts/test-files.mjs quick   what `npm test` runs (the README command, what CI runs first)
 *   node scripts/test-files.mjs long    what `npm run test:full` runs: the long suites `npm test` leaves out
 * Every file under dist/test is in exactly one of the two (test/meta/test-split.test.ts checks it).
 * A suite goes in LONG when its job is breadth (whole corpora, whole suites, a real npm install), not one
 * behaviour; its duration measured on this repository is noted beside it.
 */
import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Paths under dist/test, each with why it is long. */
export const LONG = {
  "corpus/schemastore.test.js": "builds every schema of ../shared/corpus/schemastore and type-checks them in one program",
  "conformance/json-schema-test-suite.test.js": "the whole JSON-Schema-Test-Suite, five drafts, generated and in-memory validators",
  "adoption/pack-install.test.js": "npm pack, then installs the tarball into consumer projects and builds them",
  "drift/corpus-mutations.test.js": "drift verdicts over 170 mutated schemastore schemas, checked on real and generated values",
  "adoption/daily-loop.test.js": "npm pack, then a fresh app through init, build, publish, edits and a migration (a real npm install)",
  "emit/fast/corpus.test.js": "the fast path against ajv on every schemastore instance document and its mutations",
  "adoption/pre-commit.test.js": "the real pre-commit tool installs the hook from a clean clone (npm install, build, pack)",
  "catalogue/browser.test.js": "headless Chromium over the bundled site and a 200-contract generated project",
  "incremental/classes.test.js": "every change class on two copies of an 8-contract project, each run with and without the cache (about 15 s idle)",
  "write/stress.test.js": "concurrent and killed real builds into one folder (scripts/stress-write.mjs); the lock and swap have quick tests",
  "drift/soundness.test.js": "a property test: 300 random schema pairs diffed, every compatible verdict sampled and every witness confirmed",
  "drift/fuzz-inputs.test.js": "600 fuzzed schema pairs in process and 30 through the real CLI, each must end in a verdict or a located input error",
  "golden/hostile-property.test.js": "a property test: 40 generated contracts of hostile names and text, built, type-checked and evaluated back",
  "emit/javascript/isolated.test.js": "the per-module compile against the whole-program compile, byte for byte, on whole projects (about 11 s of CPU); precompiled.test.js keeps the quick check",
  "incremental/scoped.test.js": "a 25-step scenario on twin 12-contract projects, each step with and without the cache (about 16 s of CPU); cache/identical.test.js keeps the quick check",
  "incremental/loaded.test.js": "eight CLI checks in child processes, one per change class, each printing the packages it loaded",
  "drift/annotation-key-corpus.test.js": "annotation-renamed drift results against fresh diffs on mutated schemastore schemas, 7 edits each (about 28 s of CPU at load 17); annotation-key.test.js keeps the quick check",
  "emit/types/skeleton-corpus.test.js": "every schemastore schema's types printed twice (directly and through the skeleton), about 11 s of CPU; skeleton.test.js keeps the quick check",
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist", "test");

function walk(dir, rel, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const r = rel === "" ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) walk(path.join(dir, e.name), r, out);
    else if (e.name.endsWith(".test.js")) out.push(r);
  }
  return out;
}

export function testFiles() {
  const all = existsSync(dist) ? walk(dist, "", []).sort() : [];
  const stale = Object.keys(LONG).filter((f) => !all.includes(f));
  return { quick: all.filter((f) => !(f in LONG)), long: all.filter((f) => f in LONG), stale };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const which = process.argv[2];
  const { quick, long, stale } = testFiles();
  if (which !== "quick" && which !== "long") {
    console.error("usage: node scripts/test-files.mjs quick|long");
    process.exit(2);
  }
  if (stale.length > 0) {
    console.error(`scripts/test-files.mjs: LONG names files that do not exist under dist/test: ${stale.join(", ")}`);
    process.exit(2);
  }
  console.log((which === "quick" ? quick : long).map((f) => path.join("dist", "test", f)).join(" "));
}
