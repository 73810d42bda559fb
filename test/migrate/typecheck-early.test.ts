/**
 * The migration type-check's threads start while the chains are still being keyed (src/migrate/typecheck.ts,
 * `Batcher`), and the pool behind them takes a promise of its jobs (src/workers.ts). The diagnostics are those of
 * one batch in this thread, with the run cache as without it, and read back from it on a second run; a failed keying stops the threads it started (the test would hang otherwise).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { brokenChains } from "./broken-migrations.js";
import { typecheckChain } from "../../src/migrate/typecheck.js";
import { withRunCache, type RunCache } from "../../src/cache/context.js";
import { CacheStore } from "../../src/cache/store.js";
import { runInWorkers } from "../../src/workers.js";
import { tempDir } from "../util/project.js";

/** A run cache with a store only: the type-check reads nothing else of it. */
const storeOnly = (store: CacheStore): RunCache => ({ store }) as unknown as RunCache;

test("typecheck early › threads started while keying give the one-thread diagnostics, cached or not", async () => {
  const { project, sources, roots } = await brokenChains("llm-contracts-tcearly-");
  const inThread = await typecheckChain(project, sources, roots, { batch: 64, workers: 1 });
  assert.equal(new Set(inThread.map((d) => d.file)).size, 3, JSON.stringify(inThread));

  // Batches of one over two threads: the threads start once a second miss is keyed, before the last root is.
  const store = new CacheStore(tempDir("llm-contracts-tcearly-cache-"), "tool");
  const cold = await withRunCache(storeOnly(store), () => typecheckChain(project, sources, roots, { batch: 1, workers: 2 }));
  assert.deepEqual(cold, inThread);
  // Every chain cached: the same diagnostics, read back.
  const warm = await withRunCache(storeOnly(store), () => typecheckChain(project, sources, roots, { batch: 1, workers: 2 }));
  assert.deepEqual(warm, inThread);
});

test("typecheck early › a keying that fails stops the threads it started and reports its error", async () => {
  const { project, sources, roots } = await brokenChains("llm-contracts-tcearly-fail-");
  const store = new CacheStore(tempDir("llm-contracts-tcearly-failcache-"), "tool");
  // The third chain's lookup fails, after two misses have started the threads (batch 1).
  const chainKeys: string[] = [];
  const failing = Object.create(store) as CacheStore;
  failing.key = (kind: string, ...parts: string[]): string => {
    const made = store.key(kind, ...parts);
    if (kind === "typecheck") chainKeys.push(made);
    return made;
  };
  failing.get = <T>(key: string): T | undefined => {
    if (key === chainKeys[2]) throw new Error("the cache broke");
    return store.get<T>(key);
  };
  await assert.rejects(
    withRunCache(storeOnly(failing), () => typecheckChain(project, sources, roots, { batch: 1, workers: 2 })),
    /the cache broke/,
  );
});

test("worker pool › jobs given as a promise: results in job order, none, or the rejection", async () => {
  const entry = new URL("./echo-worker.js", import.meta.url);
  const options = { entry, workerData: undefined, count: 2, inFlight: 1, message: (job: number, index: number) => ({ index, job }) };
  const later = new Promise<readonly number[]>((resolve) => setTimeout(() => resolve([3, 1, 2, 5]), 50));
  assert.deepEqual(await runInWorkers<number, number>(later, options), [6, 2, 4, 10]);
  assert.deepEqual(await runInWorkers<number, number>(Promise.resolve([]), options), []);
  await assert.rejects(runInWorkers<number, number>(Promise.reject(new Error("no jobs")), options), /no jobs/);
});
