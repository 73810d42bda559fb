/**
 * What a type-check thread is given (src/migrate/typecheck-pool.ts): the project-wide modules at its start, and
 * with each batch the overlay's files its chains reach. A file of the overlay a batch was not given is never read
 * from disk in its place (the disk may hold an older build): the batch fails. And the pool behind the threads takes
 * its jobs as a stream (src/workers.ts `JobStream`): a job is checked as soon as it is pushed, before the last one.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveProject } from "../../src/config/config.js";
import { ts } from "../../src/typescript.js";
import { checkBatch, type BatchContext } from "../../src/migrate/typecheck-batch.js";
import { chainCompilerOptions } from "../../src/migrate/typecheck.js";
import { threadBatch, threadData } from "../../src/migrate/typecheck-pool.js";
import { JobStream, runInWorkers } from "../../src/workers.js";
import { tempDir } from "../util/project.js";

test("typecheck split › threads start with the project-wide modules; a batch brings its chains' files, and a missing one fails it", async () => {
  const project = resolveProject({ cwd: tempDir("llm-contracts-tcsplit-") });
  const out = project.outDir;
  const runtime = path.join(out, "_runtime.ts");
  const a = path.join(out, "a", "upgrade.ts");
  const aType = path.join(out, "a", "v1.ts");
  const b = path.join(out, "b", "upgrade.ts");
  const files = new Map([
    [runtime, "export type Id = string;\n"],
    [aType, 'import type { Id } from "../_runtime.js";\nexport interface A { id: Id }\n'],
    [a, 'import type { A } from "./v1.js";\nexport const a: A = { id: 1 };\n'],
    [b, 'export const b: number = "b";\n'],
  ]);
  // The folders exist, as after a build (the compiler looks for a folder before the files in it).
  for (const f of files.keys()) mkdirSync(path.dirname(f), { recursive: true });
  const data = threadData(project, files, true);
  assert.deepEqual(data.files.map(([f]) => f), [runtime]);
  assert.deepEqual(new Set(data.overlay), new Set(files.keys()));
  assert.deepEqual(threadData(project, files, false).files, [...files]);
  // A batch carries what its closures reach, project-wide modules left out; an unknown closure carries every file.
  assert.deepEqual(new Set(threadBatch(project, files, [a], [[a, aType, runtime]]).files.map(([f]) => f)), new Set([a, aType]));
  assert.deepEqual(new Set(threadBatch(project, files, [a, b], [[a, aType, runtime], undefined]).files.map(([f]) => f)), new Set([a, aType, b]));

  const ctx: BatchContext = { tsc: ts, options: await chainCompilerOptions(), project, files: new Map(data.files), shared: new Map(), overlay: new Set(data.overlay) };
  const given = threadBatch(project, files, [a], [[a, aType, runtime]]);
  const found = checkBatch(ctx, given.roots, new Map(given.files));
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(found[0]!.file, "generated/a/upgrade.ts");
  assert.match(found[0]!.message, /Type 'number' is not assignable to type 'string'/);
  // The same diagnostics as with the whole overlay in the thread.
  assert.deepEqual(checkBatch({ tsc: ts, options: ctx.options, project, files, shared: new Map() }, [a]), found);

  // A closure that missed `v1.ts`: an older copy on disk is not read in its place; the batch fails and names it.
  writeFileSync(aType, "export interface A { id: number }\n");
  assert.throws(() => checkBatch({ ...ctx, shared: new Map() }, [a], new Map([[a, files.get(a)!]])), /generated\/a\/v1\.ts was not handed to this batch/);
});

test("worker pool › jobs given as a stream: each fed as it is pushed, results in job order; an empty or failed stream", async () => {
  const entry = new URL("./echo-worker.js", import.meta.url);
  const seen: number[] = [];
  let arrived: (() => void) | undefined;
  const options = { entry, workerData: undefined, count: 2, inFlight: 1, message: (job: number, index: number) => ({ index, job }), onResult: (_i: number, r: number) => (seen.push(r), arrived?.()) };
  const stream = new JobStream<number>();
  const pool = runInWorkers<number, number>(stream, options);
  stream.push(3);
  stream.push(1);
  stream.push(4);
  // Checked before the stream ends (a pool that waited for the end would time out here).
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${seen.length} of 3 results before the end`)), 20_000);
    arrived = () => seen.length === 3 && (clearTimeout(timer), resolve());
  });
  stream.push(5);
  stream.end();
  assert.deepEqual(await pool, [6, 2, 8, 10]);

  const empty = new JobStream<number>();
  empty.end();
  assert.deepEqual(await runInWorkers<number, number>(empty, options), []);
  const failing = new JobStream<number>();
  const failed = runInWorkers<number, number>(failing, options);
  failing.push(1);
  failing.fail(new Error("keying broke"));
  await assert.rejects(failed, /keying broke/);
});
