/**
 * Type-check batches spread over worker threads (typecheck-worker.ts, through the shared pool src/workers.ts), fed
 * one batch at a time as each finishes, so a thread that drew small batches takes more of them. Results come back
 * by position: the diagnostics of batch i are `checkBatch` of batch i, whichever thread checked it.
 *
 * Why a batch carries its own files: the overlay (every generated module of the plan, about 28 MB of text at a
 * thousand contracts) was copied whole to every thread, though a chain reaches a tenth of a contract's modules and a
 * thread checks only its share of the chains. When every chain's import closure is known (typecheck.ts keys them),
 * a thread starts with the project-wide modules only and each batch brings the files its chains reach; the thread
 * is also told every path of the overlay, so that a file a closure missed fails the batch instead of being read
 * from a possibly stale disk. Without the closures (no cache to key them for), every thread gets the whole overlay.
 */
import type { Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import { runInWorkers, type JobStream } from "../workers.js";
import { projectWideModule } from "./typecheck-batch.js";

export { defaultWorkers as typecheckWorkers } from "../workers.js";

/** One batch for a thread: its roots, and the overlay's files they reach that the thread was not given at its start. */
export interface ThreadBatch {
  readonly roots: readonly string[];
  readonly files: readonly (readonly [string, string])[];
}

/** What a type-check thread starts with: see typecheck-worker.ts. */
export interface ThreadData {
  readonly project: Project;
  readonly files: readonly (readonly [string, string])[];
  /** Every path of the overlay, when `files` is only the project-wide part of it (then each batch brings the rest). */
  readonly overlay?: readonly string[];
}

/**
 * The batches of `roots` for threads started with `threadData(…, split = true)`: each with the overlay's files its
 * chains reach (`reach`, absolute paths, the closures), or, for a batch with a chain whose closure is unknown, every
 * file of the overlay that is not project-wide.
 */
export function threadBatch(project: Project, files: ReadonlyMap<string, string>, roots: readonly string[], reach: readonly (Iterable<string> | undefined)[]): ThreadBatch {
  const projectWide = projectWideModule(project);
  const wanted = reach.some((r) => r === undefined) ? files.keys() : new Set(reach.flatMap((r) => [...r!]));
  const out: [string, string][] = [];
  for (const file of wanted) {
    const text = files.get(file);
    if (text !== undefined && !projectWide(file)) out.push([file, text]);
  }
  return { roots, files: out };
}

/** The threads' start: the whole overlay, or (`split`) its project-wide modules and the list of its paths. */
export function threadData(project: Project, files: ReadonlyMap<string, string>, split: boolean): ThreadData {
  if (!split) return { project, files: [...files] };
  const projectWide = projectWideModule(project);
  return { project, files: [...files].filter(([f]) => projectWide(f)), overlay: [...files.keys()] };
}

/** Each batch's diagnostics, in batch order, from `count` worker threads. */
export function checkInWorkers(
  data: ThreadData,
  /** The batches, or a stream of them: the threads start, warm up and check the first ones meanwhile (typecheck.ts). */
  batches: readonly ThreadBatch[] | JobStream<ThreadBatch>,
  count: number,
): Promise<Diagnostic[][]> {
  return runInWorkers<ThreadBatch, Diagnostic[]>(batches, {
    entry: new URL("./typecheck-worker.js", import.meta.url),
    workerData: data,
    count,
    inFlight: 1,
    message: (batch, index) => ({ index, roots: batch.roots, files: batch.files }),
  });
}
