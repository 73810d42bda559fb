/**
 * What a `check` after a golden example edit loads: the edited version's outcome comes from the cache, with its
 * examples run again through the cached validator code (src/compile/examples-again.ts `examplesAgain`), so no version is
 * compiled. The version compiler (src/compile/version.ts) and what only it needs stay unloaded: the schema loader
 * and bundler, the types emitter, the version module renderer, the blind-validator lookup, and what compiles a
 * version in this thread or in the worker pool.
 * Both outcomes of the examples are checked: an example edited into another valid one passes (through check's
 * examples-only lane, which loads not even the project compile loop, compile.ts, nor the output plan or any check
 * step), one edited into an invalid one fails the check, naming the example.
 *
 * What the CLI loaded comes from a child process with a probe (test/util/loads.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contractName, generateProject, implementStubs } from "../../bench/generate.js";
import { runCli, tempDir } from "../util/project.js";
import { cliLoads } from "../util/loads.js";

const UNLOADED = [
  "compile/version.js",
  "load/index.js",
  "load/bundle.js",
  "emit/types/index.js",
  "emit/modules/version.js",
  "compile/validator-cache.js",
  "parallel/pool.js",
  "parallel/in-thread.js",
];
test("incremental › a golden example edit's check re-runs the examples without loading the version compiler", { timeout: 120_000 }, () => {
  const dir = tempDir("llm-contracts-example-loads-");
  generateProject(dir, 2, 0, { breaking: true });
  assert.equal(runCli(["build"], dir).code, 0);
  implementStubs(dir);
  assert.equal(runCli(["build"], dir).code, 0);
  assert.equal(runCli(["check"], dir).code, 0);
  const file = path.join(dir, "schemas", contractName(1), "examples", "v2", "valid", "typical.json");
  const example = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  // Another valid example, then an invalid one (a title must be a string).
  for (const [title, exit] of [["Item number 1 (edited)", 0], [42, 1]] as const) {
    writeFileSync(file, `${JSON.stringify({ ...example, title }, null, 2)}\n`);
    const run = cliLoads(dir, ["check"], exit);
    if (exit !== 0) assert.match(run.output, /typical\.json/);
    // The examples ran again. One that still passes takes the examples-only lane (src/incremental/examples-lane.ts):
    // no compile, output plan or check step; one that now fails goes through the compile, which names it.
    assert.ok(run.loaded.includes("compile/examples-run.js"), run.loaded.join("\n"));
    // Nor the runtime's barrel and the modules only it brings (src/compile/examples-run.ts imports the one it runs).
    const skipped = ["compile/compile.js", "emit/javascript/plan.js", "write/plan.js", "api/steps.js", "incremental/assemble.js", "runtime/runtime.js", "runtime/upgrade.js"];
    if (exit === 0) assert.deepEqual(skipped.filter((m) => run.loaded.includes(m)), [], "the examples-only lane loaded");
    else assert.ok(run.loaded.includes("compile/compile.js"), "a failing example goes through the compile");
    assert.deepEqual(UNLOADED.filter((m) => run.loaded.includes(m)), [], `title ${JSON.stringify(title)}: loaded`);
  }
});
