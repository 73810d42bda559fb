/**
 * Scratch folders (src/cache/scratch.ts) stay inside the project's real path: `migrate` and `drift --against`
 * write their temporary trees there, never under the system's temp folder, and a `tmp` link out of the project is
 * not written through.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeScratch } from "../../src/cache/scratch.js";
import { makeProject, runCli, tempDir } from "../util/project.js";

const S = "https://json-schema.org/draft/2020-12/schema";

/** Points the default cache folder's `tmp` at a folder outside the project and returns that folder. */
function linkTmpOut(dir: string): string {
  const outside = tempDir("llmc-outside-");
  const cache = path.join(dir, "node_modules", ".cache", "llm-contracts");
  mkdirSync(cache, { recursive: true });
  symlinkSync(outside, path.join(cache, "tmp"));
  return outside;
}

const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.startsWith(".llmc-"));

test("scratch › made under the cache folder's tmp/, inside the project, removed by dispose", () => {
  const dir = tempDir("llmc-scratch-");
  const a = makeScratch({ rootDir: dir }, "chain");
  const b = makeScratch({ rootDir: dir }, "chain");
  assert.notEqual(a.dir, b.dir, "every scratch folder is fresh");
  assert.equal(path.dirname(a.dir), path.join(dir, "node_modules", ".cache", "llm-contracts", "tmp"));
  writeFileSync(path.join(a.dir, "x.js"), "");
  a.dispose();
  b.dispose();
  assert.equal(existsSync(a.dir), false);
  const own = makeScratch({ rootDir: dir, cacheDir: path.join(dir, "cache") }, "ref");
  assert.equal(path.dirname(own.dir), path.join(dir, "cache", "tmp"), "a configured cacheDir is used");
  own.dispose();
});

test("scratch › a tmp/ linked out of the project is not written through: the root is used instead", () => {
  const dir = tempDir("llmc-scratch-");
  const outside = linkTmpOut(dir);
  const s = makeScratch({ rootDir: dir }, "chain");
  assert.equal(path.dirname(realpathSync(s.dir)), realpathSync(dir));
  assert.match(path.basename(s.dir), /^\.llmc-chain-/);
  s.dispose();
  assert.deepEqual(readdirSync(outside), []);
  assert.deepEqual(leftovers(dir), []);
});

test("scratch › drift --against writes nothing under the system temp folder nor through a link out, and leaves nothing", () => {
  const V1 = { $schema: S, type: "object", properties: { a: { type: "string" } }, required: ["a"] };
  const repo = makeProject({ "schemas/c/contract.json": { kind: "model-output", compatibility: "backward" }, "schemas/c/v1.json": V1 });
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.invalid", ...args], { cwd: repo, stdio: ["ignore", "pipe", "pipe"] });
  git("init", "-q", "-b", "main");
  git("add", "schemas");
  git("commit", "-qm", "v1");
  writeFileSync(path.join(repo, "schemas/c/v1.json"), JSON.stringify({ ...V1, properties: { a: { type: "string", maxLength: 3 } } }));
  // TMPDIR names a file: anything written under the system's temp folder fails the command.
  const systemTmp = path.join(tempDir("llmc-system-tmp-"), "not-a-folder");
  writeFileSync(systemTmp, "");
  const inCache = runCli(["drift", "--against", "main"], repo, { TMPDIR: systemTmp });
  assert.equal(inCache.code, 1, inCache.stdout + inCache.stderr);
  assert.match(inCache.stdout, /length-range-narrowed/);
  assert.deepEqual(readdirSync(path.join(repo, "node_modules", ".cache", "llm-contracts", "tmp")), [], "the scratch folder is removed");
  rmSync(path.join(repo, "node_modules"), { recursive: true });
  const outside = linkTmpOut(repo);
  const atRoot = runCli(["drift", "--against", "main"], repo, { TMPDIR: systemTmp });
  assert.equal(atRoot.stdout, inCache.stdout);
  assert.deepEqual(readdirSync(outside), [], "nothing written through the link");
  assert.deepEqual(leftovers(repo), [], "the scratch folder is removed");
});
