/**
 * Workers started early (`startEarly`, before the compile knows its jobs) change nothing but when the threads load:
 * `compileVersions` uses as many of them as the jobs need and stops the rest, or stops all of them and compiles in
 * this thread; the results are those of a compile without them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Worker } from "node:worker_threads";
import { generateProject } from "../../bench/generate.js";
import { resolveProject, type Project } from "../../src/config/config.js";
import { discoverContracts } from "../../src/discover/discover.js";
import { compileOneVersion } from "../../src/api/compile.js";
import { compileVersions, MIN_PER_WORKER, startEarly, type CompileOne, type VersionJob } from "../../src/parallel/pool.js";
import { runInWorkers, startWorkers } from "../../src/workers.js";
import { tempDir } from "../util/project.js";

function setup(): { project: Project; jobs: VersionJob[]; one: CompileOne } {
  const root = tempDir("llm-contracts-early-");
  generateProject(root, MIN_PER_WORKER + 2);
  const project = resolveProject({ cwd: root });
  const jobs = discoverContracts(project).contracts.flatMap((contract) => contract.versions.map((source) => ({ contract, source })));
  return { project, jobs, one: (contract, source, ctx) => compileOneVersion(project, contract, source, ctx) };
}

/** Resolves with the threads that have exited once every one of `workers` has. */
const exited = (workers: readonly Worker[]): Promise<unknown> => Promise.all(workers.map((w) => new Promise((resolve) => w.on("exit", resolve))));

test("parallel › startEarly starts no thread for work one thread does", () => {
  const { project } = setup();
  assert.equal(startEarly(project, 2 * MIN_PER_WORKER - 1, 4), undefined);
  assert.equal(startEarly(project, 10 * MIN_PER_WORKER, 1), undefined);
});

test("parallel › early workers beyond what the jobs need are stopped; each job's result comes back at its place", async () => {
  const { project, jobs, one } = setup();
  assert.ok(jobs.length >= 2 * MIN_PER_WORKER && jobs.length < 3 * MIN_PER_WORKER);
  const started = startEarly(project, 3 * MIN_PER_WORKER, 3)!;
  assert.equal(started.length, 3);
  const gone = exited(started);
  const got = await compileVersions(project, jobs, 3, undefined, one, started);
  // (That the threads compile as this one does is workers.test.ts's: a compile of that size starts them early too.)
  assert.deepEqual(
    got.map((r) => ("outcome" in r ? r.outcome.files.find(([rel]) => rel.endsWith(".validate.ts"))?.[0] : r.diagnostic.message)),
    jobs.map((j) => `${j.contract.name}/v${j.source.version}.validate.ts`),
  );
  // Two threads did the work (the pool stops them at the end), the third was stopped unused: all exit.
  await gone;
});

test("parallel › early workers are all stopped when the jobs are compiled in this thread", async () => {
  const { project, jobs, one } = setup();
  const few = jobs.slice(0, MIN_PER_WORKER);
  const started = startEarly(project, 4 * MIN_PER_WORKER, 2)!;
  const gone = exited(started);
  const got = await compileVersions(project, few, 2, undefined, one, started);
  assert.equal(got.length, few.length);
  assert.ok(got.every((r) => "outcome" in r));
  await gone;
});

test("parallel › a thread started early that failed to start fails the pool with its error, not this thread", async () => {
  const entry = new URL("data:text/javascript,throw new Error('boom at start')");
  const started = startWorkers(entry, null, 2);
  // Both fail before the pool listens to them.
  await exited(started);
  const pool = runInWorkers([1, 2, 3], { entry, workerData: null, count: 2, inFlight: 1, message: (_job, index) => ({ index }), started });
  await assert.rejects(pool, /boom at start/);
});
