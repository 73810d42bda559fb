/**
 * The git hook's check is focused on the contracts its files belong to (src/incremental/focus.ts): it proves
 * those as a run without the cache does, reports nothing of the others, names the contracts of the files the
 * commit deletes (git), and falls back to the whole project whenever a file belongs to no single contract or git
 * cannot answer. `check` itself always looks at everything (test/incremental/unlisted.test.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { check } from "../../src/api/build.js";
import { resolveProject } from "../../src/config/config.js";
import { readSnapshot } from "../../src/cache/snapshot.js";
import { contractName, generateProject } from "../../bench/generate.js";
import { runCliHere } from "../util/in-process.js";
import { tempDir } from "../util/project.js";
import type { Diagnostic } from "../../src/errors.js";

function git(root: string, ...args: string[]): string {
  const r = spawnSync("git", ["-c", "user.email=t@t", "-c", "user.name=t", "-c", "commit.gpgsign=false", ...args], { cwd: root, encoding: "utf8" });
  assert.equal(r.status, 0, `git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  assert.ok(text.includes(from), `${file} holds ${from}`);
  writeFileSync(file, text.replace(from, to));
}

const lines = (problems: readonly Diagnostic[]): string[] => problems.map((p) => `${p.code} ${p.file}`).sort();

/** A built, checked and committed project of six contracts (two versions each), in git. */
async function committedProject(): Promise<string> {
  const root = tempDir("llm-contracts-focus-");
  generateProject(root, 6);
  writeFileSync(path.join(root, ".gitignore"), "node_modules/\n");
  assert.equal((await runCliHere(["build"], root)).code, 0);
  assert.equal((await runCliHere(["check"], root)).code, 0);
  git(root, "init", "-q", "-b", "main");
  git(root, "add", "-A");
  git(root, "commit", "-qm", "built");
  return root;
}

test("hook focus › proves the changed files' contracts as a run without the cache, and reports nothing of the others", { timeout: 300_000 }, async () => {
  const root = await committedProject();
  const project = resolveProject({ cwd: root });
  // contract 1: a schema edit not built (its output is stale); contract 4: the same, but not part of the commit.
  const schema1 = path.join("schemas", contractName(1), "v2.json");
  edit(path.join(root, schema1), "Short title.", "Short title, edited.");
  edit(path.join(root, "schemas", contractName(4), "v2.json"), "Short title.", "Short title, edited too.");
  git(root, "add", schema1);

  const hook = await runCliHere(["hook", "check", schema1], root);
  assert.equal(hook.code, 1, hook.stderr);
  assert.match(hook.stderr, new RegExp(`the changed files' contracts proved: ${contractName(1)}; the other 5 as the last check left them`));
  const fresh = await check(project, { workers: 1, cache: { enabled: false } });
  const own = (p: Diagnostic): boolean => p.file.includes(`/${contractName(1)}/`);
  assert.deepEqual(lines(fresh.problems.filter(own)).length, 2, "the fresh run finds contract 1 stale");
  // The focused answer is the fresh one's for contract 1, and names nothing of contract 4.
  const focused = await check(project, { workers: 1, focus: [path.join(root, schema1)] });
  assert.deepEqual(lines(focused.problems), lines(fresh.problems.filter(own)));
  assert.deepEqual(focused.focused, [contractName(1)]);
  assert.equal(focused.exitCode, 1);
  assert.doesNotMatch(hook.stderr, new RegExp(contractName(4)));
  // The whole check, after the focused ones, still finds contract 4 (what the focused run took over was not proved).
  const whole = await check(project, { workers: 1 });
  assert.deepEqual(lines(whole.problems), lines(fresh.problems));
  assert.ok(fresh.problems.some((p) => p.file.includes(`/${contractName(4)}/`)));

  // A golden example edited in a valid way: the focused check passes, as a fresh run of that contract does.
  const example = path.join("schemas", contractName(2), "examples", "v2", "valid", "typical.json");
  edit(path.join(root, example), `"Item number 2`, `"Item number 2 (edited)`);
  git(root, "add", example);
  const passed = await runCliHere(["hook", "check", example], root);
  assert.equal(passed.code, 0, passed.stderr);
  assert.match(passed.stdout, new RegExp(`check passed: 6 contracts.*proved: ${contractName(2)}; the other 5`));
  // `--all`: the whole project, as `check`.
  const all = await runCliHere(["hook", "check", "--all", example], root);
  assert.equal(all.code, 1);
  assert.match(all.stderr, new RegExp(`generated/${contractName(4)}/v2.ts`));
  assert.doesNotMatch(all.stderr, /proved:/);
});

test("hook focus › a file the commit deletes brings its contract into the focus (git names it)", { timeout: 300_000 }, async () => {
  const root = await committedProject();
  const project = resolveProject({ cwd: root });
  // Contract 3 loses its second version; its output still holds v2 (not rebuilt). Contract 0's example is edited.
  git(root, "rm", "-q", path.join("schemas", contractName(3), "v2.json"));
  const example = path.join("schemas", contractName(0), "examples", "v1", "valid", "typical.json");
  edit(path.join(root, example), `"Item number 0`, `"Item number 0 (edited)`);
  git(root, "add", example);
  const hook = await runCliHere(["hook", "check", example], root);
  const fresh = await check(project, { workers: 1, cache: { enabled: false } });
  assert.notEqual(fresh.exitCode, 0, "removing v2 without rebuilding is a problem");
  assert.equal(hook.code, fresh.exitCode, hook.stdout + hook.stderr);
  assert.match(hook.stdout + hook.stderr, new RegExp(`proved: ${contractName(0)}, ${contractName(3)};`));
  for (const p of fresh.problems) assert.ok((hook.stdout + hook.stderr).includes(p.file), `${p.code} ${p.file} reported`);
});

test("hook focus › the whole project is checked without git, without a previous run, or for a file no contract owns", { timeout: 300_000 }, async () => {
  const root = await committedProject();
  const example = path.join("schemas", contractName(5), "examples", "v2", "valid", "typical.json");
  edit(path.join(root, example), `"Item number 5`, `"Item number 5 (edited)`);
  // A shared schema file: the contracts whose schemas read it are the focus.
  const shared = path.join("schemas", "_shared", "money.json");
  const readers = [0, 1, 2, 3, 4, 5].map(contractName).filter((name) => readFileSync(path.join(root, "schemas", name, "v1.json"), "utf8").includes("money.json"));
  assert.ok(readers.length > 0 && readers.length < 6);
  const sharedRun = await runCliHere(["hook", "check", shared], root);
  assert.equal(sharedRun.code, 0, sharedRun.stderr);
  assert.match(sharedRun.stdout, new RegExp(`proved: ${readers.join(", ")};`));
  // A file of the output folder's own (no contract's): the whole project.
  const index = await runCliHere(["hook", "check", path.join("generated", "index.ts")], root);
  assert.equal(index.code, 0, index.stderr);
  assert.doesNotMatch(index.stdout, /proved:/);
  // No git (the repository moved away): git cannot name deletions, so nothing is focused.
  rmSync(path.join(root, ".git"), { recursive: true, force: true });
  const noGit = await runCliHere(["hook", "check", example], root);
  assert.equal(noGit.code, 0, noGit.stderr);
  assert.doesNotMatch(noGit.stdout, /proved:/);
  // No previous run (the cache cleared): nothing to take over, the whole project.
  const cold = tempDir("llm-contracts-focus-cold-");
  generateProject(cold, 2);
  git(cold, "init", "-q");
  const first = await runCliHere(["hook", "check", path.join("schemas", contractName(0), "v1.json")], cold);
  assert.equal(first.code, 1);
  assert.match(first.stderr, /not generated yet/);
  assert.doesNotMatch(first.stderr, /proved:/);
});

test("hook focus › the snapshot a focused run records keeps the previous start when it takes records over", { timeout: 300_000 }, async () => {
  const root = await committedProject();
  const project = resolveProject({ cwd: root });
  const id = JSON.stringify({ command: "check", rootDir: project.rootDir, configFile: project.configFile ?? null, schemasDir: project.schemasDir, outDir: project.outDir });
  const cacheDir = path.join(root, "node_modules", ".cache", "llm-contracts");
  const before = readSnapshot(cacheDir, id);
  assert.ok(before !== undefined, "the whole check left a snapshot");
  const example = path.join("schemas", contractName(2), "examples", "v2", "valid", "typical.json");
  edit(path.join(root, example), `"Item number 2`, `"Item number 2 (edited)`);
  const focused = await check(project, { workers: 1, focus: [path.join(root, example)] });
  assert.deepEqual(focused.focused, [contractName(2)]);
  const after = readSnapshot(cacheDir, id);
  assert.ok(after !== undefined);
  // Dated later, a record the previous run could prove only by hash would be proved by stat alone.
  assert.equal(after.startedAt, before.startedAt);
  // A whole run after another edit: every entry proved again, and its snapshot dated to its own start.
  edit(path.join(root, "schemas", contractName(3), "examples", "v2", "valid", "typical.json"), `"Item number 3`, `"Item number 3 (edited)`);
  const whole = await check(project, { workers: 1 });
  assert.equal(whole.exitCode, 0);
  assert.ok(readSnapshot(cacheDir, id)!.startedAt > before.startedAt);
});
