/**
 * Type-check batches spread over worker threads (typecheck-worker.ts), fed one batch at a time as each finishes, so
 * a thread that drew small batches takes more of them. Results come back by position: the diagnostics of batch i
 * are `checkBatch` of batch i, whichever thread checked it.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";

/** `LLM_CONTRACTS_WORKERS` or the available parallelism, at most 8 (as the compile pool, src/parallel/pool.ts). */
export function typecheckWorkers(): number {
  const env = Number(process.env["LLM_CONTRACTS_WORKERS"]);
  if (Number.isInteger(env) && env >= 1) return env;
  return Math.min(availableParallelism(), 8);
}

interface Reply {
  readonly index: number;
  readonly diagnostics?: Diagnostic[];
  readonly fatal?: string;
}

/** Each batch's diagnostics, in batch order, from `count` worker threads. */
export function checkInWorkers(project: Project, files: ReadonlyMap<string, string>, batches: readonly (readonly string[])[], count: number): Promise<Diagnostic[][]> {
  const results: Diagnostic[][] = new Array<Diagnostic[]>(batches.length);
  const overlay = [...files];
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    let failed = false;
    const stop = (error?: Error): void => {
      for (const w of pool) void w.terminate();
      if (error !== undefined) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker): void => {
      if (next >= batches.length) return;
      const index = next++;
      worker.postMessage({ index, roots: batches[index] });
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL("./typecheck-worker.js", import.meta.url), { workerData: { project, files: overlay } });
      pool.push(worker);
      worker.on("message", (reply: Reply) => {
        if (failed) return;
        if (reply.fatal !== undefined) {
          failed = true;
          return stop(new Error(reply.fatal));
        }
        results[reply.index] = reply.diagnostics!;
        if (++done === batches.length) return stop();
        feed(worker);
      });
      worker.on("error", (error) => {
        if (failed) return;
        failed = true;
        stop(error);
      });
      feed(worker);
    }
  });
}
