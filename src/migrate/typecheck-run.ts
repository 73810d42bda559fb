/**
 * The type-check of the chains the cache did not answer (typecheck.ts keys them): one batch in this thread, more
 * in worker threads, handed over as the keying finds them. Its own module because it brings the thread machinery
 * (src/workers.ts, node's worker_threads) and the batch checker: typecheck.ts imports it on the first miss, so a
 * check whose chains all hit the cache (an annotation-only schema edit changes only what the key leaves out of
 * generated files: comments and annotation values, typecheck-key.ts) loads none of it.
 */
import type ts from "typescript";
import type { Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import { JobStream } from "../workers.js";
import { checkBatch } from "./typecheck-batch.js";
import { checkInWorkers, threadBatch, threadData, typecheckWorkers, type ThreadBatch, type ThreadData } from "./typecheck-pool.js";
import { chainCompilerOptions } from "./typecheck-options.js";

/** A chain to check: its root, its cache key (none without a cache or a closure), and the files it reaches. */
export interface Miss {
  readonly root: string;
  readonly key: string | undefined;
  /** The absolute paths of every file the root reaches (undefined when not worked out, see `importClosure`). */
  readonly closure: readonly string[] | undefined;
  readonly reach: ReadonlySet<string>;
}

/**
 * Each batch's diagnostics, in batch order. Why worker threads when there are several batches: a cold check of a
 * thousand contracts spent most of its time here on one core while the others idled (the compile workers are done
 * by then); batches are independent, so they are spread over a few threads (typecheck-pool.ts) and give the same
 * diagnostics as in this thread. One batch is checked here: starting a thread and loading TypeScript again costs more.
 */
async function checkBatches(threads: ThreadData, files: ReadonlyMap<string, string>, batches: readonly ThreadBatch[], count: number): Promise<Diagnostic[][]> {
  const workers = Math.min(count, batches.length);
  if (workers > 1) return checkInWorkers(threads, batches, workers);
  const { ts: tsc } = await import("../typescript.js");
  const ctx = { tsc, options: await chainCompilerOptions(), project: threads.project, files, shared: new Map<string, ts.SourceFile>() };
  return batches.map((batch) => checkBatch(ctx, batch.roots));
}

/**
 * The batches of the chains to check, handed over as the keying loop finds them (see `typecheckChain`).
 *
 * Why the threads may start before every chain is keyed: keying a thousand cold chains (scanning imports, hashing
 * closures, writing their cache entries) is seconds of this thread's time, and a type-check thread spends about a
 * second loading TypeScript and parsing the standard library before its first batch. Once the misses fill more
 * than one batch (so threads will be used, as `checkBatches` decides), the threads start, and each batch is handed
 * to them as soon as it is full: they check the first chains while this thread keys the rest (before, they waited
 * for the last key, idle for most of the keying). How many threads: as many as the batches would be if every chain
 * not yet keyed missed too (exact on a cold run, the case this is for). The batches are the same slices of the
 * misses, in the same order, whenever they are handed over, so the results do not depend on it.
 */
export class Batcher {
  private early: { stream: JobStream<ThreadBatch>; results: Promise<Diagnostic[][]> } | undefined;
  /** Misses already handed to the threads (whole batches). */
  private handed = 0;

  constructor(
    private readonly data: ThreadData,
    private readonly files: ReadonlyMap<string, string>,
    private readonly size: number,
    private readonly threads: number,
    private readonly job: (batch: readonly Miss[]) => ThreadBatch,
  ) {}

  /** Whether the threads were started while keying (then `run` must be called at once, see startTypecheck). */
  get started(): boolean {
    return this.early !== undefined;
  }

  /** Called after each root is keyed: the `misses` so far, `left` roots still to key. */
  keyed(misses: readonly Miss[], left: number): void {
    if (this.early === undefined) {
      if (misses.length <= this.size || this.threads < 2) return;
      const count = Math.min(this.threads, Math.ceil((misses.length + left) / this.size));
      const stream = new JobStream<ThreadBatch>();
      this.early = { stream, results: checkInWorkers(this.data, stream, count) };
    }
    for (; misses.length - this.handed >= this.size; this.handed += this.size) this.early.stream.push(this.job(misses.slice(this.handed, this.handed + this.size)));
  }

  /** The keying failed: the threads started early are stopped (the caller reports the error). */
  abort(error: unknown): void {
    this.early?.results.catch(() => undefined);
    this.early?.stream.fail(error);
  }

  /** Each batch's diagnostics, in batch order (`batches`: every miss, sliced by the batch size). */
  run(batches: readonly (readonly Miss[])[]): Promise<Diagnostic[][]> {
    if (this.early === undefined) return checkBatches(this.data, this.files, batches.map(this.job), this.threads);
    for (const batch of batches.slice(this.handed / this.size)) this.early.stream.push(this.job(batch));
    this.early.stream.end();
    return this.early.results;
  }
}

/**
 * The batcher of one type-check: `split` when each batch carries only the files its chains reach (every chain's
 * closure was worked out for its key), `threads` at most (default: typecheck-pool.ts `typecheckWorkers`).
 */
export function batcherFor(project: Project, files: ReadonlyMap<string, string>, split: boolean, size: number, threads = typecheckWorkers()): Batcher {
  const data = threadData(project, files, split);
  const job = (batch: readonly Miss[]): ThreadBatch => threadBatch(project, files, batch.map((m) => m.root), data.overlay === undefined ? [] : batch.map((m) => m.closure));
  return new Batcher(data, files, size, threads, job);
}
