import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "deep-child.js");

test("hostile › random recursive schemas and values up to 100,000 levels never throw, with the default stack", { timeout: 600_000 }, () => {
  // A child process, so the stack is Node's default whatever the test runner's is, and a crash is seen as a crash.
  for (const seed of ["1", "2"]) {
    const r = spawnSync(process.execPath, [CHILD, seed, "40"], { encoding: "utf8", maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, `child crashed (seed ${seed}): ${r.stderr.slice(0, 2000)}`);
    const out = JSON.parse(r.stdout) as { runs: number; calls: number; failures: string[] };
    assert.equal(out.runs, 40);
    assert.deepEqual(out.failures, []);
  }
});
