/**
 * Golden examples written as raw model output (`.txt`, run through the text parser) on both paths that run
 * examples: the compile's and check's examples-only lane (src/incremental/examples-lane.ts). The text parser is
 * loaded only when such an example is met (src/compile/examples-run.ts): each step runs `check` on two copies of a
 * project, one with the cache and one without (twins.ts), and asserts equal results, the contracts redone and
 * whether the lane was taken.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { both, C, edit, twins } from "./twins.js";

const codes = (result: string): string[] => (JSON.parse(result) as { problems: { code: string }[] }).problems.map((p) => p.code);
const text = (i: number): string => `schemas/${C(i)}/examples/v2/valid/answer.txt`;

async function check(dirs: [string, string], label: string, redid: string, lane: boolean): Promise<string[]> {
  const r = await both(dirs, "check");
  assert.equal(r.cached, r.plain, `${label}: the result differs from a check without a cache`);
  assert.equal(r.redid, redid, `${label}: redid`);
  assert.equal(r.lane, lane, `${label}: examples-only lane ${lane ? "not " : ""}taken`);
  return codes(r.plain);
}

test("incremental › text examples pass and fail alike through the compile and through the examples-only lane", { timeout: 300_000 }, async () => {
  const dirs = twins(2);
  // A model's answer as raw text: the typical example's value, with the text before and after it a model writes.
  const value = readFileSync(path.join(dirs[0], `schemas/${C(1)}/examples/v2/valid/typical.json`), "utf8").trim();
  for (const d of dirs) writeFileSync(path.join(d, text(1)), `${value}\n`);
  for (const what of ["build", "check"] as const) await both(dirs, what);
  assert.deepEqual(await check(dirs, "replay", "replay or no units", false), []);

  // Another valid answer: the lane runs it through the text parser and takes the previous result.
  edit(dirs, text(1), (t) => t.replace(/"title":"[^"]*"/, '"title":"An answer"'));
  assert.deepEqual(await check(dirs, "text example edited", C(1), true), []);
  // Cut short (as a model's output may be): rejected by the parser, so the lane falls through to the compile.
  edit(dirs, text(1), (t) => t.slice(0, t.length - 4));
  assert.deepEqual(await check(dirs, "text example cut short", C(1), false), ["example.rejected"]);
  edit(dirs, text(1), () => `${value}\n`);
  assert.deepEqual(await check(dirs, "text example restored", C(1), false), []);
});
