/**
 * A compile worker: compiles the versions it is sent, one at a time in the order sent, and replies with each result
 * by position. A thread's entry point (the top of its own thread, like cli/main.ts), so it takes the extension list
 * from the composition root.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PLAN_EXTENSIONS } from "../api/extensions.js";
import { compileVersionOutcome, preloadCompilers } from "../compile/version.js";
import type { Project } from "../config/config.js";
import type { ContractSource, VersionSource } from "../discover/discover.js";
import { LoadCache } from "../load/index.js";
import { settle } from "./in-thread.js";

const { project } = workerData as { project: Project };
const ctx = { schemasDir: project.schemasDir, rootDir: project.rootDir, cache: new LoadCache() };

// Every job needs the compilers: loading starts now, before the first job arrives (a worker started early gets its
// first job only once the main thread has listed them all: src/parallel/pool.ts `startEarly`).
const loading = preloadCompilers();

// The pool sends the next job before this one is done (pool.ts); jobs still run one after the other, in order.
let queue: Promise<void> = loading.then(() => undefined, () => undefined);
parentPort!.on("message", (job: { index: number; contract: ContractSource; source: VersionSource }) => {
  queue = queue.then(() =>
    settle(() => compileVersionOutcome(project, PLAN_EXTENSIONS, job.contract, job.source, ctx)).then(
      (result) => parentPort!.postMessage({ index: job.index, result }),
      (error: unknown) => parentPort!.postMessage({ index: job.index, fatal: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    ),
  );
});
