/**
 * What a `check` after an annotation-only schema edit loads besides what it must: the edited contract runs every
 * check step (drift says "description changed"), but no step needs a process, a socket or the performance clock,
 * and the migration gate asks only whether a module still calls `notImplemented` (src/migrate/markers.ts), not
 * how a stub is written. So node's child_process (with net and dgram, loaded by drift's git support) and
 * perf_hooks stay unloaded, and so do the stub writer's modules (src/migrate/stub.ts, body.ts, stub-in-step.ts).
 * Nor does anything start or feed a thread: the one version redone compiles in this thread without the pool
 * (src/parallel/in-thread.ts), and the chains' type-check keys all hit (comments and annotation values are not part
 * of them), so its batch checker and thread pool (src/migrate/typecheck-run.ts) stay unloaded, and so does the
 * one module of ours that loads node's worker_threads (src/workers.ts). The version's validator and its golden
 * examples' outcome come from the cache (the same code, the same example files): the fast path's emitter, the
 * examples' runner and the runtime it runs them with are not loaded.
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

// Not `net`: writing to stderr when it is a pipe (as here) loads it.
// Not `worker_threads` either: the probe's module hook (test/util/loads.ts) runs in a thread of its own.
const BUILTINS = ["child_process", "dgram", "perf_hooks"];
const OURS = [
  "drift/git.js", "migrate/stub.js", "migrate/body.js", "migrate/stub-in-step.js",
  "parallel/pool.js", "workers.js", "migrate/typecheck-run.js", "migrate/typecheck-batch.js", "migrate/typecheck-pool.js",
  // The validator comes from the blind cache (src/compile/validator-cache.ts): the fast path's emitter stays unloaded;
  // and the examples' outcome under it from the cache too (src/compile/examples-cache.ts): nor are they run.
  "emit/fast/refs.js", "emit/fast/index.js", "compile/examples-run.js", "runtime/runtime.js",
  // A version module is rendered knowing only the name of the worded collector (src/emit/fast/collect/worded.ts):
  // neither the collector's writing context nor the runtime's error wording it words errors with is loaded.
  "emit/fast/collect/context.js", "runtime/errors.js", "runtime/limits.js",
  // Every migration is implemented: the gate runs no stub analysis (src/migrate/step-pairs.ts).
  "migrate/analyze.js", "migrate/compare.js",
];
/** The watched builtins and modules of ours that a `check` in `dir` loaded, and whether its steps ran. */
function checkLoads(dir: string, exit: number): { builtins: string[]; ours: string[]; steps: boolean } {
  const loads = cliLoads(dir, ["check"], exit);
  return {
    builtins: BUILTINS.filter((b) => loads.builtins.has(b)),
    ours: OURS.filter(loads.ours),
    // The steps ran for the edited contract (the drift step and the migration gate were loaded) after its version
    // was compiled again, in this thread (the version compiler and what runs it there were loaded).
    steps: ["drift/step.js", "migrate/gate.js", "compile/version.js", "parallel/in-thread.js"].every(loads.ours),
  };
}

test("incremental › an annotation-only edit's check runs its steps without child_process, perf_hooks, the stub writer or a thread", { timeout: 120_000 }, () => {
  const dir = tempDir("llm-contracts-annotation-loads-");
  generateProject(dir, 2, 0, { breaking: true });
  assert.equal(runCli(["build"], dir).code, 0);
  implementStubs(dir);
  assert.equal(runCli(["build"], dir).code, 0);
  assert.equal(runCli(["check"], dir).code, 0);
  const file = path.join(dir, "schemas", contractName(1), "v2.json");
  for (const [round, exit] of [[1, 1], [2, 1]] as const) {
    writeFileSync(file, readFileSync(file, "utf8").replace(/"Short title[^"]*"/, `"Short title (edit ${round})."`));
    const loads = checkLoads(dir, exit);
    assert.equal(loads.steps, true, "the edited contract's steps ran");
    assert.deepEqual(loads.builtins, [], `round ${round}: builtins`);
    assert.deepEqual(loads.ours, [], `round ${round}: modules of ours`);
    assert.equal(runCli(["build"], dir).code, 0);
  }
});
