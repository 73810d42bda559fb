/**
 * Compiling contract versions in this thread, and when that is what the pool would do anyway. Its own module,
 * apart from the pool (pool.ts), because the pool brings the worker-thread machinery (src/workers.ts, node's
 * worker_threads and os): a compile of a few versions (an annotation-only edit redoes one) runs here whatever the
 * worker count, and the compiler (src/compile/compile.ts) then imports this module alone.
 */
import type { Diagnostic } from "../errors.js";
import { InputError } from "../errors.js";
import type { ContractSource, VersionSource } from "../discover/discover.js";
import { LoadCache, type LoadContext } from "../load/index.js";
import type { Project } from "../config/config.js";
import type { CompiledOutcome } from "../shapes/compiled.js";

export interface VersionJob {
  readonly contract: ContractSource;
  readonly source: VersionSource;
}

export type JobResult = CompiledOutcome | { readonly diagnostic: Diagnostic };

/**
 * Compiles one version in this thread: handed in by the compiler, so the pool never imports it. Worker threads
 * compile with the composition root's extensions (src/parallel/worker.ts).
 */
export type CompileOne = (contract: ContractSource, source: VersionSource, ctx: LoadContext) => Promise<CompiledOutcome>;

/**
 * Called with each result as soon as it is known (in completion order, which is not the job order), so this thread
 * can do per-version work such as writing a cache entry while the workers compile the rest, instead of after them.
 * It runs in this thread between two worker messages: what it costs delays nothing but this thread.
 */
export type OnResult = (index: number, result: JobResult) => void;

/** Below this many versions per worker, compiling in this thread is faster than starting workers. */
export const MIN_PER_WORKER = 12;

/** The worker count the pool uses for `jobs` versions (1 or less: this thread). */
export function workerCount(jobs: number, workers: number): number {
  return Math.min(workers, Math.floor(jobs / MIN_PER_WORKER));
}

/** Whether `jobs` versions are compiled in this thread however many workers are allowed (`workerCount` <= 1). */
export function inThreadAlways(jobs: number): boolean {
  return jobs < 2 * MIN_PER_WORKER;
}

/** Results in job order, compiled one after the other in this thread with one load cache. */
export async function inThread(project: Project, jobs: readonly VersionJob[], onResult: OnResult | undefined, compileOne: CompileOne): Promise<JobResult[]> {
  const ctx = { schemasDir: project.schemasDir, rootDir: project.rootDir, cache: new LoadCache() };
  const out: JobResult[] = [];
  for (const job of jobs) {
    const result = await settle(() => compileOne(job.contract, job.source, ctx));
    onResult?.(out.length, result);
    out.push(result);
  }
  return out;
}

/** A compile's outcome, or the diagnostic of the input it could not read. */
export async function settle(run: () => Promise<CompiledOutcome>): Promise<JobResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InputError) return { diagnostic: error.diagnostic };
    throw error;
  }
}
