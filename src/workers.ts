/**
 * A pool of worker threads fed jobs by position: what the compile pool (src/parallel/pool.ts) and the migration
 * type-check (src/migrate/typecheck-pool.ts) share. Each worker gets up to `inFlight` jobs ahead of its replies and
 * the next one as each reply arrives, so a thread that drew small jobs takes more of them; results are kept by
 * position, so their order is the jobs' order whatever finishes first.
 *
 * The worker side of the protocol: for a job message carrying `index`, reply `{ index, result }`, or
 * `{ index, fatal }` with the error's text, which stops the pool and rejects its promise.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

/** `LLM_CONTRACTS_WORKERS` or the available parallelism, at most 8. */
export function defaultWorkers(): number {
  const env = Number(process.env["LLM_CONTRACTS_WORKERS"]);
  if (Number.isInteger(env) && env >= 1) return env;
  return Math.min(availableParallelism(), 8);
}

export interface PoolOptions<J, R> {
  /** The worker's entry module. */
  readonly entry: URL;
  readonly workerData: unknown;
  /** Threads to start (the caller decides when threads are worth it). */
  readonly count: number;
  /** Jobs sent to a worker ahead of its replies (1: the next job only once the last one is answered). */
  readonly inFlight: number;
  /** The message for job `index` (it must carry `index`). */
  readonly message: (job: J, index: number) => { readonly index: number };
  /**
   * Sees each result as it arrives (completion order), after its worker got its next job: per-result work in this
   * thread overlaps the workers'. A throw stops the pool and rejects with it.
   */
  readonly onResult?: (index: number, result: R) => void;
  /**
   * Threads already started on `entry` with this `workerData` (see `startWorkers`): they are used first, and only
   * the rest of `count` is started here; any beyond `count` are stopped.
   */
  readonly started?: readonly Worker[];
}

/**
 * `count` threads on `entry`, started now so that they load their modules while this thread still prepares the
 * jobs; handed to `runInWorkers` as `started`, or stopped with `stopWorkers`.
 */
export function startWorkers(entry: URL, workerData: unknown, count: number): Worker[] {
  return Array.from({ length: count }, () => {
    const worker = new Worker(entry, { workerData });
    // Until `runInWorkers` listens, a thread that fails to start is remembered here, not thrown in this thread.
    worker.once("error", (error) => earlyErrors.set(worker, error));
    return worker;
  });
}

const earlyErrors = new WeakMap<Worker, Error>();

export function stopWorkers(workers: readonly Worker[]): void {
  for (const w of workers) void w.terminate();
}

/**
 * Jobs known one at a time: `push` hands one over (an idle thread gets it at once), `end` says there are no more,
 * `fail` stops the pool with an error. For a caller that works the jobs out over seconds (the migration type-check
 * keys its chains one by one) and whose threads should start on the first ones meanwhile.
 */
export class JobStream<J> {
  readonly jobs: J[] = [];
  private closed = false;
  private failure: { readonly error: unknown } | undefined;
  private listener: (() => void) | undefined;

  push(job: J): void {
    if (this.closed) throw new Error("JobStream: push after end");
    this.jobs.push(job);
    this.listener?.();
  }

  end(): void {
    this.closed = true;
    this.listener?.();
  }

  fail(error: unknown): void {
    this.closed = true;
    this.failure = { error };
    this.listener?.();
  }

  get ended(): boolean {
    return this.closed;
  }

  get failed(): { readonly error: unknown } | undefined {
    return this.failure;
  }

  /** The pool's callback for every later change (one pool per stream). */
  listen(listener: () => void): void {
    this.listener = listener;
  }
}

interface Reply<R> {
  readonly index: number;
  readonly result?: R;
  readonly fatal?: string;
}

/**
 * Every job's result, in job order. Given a promise, the jobs are still being worked out: the threads start now
 * (`startWorkers`: they load their modules while this thread works) and are fed once the list is known, exactly
 * as threads started early by the caller are; a rejection stops them. One early-start mechanism serves both.
 * Given a `JobStream`, the threads take each job as it is pushed.
 */
export function runInWorkers<J, R>(given: readonly J[] | Promise<readonly J[]> | JobStream<J>, o: PoolOptions<J, R>): Promise<R[]> {
  if (!(given instanceof Promise)) return feedWorkers(given, o);
  const own = o.started ?? [];
  const started = [...own, ...startWorkers(o.entry, o.workerData, Math.max(0, o.count - own.length))];
  return given.then(
    (jobs) => feedWorkers(jobs, { ...o, started }),
    (error: unknown) => {
      stopWorkers(started);
      throw error instanceof Error ? error : new Error(String(error));
    },
  );
}

/**
 * Every job's result, in job order, from `o.count` threads (those in `o.started` first). From a stream, a thread
 * with a free slot waits in `waiting` until the next job is pushed, and the pool ends when the stream has ended and
 * every pushed job is answered.
 */
function feedWorkers<J, R>(source: readonly J[] | JobStream<J>, o: PoolOptions<J, R>): Promise<R[]> {
  const stream = source instanceof JobStream ? source : undefined;
  const jobs: readonly J[] = stream !== undefined ? stream.jobs : (source as readonly J[]);
  const results = new Array<R>(jobs.length);
  // Threads waiting for a job of the stream (one entry per job slot, `inFlight` per thread).
  const waiting: Worker[] = [];
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    let failed = false;
    const stop = (error?: Error): void => {
      failed = failed || error !== undefined;
      for (const w of pool) void w.terminate();
      if (error !== undefined) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker): void => {
      if (next >= jobs.length) return;
      const index = next++;
      worker.postMessage(o.message(jobs[index]!, index));
    };
    const started = o.started ?? [];
    stopWorkers(started.slice(o.count));
    if (stream === undefined && jobs.length === 0) {
      stopWorkers(started);
      return resolve(results);
    }
    for (let i = 0; i < o.count; i++) {
      const worker = started[i] ?? new Worker(o.entry, { workerData: o.workerData });
      pool.push(worker);
      worker.on("message", (reply: Reply<R>) => {
        if (failed) return;
        if (reply.fatal !== undefined) return stop(new Error(reply.fatal));
        results[reply.index] = reply.result!;
        const last = ++done === jobs.length && (stream === undefined || stream.ended);
        // The worker gets its next job before this thread spends time on the result.
        if (!last) {
          if (next < jobs.length) feed(worker);
          else if (stream !== undefined) waiting.push(worker);
        }
        try {
          o.onResult?.(reply.index, reply.result!);
        } catch (error) {
          return stop(error instanceof Error ? error : new Error(String(error)));
        }
        if (last) stop();
      });
      worker.on("error", (error) => {
        if (!failed) stop(error);
      });
      const early = earlyErrors.get(worker);
      if (early !== undefined) {
        stopWorkers(started);
        return stop(early);
      }
      for (let k = 0; k < o.inFlight; k++) {
        if (stream !== undefined) waiting.push(worker);
        else feed(worker);
      }
    }
    if (stream === undefined) return;
    const wake = (): void => {
      if (failed) return;
      const failure = stream.failed;
      if (failure !== undefined) return stop(failure.error instanceof Error ? failure.error : new Error(String(failure.error)));
      while (waiting.length > 0 && next < jobs.length) feed(waiting.shift()!);
      if (stream.ended && done === jobs.length) stop();
    };
    stream.listen(wake);
    wake();
  });
}
