/**
 * `compileVersions` hands each result to `onResult` as soon as it is known: every job exactly once, with the very
 * result the returned array holds at that index, in this thread and in workers; an `onResult` that throws fails
 * the call (and stops the workers) instead of being lost.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { generateProject } from "../../bench/generate.js";
import { resolveProject, type Project } from "../../src/config/config.js";
import { discoverContracts } from "../../src/discover/discover.js";
import { compileOneVersion } from "../../src/api/compile.js";
import { compileVersions, MIN_PER_WORKER, type CompileOne, type JobResult, type VersionJob } from "../../src/parallel/pool.js";
import { tempDir } from "../util/project.js";

function setup(): { project: Project; jobs: VersionJob[]; one: CompileOne } {
  const root = tempDir("llm-contracts-on-result-");
  // Two versions per contract: enough versions for two workers.
  generateProject(root, MIN_PER_WORKER + 2);
  const project = resolveProject({ cwd: root });
  const jobs = discoverContracts(project).contracts.flatMap((contract) => contract.versions.map((source) => ({ contract, source })));
  return { project, jobs, one: (contract, source, ctx) => compileOneVersion(project, contract, source, ctx) };
}

for (const workers of [1, 2]) {
  test(`parallel › onResult sees every result once, as returned (${workers} worker${workers > 1 ? "s" : ""})`, async () => {
    const { project, jobs, one } = setup();
    assert.ok(jobs.length >= 2 * MIN_PER_WORKER);
    const seen = new Map<number, JobResult>();
    const results = await compileVersions(project, jobs, workers, (index, result) => {
      assert.ok(!seen.has(index), `index ${index} twice`);
      seen.set(index, result);
    }, one);
    assert.equal(results.length, jobs.length);
    assert.deepEqual([...seen.keys()].sort((a, b) => a - b), jobs.map((_, i) => i));
    for (const [index, result] of seen) assert.equal(result, results[index]);
    assert.ok(results.every((r) => "outcome" in r));
  });

  test(`parallel › an onResult that throws fails the call (${workers} worker${workers > 1 ? "s" : ""})`, async () => {
    const { project, jobs, one } = setup();
    let calls = 0;
    await assert.rejects(
      compileVersions(project, jobs, workers, () => {
        if (++calls === 3) throw new Error("cache full");
      }, one),
      /cache full/,
    );
    assert.equal(calls, 3);
  });
}
