/**
 * applyPlan: unchanged top-level folders are carried over (same inodes, not rewritten), the result always equals
 * the plan, and every state an interrupted swap can leave behind is finished or undone by the next apply.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
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

/** Eight contract folders: enough that replacing one changed entry is cheaper than carrying the other seven. */
const many = (changed: Record<string, string> = {}): Map<string, string> =>
  plan(Object.fromEntries(["a", "b", "c", "d", "e", "f", "g", "h"].map((n) => [n, changed[n] ?? "1"])));

test("apply › few entries changed: only they are replaced, in place; the folder and the other entries keep their inodes", () => {
  const out = path.join(tempDir("llm-contracts-apply-"), "generated");
  applyPlan(out, many(), "generated");
  const before = { out: ino(out), a: ino(path.join(out, "a")), c: ino(path.join(out, "c/v1.ts")) };
  const next = many({ c: "2" });
  const r = applyPlan(out, next, "generated");
  assert.deepEqual(r.diff.stale, ["c/v1.ts", "c/v1.validate.ts"]);
  assertTreeIs(out, next);
  assert.equal(ino(out), before.out, "the output folder itself stays");
  assert.equal(ino(path.join(out, "a")), before.a, "an unchanged folder is not even renamed");
  assert.notEqual(ino(path.join(out, "c/v1.ts")), before.c);
  // A removed contract goes, and the changed root index with it.
  const fewer = new Map([...many()].filter(([rel]) => !rel.startsWith("h/")));
  fewer.set("index.ts", mod("a,b,c,d,e,f,g"));
  applyPlan(out, fewer, "generated");
  assertTreeIs(out, fewer);
  assert.equal(ino(out), before.out);
});

/** The state an entry replacement left when stopped after moving `moved` old entries out and `into` new ones in. */
function stoppedReplacement(out: string, next: ReadonlyMap<string, string>, replace: readonly string[], moved: readonly string[], into: readonly string[]): void {
  const paths = swapPaths(out);
  const stagingName = `.${path.basename(out)}.llm-contracts-new-999999`;
  const staging = path.join(path.dirname(out), stagingName);
  for (const [rel, text] of next) {
    if (!replace.includes(rel.split("/")[0]!)) continue;
    mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true });
    writeFileSync(path.join(staging, rel), text);
  }
  writeFileSync(paths.manifest, JSON.stringify({ replace, remove: [], staging: stagingName }));
  mkdirSync(paths.backup, { recursive: true });
  for (const name of moved) renameSync(path.join(out, name), path.join(paths.backup, name));
  for (const name of into) renameSync(path.join(staging, name), path.join(out, name));
}

test("apply › an entry replacement stopped at any step is finished by the next apply", () => {
  for (const [moved, into] of [[[], []], [["c"], []], [["c", "index.ts"], ["c"]], [["c", "index.ts"], ["c", "index.ts"]]] as const) {
    const out = path.join(tempDir("llm-contracts-apply-"), "generated");
    applyPlan(out, many(), "generated");
    const next = many({ c: "2" });
    next.set("index.ts", mod("changed"));
    stoppedReplacement(out, next, ["c", "index.ts"], moved, into);
    const r = applyPlan(out, next, "generated");
    assert.equal(r.changed, false, `stopped after ${moved.length} out, ${into.length} in: recovery finished the replacement`);
    assertTreeIs(out, next);
    assert.ok(!readdirSync(path.dirname(out)).some((n) => n.includes("llm-contracts-new")), "no staging left");
  }
});

test("apply › an entry manifest naming paths outside the output folder is not followed", () => {
  const root = tempDir("llm-contracts-apply-");
  const out = path.join(root, "generated");
  const p = many();
  applyPlan(out, p, "generated");
  mkdirSync(path.join(root, "precious"));
  writeFileSync(path.join(root, "precious/keep.txt"), "keep");
  writeFileSync(swapPaths(out).manifest, JSON.stringify({ replace: ["../precious"], remove: [], staging: "precious" }));
  applyPlan(out, p, "generated");
  assertTreeIs(out, p);
  assert.equal(readFileSync(path.join(root, "precious/keep.txt"), "utf8"), "keep");
});
