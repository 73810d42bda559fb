/**
 * The hooks of .pre-commit-hooks.yaml installed and run by the real pre-commit tool from a clean clone: pre-commit
 * runs `npm install` in the clone (postinstall builds dist/), `npm pack`, then installs the tarball into its own
 * node environment (the system node; only the npm registry is contacted, served from the warm cache where possible).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT, runCli, tempDir } from "../util/project.js";

const preCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" });
const skip = preCommit.status === 0 ? false : "pre-commit is not on the PATH (.ci/run installs it): hook install not tested";

function env(home: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) out[k] = v;
  return { ...out, PRE_COMMIT_HOME: home, npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false", NO_COLOR: "1" };
}

function sh(cmd: string, args: readonly string[], cwd: string, home: string): { code: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: env(home), timeout: 900_000 });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

test("pre-commit › llm-contracts-check installs from a clean clone and follows the configured folders", { skip }, () => {
  const work = tempDir("llm-contracts-precommit-");
  const home = path.join(work, "home");
  const clone = path.join(work, "clone");
  const git = (cwd: string, ...args: string[]): void => {
    const r = sh("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], cwd, home);
    assert.equal(r.code, 0, r.out);
  };
  git(work, "clone", "--quiet", REPO_ROOT, clone);
  const project = path.join(work, "project");
  git(work, "init", "--quiet", project);
  // Not the default folders: the hook must follow the config, not a fixed pattern.
  assert.equal(runCli(["init", "--schemas-dir", "contracts", "--out-dir", "lib/contracts"], project).code, 0);
  assert.equal(runCli(["build"], project).code, 0);
  writeFileSync(path.join(project, "README.md"), "app\n");
  git(project, "add", "-A");
  git(project, "commit", "--quiet", "-m", "init");

  // One hook environment for the three runs: a config pinned to the clone's commit (what a user writes), instead of
  // `try-repo`, which installs the hook again on every call.
  const rev = spawnSync("git", ["rev-parse", "HEAD"], { cwd: clone, encoding: "utf8" }).stdout.trim();
  writeFileSync(
    path.join(project, ".pre-commit-config.yaml"),
    `repos:\n  - repo: ${JSON.stringify(clone)}\n    rev: ${rev}\n    hooks:\n      - id: llm-contracts-check\n        verbose: true\n`,
  );

  const passed = sh("pre-commit", ["run", "llm-contracts-check", "--all-files"], project, home);
  assert.equal(passed.code, 0, passed.out);
  assert.match(passed.out, /llm-contracts check.*Passed/);

  const unrelated = sh("pre-commit", ["run", "llm-contracts-check", "--files", "README.md"], project, home);
  assert.equal(unrelated.code, 0, unrelated.out);
  assert.match(unrelated.out, /none of the 1 changed file\(s\) is a contract, generated or migration file; skipped/);

  appendFileSync(path.join(project, "lib/contracts/support-reply/v1.js"), "// hand edit\n");
  const edited = sh("pre-commit", ["run", "llm-contracts-check", "--files", "lib/contracts/support-reply/v1.js"], project, home);
  assert.equal(edited.code, 1, edited.out);
  assert.match(edited.out, /lib\/contracts\/support-reply\/v1\.js: edited by hand.*\[generated\.edited\]/);
});
