/**
 * The migration type-check spread over worker threads (src/migrate/typecheck-pool.ts) gives the diagnostics of the
 * same check in one thread: on a project whose migrations are wrong in several ways, batches of one root over two
 * threads and one batch in this thread agree, and find every error.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { brokenChains } from "./broken-migrations.js";
import { typecheckChain } from "../../src/migrate/typecheck.js";

test("typecheck workers › batches checked in worker threads give the one-thread diagnostics", async () => {
  const { project, sources, roots } = await brokenChains("llm-contracts-tcworkers-");
  const inThread = await typecheckChain(project, sources, roots, { batch: 64, workers: 1 });
  for (const c of ["schemas/contract-0001/", "schemas/contract-0002/", "generated/contract-0003/upgrade.ts"]) {
    assert.ok(inThread.some((d) => d.file.startsWith(c) && d.line !== undefined), `${c}: ${JSON.stringify(inThread)}`);
  }
  assert.ok(inThread.every((d) => d.code === "migration.type-error"));
  assert.deepEqual(await typecheckChain(project, sources, roots, { batch: 1, workers: 2 }), inThread);
});
