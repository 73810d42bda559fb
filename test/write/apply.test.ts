/**
 * applyPlan: unchanged top-level folders are carried over (same inodes, not rewritten), the result always equals
 * the plan, and every state an interrupted swap can leave behind is finished or undone by the next apply.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderModule } from "../../src/emit/codegen/module.js";
import { applyPlan } from "../../src/write/apply.js";
import { listFiles } from "../../src/write/plan.js";
import { swapPaths } from "../../src/write/swap.js";
import { tempDir } from "../util/project.js";

const mod = (text: string): string => renderModule({ source: "test", body: [`export const v = ${JSON.stringify(text)};`] });

function plan(contracts: Record<string, string>): Map<string, string> {
  const p = new Map<string, string>([["index.ts", mod(Object.keys(contracts).join(","))], ["_runtime/types.ts", mod("runtime")]]);
  for (const [name, text] of Object.entries(contracts)) {
    p.set(`${name}/v1.ts`, mod(`${name} ${text}`));
    p.set(`${name}/v1.validate.ts`, mod(`${name} validator ${text}`));
  }
  return p;
}

function assertTreeIs(outDir: string, expected: ReadonlyMap<string, string>): void {
  assert.deepEqual(listFiles(outDir), [...expected.keys()].sort());
  for (const [rel, text] of expected) assert.equal(readFileSync(path.join(outDir, rel), "utf8"), text, rel);
  const paths = swapPaths(outDir);
  assert.ok(!existsSync(paths.backup), "no backup left");
  assert.ok(!existsSync(paths.manifest), "no carry manifest left");
}

const ino = (file: string): number => statSync(file).ino;

test("apply › one folder changed: the others are carried over with their inodes, the result equals the plan", () => {
  const out = path.join(tempDir("llm-contracts-apply-"), "generated");
  const first = plan({ a: "1", b: "1", c: "1" });
  applyPlan(out, first, "generated");
  assertTreeIs(out, first);
  const before = { a: ino(path.join(out, "a/v1.ts")), b: ino(path.join(out, "b/v1.ts")), runtime: ino(path.join(out, "_runtime/types.ts")) };

  const second = plan({ a: "1", b: "2", c: "1" });
  const r = applyPlan(out, second, "generated");
  assert.equal(r.changed, true);
  assert.deepEqual(r.diff.stale, ["b/v1.ts", "b/v1.validate.ts"]);
  assertTreeIs(out, second);
  assert.equal(ino(path.join(out, "a/v1.ts")), before.a, "unchanged contract folder carried over");
  assert.equal(ino(path.join(out, "_runtime/types.ts")), before.runtime, "unchanged runtime folder carried over");
  assert.notEqual(ino(path.join(out, "b/v1.ts")), before.b, "changed folder written anew");
});

test("apply › a removed folder goes, an added one comes, a hand-added file in a carried folder is not carried", () => {
  const out = path.join(tempDir("llm-contracts-apply-"), "generated");
  applyPlan(out, plan({ a: "1", b: "1" }), "generated");
  writeFileSync(path.join(out, "a/leftover.ts"), mod("leftover"));
  const next = plan({ a: "1", c: "1" });
  const r = applyPlan(out, next, "generated");
  assert.deepEqual([...r.diff.extra].sort(), ["a/leftover.ts", "b/v1.ts", "b/v1.validate.ts"]);
  assertTreeIs(out, next);
});

test("apply › a swap stopped after staging was renamed in (carried folders still in the backup) is finished", () => {
  const out = path.join(tempDir("llm-contracts-apply-"), "generated");
  const paths = swapPaths(out);
  const next = plan({ a: "1", b: "2" });
  applyPlan(out, plan({ a: "1", b: "1" }), "generated");
  // The state after step 3: the new tree without the carried folder `a`, the old tree in the backup.
  renameSync(out, paths.backup);
  mkdirSync(path.join(out, "b"), { recursive: true });
  for (const [rel, text] of next) if (rel === "index.ts" || rel.startsWith("b/")) writeFileSync(path.join(out, rel), text);
  writeFileSync(paths.manifest, JSON.stringify(["_runtime", "a"]));
  const r = applyPlan(out, next, "generated");
  assert.equal(r.changed, false, "after recovery the folder already matches the plan");
  assertTreeIs(out, next);
});

test("apply › a swap stopped between the two renames restores the old tree, then applies", () => {
  const out = path.join(tempDir("llm-contracts-apply-"), "generated");
  const paths = swapPaths(out);
  applyPlan(out, plan({ a: "1" }), "generated");
  writeFileSync(paths.manifest, JSON.stringify(["_runtime", "a"]));
  renameSync(out, paths.backup);
  const next = plan({ a: "2" });
  applyPlan(out, next, "generated");
  assertTreeIs(out, next);
});

test("apply › a torn manifest carries nothing and the apply still ends with the plan", () => {
  const out = path.join(tempDir("llm-contracts-apply-"), "generated");
  const paths = swapPaths(out);
  const p = plan({ a: "1", b: "1" });
  applyPlan(out, p, "generated");
  renameSync(out, paths.backup);
  mkdirSync(out);
  writeFileSync(paths.manifest, '["a", "../../etc"');
  const r = applyPlan(out, p, "generated");
  assert.equal(r.changed, true);
  assertTreeIs(out, p);
});

test("apply › a manifest naming a path outside the backup is not followed", () => {
  const root = tempDir("llm-contracts-apply-");
  const out = path.join(root, "generated");
  const paths = swapPaths(out);
  const p = plan({ a: "1" });
  applyPlan(out, p, "generated");
  mkdirSync(path.join(root, "precious"));
  writeFileSync(path.join(root, "precious/keep.txt"), "keep");
  renameSync(out, paths.backup);
  mkdirSync(out);
  writeFileSync(paths.manifest, JSON.stringify(["../precious"]));
  applyPlan(out, p, "generated");
  assertTreeIs(out, p);
  assert.equal(readFileSync(path.join(root, "precious/keep.txt"), "utf8"), "keep");
});
