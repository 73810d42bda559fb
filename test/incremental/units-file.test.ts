/**
 * The units file (src/incremental/units.ts) is written only when its content changes (src/cache/session.ts
 * `record`): a scoped check after an edited golden example leaves every unit as it was, so the file is not
 * rewritten; a damaged units file is a miss (the whole project is redone), never a wrong replay. Every step is
 * compared with a run without the cache (twins.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RACY_MS } from "../../src/cache/files.js";
import { C, edit, step, twins } from "./twins.js";

const example = (i: number): string => `schemas/${C(i)}/examples/v1/valid/typical.json`;

test("incremental › equal units are not rewritten, and a damaged units file redoes the whole project", { timeout: 300_000 }, async () => {
  const dirs = twins(2);
  const state = path.join(dirs[1], "node_modules/.cache/llm-contracts/state");
  const unitsFiles = (): string[] => readdirSync(state).filter((f) => f.endsWith(".units.json")).map((f) => path.join(state, f));
  await step(dirs, "build", "cold build", "replay or no units");
  await new Promise((r) => setTimeout(r, RACY_MS + 200));
  await step(dirs, "check", "cold check", "replay or no units");
  const before = new Map(unitsFiles().map((f) => [f, { ino: statSync(f).ino, mtime: statSync(f).mtimeMs, text: readFileSync(f, "utf8") }]));
  assert.equal(before.size, 2, "build and check each leave a units file");

  edit(dirs, example(1), (t) => t.replace('"Item number 1"', '"Item number one"'));
  await step(dirs, "check", "example edited", C(1));
  for (const [f, was] of before) {
    const now = statSync(f);
    assert.deepEqual([now.ino, now.mtimeMs, readFileSync(f, "utf8")], [was.ino, was.mtime, was.text], `${path.basename(f)}: the same units, not rewritten`);
  }

  // A units file damaged in place (same length, other bytes) no longer has the hash its snapshot names.
  for (const f of before.keys()) {
    const text = readFileSync(f, "utf8");
    writeFileSync(f, text.replace(`"name":"${C(0)}"`, `"name":"${C(0).replace(/.$/, "9")}"`));
    assert.notEqual(readFileSync(f, "utf8"), text);
  }
  edit(dirs, example(0), (t) => t.replace('"Item number 0"', '"Item number zero"'));
  await step(dirs, "check", "example edited, units damaged", "replay or no units");

  // Units that change (an example made failing: a finding) are written, and the next run scopes with them.
  edit(dirs, example(1), (t) => t.replace('"score":0.5', '"score":"high"'));
  assert.match(await step(dirs, "check", "example failing", C(1)), /example\.rejected/);
  edit(dirs, example(1), (t) => t.replace('"score":"high"', '"score":0.5'));
  await step(dirs, "check", "example fixed", C(1));
});
