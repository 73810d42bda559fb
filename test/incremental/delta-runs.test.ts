/**
 * Delta snapshots through real runs (src/cache/snapshot-delta.ts): after a sequence of example edits written as
 * deltas over one base (an edit, an edit elsewhere, an example made failing and fixed, one added and removed), the
 * incremental `check` equals a `check` without any cache at every step, and the no-op replays the last result.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RACY_MS } from "../../src/cache/files.js";
import { C, edit, step, twins } from "./twins.js";

const example = (i: number): string => `schemas/${C(i)}/examples/v1/valid/typical.json`;

test("incremental › checks written as deltas equal checks without a cache, edit after edit", { timeout: 300_000 }, async () => {
  const dirs = twins(2);
  const state = path.join(dirs[1], "node_modules/.cache/llm-contracts/state");
  const deltas = (): string[] => readdirSync(state).filter((f) => f.endsWith(".delta"));
  await step(dirs, "build", "cold build", "replay or no units");
  // Until the files are older than the racy window, their records are proved by hashing: no folder is kept.
  await new Promise((r) => setTimeout(r, RACY_MS + 200));
  await step(dirs, "check", "cold check", "replay or no units");
  assert.deepEqual(deltas(), [], "the first check writes a base");

  edit(dirs, example(1), (t) => t.replace('"Item number 1"', '"Item number one"'));
  await step(dirs, "check", "example edited", C(1));
  assert.equal(deltas().length, 1, "a scoped check writes a delta");
  edit(dirs, example(0), (t) => t.replace('"Item number 0"', '"Item number zero"'));
  await step(dirs, "check", "another example edited", C(0));
  edit(dirs, example(1), (t) => t.replace('"score":0.5', '"score":"high"'));
  assert.match(await step(dirs, "check", "example failing", C(1)), /example\.rejected/);
  edit(dirs, example(1), (t) => t.replace('"score":"high"', '"score":0.5'));
  await step(dirs, "check", "example fixed", C(1));
  for (const d of dirs) writeFileSync(path.join(d, `schemas/${C(0)}/examples/v1/valid/added.json`), readFileSync(path.join(d, example(0)), "utf8").replace('"Item number 0"', '"Added"'));
  const added = await step(dirs, "check", "example added", C(0));
  for (const d of dirs) rmSync(path.join(d, `schemas/${C(0)}/examples/v1/valid/added.json`));
  await step(dirs, "check", "example removed", C(0));
  assert.equal(deltas().length, 1, "still one delta over the base");
  assert.doesNotMatch(added, /example\.rejected/, "the added example passes");
  await step(dirs, "check", "no-op", "replay or no units");
  assert.ok(existsSync(state));
});
