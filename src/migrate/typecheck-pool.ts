/**
 * Type-check batches spread over worker threads (typecheck-worker.ts, through the shared pool src/workers.ts), fed
 * one batch at a time as each finishes, so a thread that drew small batches takes more of them. Results come back
 * by position: the diagnostics of batch i are `checkBatch` of batch i, whichever thread checked it.
 */
import type { Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import { runInWorkers } from "../workers.js";

export { defaultWorkers as typecheckWorkers } from "../workers.js";

/** Each batch's diagnostics, in batch order, from `count` worker threads. */
export function checkInWorkers(
  project: Project,
  files: ReadonlyMap<string, string>,
  /** The batches, or a promise of them: the threads start and warm up meanwhile (typecheck-worker.ts). */
  batches: readonly (readonly string[])[] | Promise<readonly (readonly string[])[]>,
  count: number,
): Promise<Diagnostic[][]> {
  return runInWorkers<readonly string[], Diagnostic[]>(batches, {
    entry: new URL("./typecheck-worker.js", import.meta.url),
    workerData: { project, files: [...files] },
    count,
    inFlight: 1,
    message: (roots, index) => ({ index, roots }),
  });
}
