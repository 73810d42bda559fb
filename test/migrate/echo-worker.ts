/** A pool worker for test/migrate/typecheck-early.test.ts: replies to job `n` with `2n`, by position. */
import { parentPort } from "node:worker_threads";

parentPort!.on("message", (m: { index: number; job: number }) => parentPort!.postMessage({ index: m.index, result: m.job * 2 }));
