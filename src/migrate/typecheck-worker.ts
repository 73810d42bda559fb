/**
 * A type-check worker: checks the batches of upgrade-chain roots it is sent (typecheck-batch.ts), one at a time,
 * and replies with each batch's diagnostics by position. Its own thread's entry point; it imports nothing above
 * the migration floor. The standard library is parsed once per worker and shared by its batches; a batch's own
 * files (typecheck-pool.ts) are dropped once it is checked.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ts } from "../typescript.js";
import { checkBatch, warmBatches, type BatchContext } from "./typecheck-batch.js";
import type { ThreadData } from "./typecheck-pool.js";
import { chainCompilerOptions } from "./typecheck-options.js";

const { project, files, overlay } = workerData as ThreadData;
// Made as the worker starts, before its first batch arrives (the main thread is still keying the chains then).
const ctx: Promise<BatchContext> = chainCompilerOptions().then((options) => {
  const made: BatchContext = { tsc: ts, options, project, files: new Map(files), shared: new Map(), ...(overlay === undefined ? {} : { overlay: new Set(overlay) }) };
  warmBatches(made);
  return made;
});

const fatal = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

// Batches are checked one after the other (checkBatch is synchronous); the pool keeps one queued behind the running one.
parentPort!.on("message", (job: { index: number; roots: readonly string[]; files: readonly (readonly [string, string])[] }) => {
  void ctx
    .then((c) => parentPort!.postMessage({ index: job.index, result: checkBatch(c, job.roots, new Map(job.files)) }))
    .catch((error: unknown) => parentPort!.postMessage({ index: job.index, fatal: fatal(error) }));
});
