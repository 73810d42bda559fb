/**
 * What the pre-commit hook is handed (the files staged against HEAD) never narrows what `check` looks at: the
 * incremental run proves every recorded file unchanged or lists it as changed (src/incremental/changes.ts), so a
 * change outside the hook's list, and a branch switch between two checks, give the result of a run without the
 * cache. Guards any later shortcut that would trust the hook's list or git alone in `check`. (`hook check` is
 * focused on the list's contracts by design, and says so: test/hook/focus.test.ts.)
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build, check } from "../../src/api/build.js";
import { resolveProject } from "../../src/config/config.js";
import { relevantFiles } from "../../src/hook/relevant.js";
import { contractName, generateProject } from "../../bench/generate.js";
import { tempDir } from "../util/project.js";

function git(root: string, ...args: string[]): void {
  const r = spawnSync("git", ["-c", "user.email=t@t", "-c", "user.name=t", "-c", "commit.gpgsign=false", ...args], { cwd: root, encoding: "utf8" });
  assert.equal(r.status, 0, `git ${args.join(" ")}: ${r.stderr}`);
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  assert.ok(text.includes(from), `${file} holds ${from}`);
  writeFileSync(file, text.replace(from, to));
}

test("incremental › a change the hook did not list, and a branch switch, are found as without the cache", { timeout: 300_000 }, async () => {
  const root = tempDir("llm-contracts-unlisted-");
  generateProject(root, 3);
  writeFileSync(path.join(root, ".gitignore"), "node_modules/\n");
  const project = resolveProject({ cwd: root });
  const same = async (what: string): Promise<string> => {
    const cached = await check(project, { workers: 1 });
    const fresh = await check(project, { workers: 1, cache: { enabled: false } });
    assert.deepEqual(cached, fresh, what);
    return cached.problems.map((p) => `${p.code} ${p.file}`).join("\n");
  };
  await build(project, { workers: 1 });
  assert.equal(await same("built"), "");
  git(root, "init", "-q", "-b", "main");
  git(root, "add", "-A");
  git(root, "commit", "-qm", "built");
  // A branch that committed a schema edit without building: its generated/ is stale.
  git(root, "checkout", "-q", "-b", "other");
  edit(path.join(root, "schemas", contractName(1), "v2.json"), "Short title.", "Short title, on the other branch.");
  git(root, "commit", "-qam", "schema edit, not built");
  git(root, "checkout", "-q", "main");
  assert.equal(await same("back on main"), "");

  // The hook lists one example; a schema outside the list changed too. The check still sees that schema.
  const listed = path.join("schemas", contractName(0), "examples", "v2", "valid", "typical.json");
  edit(path.join(root, listed), `"Item number 0`, `"Item number 0 (edited)`);
  edit(path.join(root, "schemas", contractName(2), "v2.json"), "Short title.", "Short title, edited.");
  git(root, "add", listed);
  assert.deepEqual(relevantFiles(project, [listed], root), [listed]);
  const found = await same("a change outside the hook's list");
  assert.match(found, new RegExp(`generated\\.stale generated/${contractName(2)}/`));

  // Switching branches between two checks (HEAD moves, no file is staged): each check equals a run without the cache.
  await build(project, { workers: 1 });
  git(root, "add", "-A");
  git(root, "commit", "-qm", "edits");
  assert.equal(await same("committed"), "");
  git(root, "checkout", "-q", "other");
  const other = `generated.stale generated/${contractName(1)}`;
  assert.equal(await same("switched to the other branch"), `${other}/v2.standard.ts\n${other}/v2.ts`);
  git(root, "checkout", "-q", "main");
  assert.equal(await same("switched back"), "");
});
