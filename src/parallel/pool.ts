/**
 * Compiling contract versions in worker threads. Versions are independent (each is loaded, compiled and its
 * examples run on its own), so they are spread over a few workers; results come back by position, so the order
 * of the output is the order of the input whatever finishes first.
 *
 * Why not always: a worker must load the compiler (ajv, json-schema-to-typescript) again, which costs about as
 * much as compiling a handful of versions, so small batches run in this thread (in-thread.ts, which the compiler
 * imports alone when the batch is that small whatever the worker count).
 */
import { statSync } from "../contain/stat.js";
import type { Project } from "../config/config.js";
import type { Worker } from "node:worker_threads";
import { defaultWorkers, runInWorkers, startWorkers, stopWorkers } from "../workers.js";
import { inThread, workerCount, type CompileOne, type JobResult, type OnResult, type VersionJob } from "./in-thread.js";

export { defaultWorkers, stopWorkers } from "../workers.js";
export { MIN_PER_WORKER, settle, type CompileOne, type JobResult, type OnResult, type VersionJob } from "./in-thread.js";

/**
 * Jobs sent to a worker ahead of its replies. Why more than one: a worker that waits for its next job while this
 * thread is busy (receiving another worker's result) idles; with one job queued behind the running one it never waits.
 */
const IN_FLIGHT = 2;

const ENTRY = new URL("./worker.js", import.meta.url);

/**
 * Compile workers started before the jobs are known, for a compile that will need them: the compiler lists its
 * jobs (cache keys, one per version) on this thread first, and the threads load the compilers meanwhile (on a cold
 * 1,000-contract build each side takes about a second). `jobs` is how many versions the compile may have to
 * compile; undefined when that many would be compiled in this thread. Hand the result to `compileVersions`, which uses them
 * or stops them.
 */
export function startEarly(project: Project, jobs: number, workers = defaultWorkers()): Worker[] | undefined {
  const count = workerCount(jobs, workers);
  return count <= 1 ? undefined : startWorkers(ENTRY, { project }, count);
}

/**
 * Results in job order. `onResult` (optional) sees each one first, see `OnResult`. `started`: threads from
 * `startEarly` (used when the jobs need workers, else stopped).
 */
export async function compileVersions(
  project: Project,
  jobs: readonly VersionJob[],
  workers = defaultWorkers(),
  onResult: OnResult | undefined,
  compileOne: CompileOne,
  started?: readonly Worker[],
): Promise<JobResult[]> {
  const count = workerCount(jobs.length, workers);
  if (count <= 1) {
    stopWorkers(started ?? []);
    return inThread(project, jobs, onResult, compileOne);
  }
  return await inWorkers(project, jobs, count, onResult, started);
}

/**
 * Job positions, the largest schema file first (ties in job order). Why: the pool hands each worker its next job as
 * it finishes one, so the jobs drawn last decide how long one thread runs alone at the end; drawing the large ones
 * first leaves small ones for last, and the threads finish close together. A file that cannot be read sorts as 0
 * (its job reports it).
 */
export function largestFirst(jobs: readonly VersionJob[]): number[] {
  const size = jobs.map((job) => statSync(job.source.file, { throwIfNoEntry: false })?.size ?? 0);
  return jobs.map((_, i) => i).sort((a, b) => size[b]! - size[a]! || a - b);
}

async function inWorkers(project: Project, jobs: readonly VersionJob[], count: number, onResult: OnResult | undefined, started: readonly Worker[] | undefined): Promise<JobResult[]> {
  const order = largestFirst(jobs);
  const drawn = await runInWorkers<VersionJob, JobResult>(
    order.map((i) => jobs[i]!),
    {
      entry: ENTRY,
      workerData: { project },
      ...(started !== undefined ? { started } : {}),
      count,
      inFlight: IN_FLIGHT,
      message: (job, index) => ({ index, contract: job.contract, source: job.source }),
      ...(onResult !== undefined ? { onResult: (k: number, r: JobResult) => onResult(order[k]!, r) } : {}),
    },
  );
  // Back in job order: the output never depends on the order the jobs were drawn in.
  const out = new Array<JobResult>(jobs.length);
  order.forEach((i, k) => (out[i] = drawn[k]!));
  return out;
}
