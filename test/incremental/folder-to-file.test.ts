/**
 * A folder the previous run recorded, replaced by a file (and a file by a folder): the changes walk meets the
 * folder's recorded files below what is now a file, and lists them as changed (src/cache/snapshot.ts statOrAbsent: absent,
 * not an error). Each step runs check or build with and without the cache (twins.ts) and asserts equal results.
 * Main at f541ea21 ended the cached check with exit 2 ("cannot lstat: a file is where a folder must be").
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { both, C, files, twins } from "./twins.js";

async function same(dirs: [string, string], what: "build" | "check", label: string): Promise<void> {
  const r = await both(dirs, what);
  assert.equal(r.cached, r.plain, `${label}: the result differs from a ${what} without a cache`);
  assert.deepEqual(files(dirs[1]), files(dirs[0]), `${label}: generated/ or migrations differ`);
}

test("incremental › a recorded folder replaced by a file, and back, gives what a run without the cache gives", { timeout: 300_000 }, async () => {
  const dirs = twins(3);
  for (const what of ["build", "check"] as const) await both(dirs, what);
  const examples = (d: string): string => path.join(d, "schemas", C(1), "examples", "v1");
  const migrations = (d: string): string => path.join(d, "schemas", C(2), "migrations");
  for (const d of dirs) {
    cpSync(examples(d), `${d}-examples`, { recursive: true });
    rmSync(examples(d), { recursive: true });
    writeFileSync(examples(d), "{}\n");
  }
  await same(dirs, "check", "examples folder made a file: check");
  await same(dirs, "build", "examples folder made a file: build");
  await same(dirs, "check", "examples folder made a file: check after build");
  for (const d of dirs) {
    rmSync(examples(d));
    cpSync(`${d}-examples`, examples(d), { recursive: true });
  }
  await same(dirs, "check", "examples folder back: check");
  // A migrations folder, whose files the output depends on.
  for (const d of dirs) {
    cpSync(migrations(d), `${d}-migrations`, { recursive: true });
    rmSync(migrations(d), { recursive: true });
    writeFileSync(migrations(d), "not a folder\n");
  }
  await same(dirs, "check", "migrations folder made a file: check");
  for (const d of dirs) {
    rmSync(migrations(d));
    cpSync(`${d}-migrations`, migrations(d), { recursive: true });
  }
  await same(dirs, "check", "migrations folder back: check");
});
