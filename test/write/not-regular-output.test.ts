/**
 * Output folders others may write into (src/contain/read-regular.ts): a named pipe as a file the output folder
 * should not hold, as one of its generated files, and in a catalogue folder. `check`, `build` and `docs` each end
 * promptly with the answer they give for any such file (a file not generated: exit 2 naming it; a generated file
 * not as written: edited). A pipe used to hold `check` (it read a left-over file for its banner) and `docs` (it
 * compared the old catalogue) forever, as did one where the output folder's lock or a swap's manifest is (build):
 * every run is a child with a time limit, so a regression fails, naming it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BIN, copyOfExamples } from "../util/project.js";

const SKIP = process.platform === "win32" ? "named pipes made by mkfifo are POSIX" : false;

function mkfifo(file: string): void {
  const r = spawnSync("mkfifo", [file]);
  assert.equal(r.status, 0, `mkfifo ${file}: ${r.stderr}`);
}

test("not-regular output › named pipes in and beside generated/ and in a catalogue folder: every command answers", { skip: SKIP, timeout: 300_000 }, () => {
  const root = copyOfExamples();
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });
    assert.equal(r.error, undefined, `${args.join(" ")}: did not finish within 60 s`);
    return { code: r.status, text: `${r.stdout}${r.stderr}` };
  };
  assert.equal(run("build").code, 0);

  const extra = path.join(root, "generated", "left-over.ts");
  mkfifo(extra);
  for (const args of [["check"], ["check", "--no-cache"], ["build"]]) {
    const r = run(...args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.text}`);
    assert.match(r.text, /^generated\/left-over\.ts: the output folder holds a file llm-contracts did not generate; .* \[generated\.foreign-file\]$/m, args.join(" "));
  }
  rmSync(extra);

  const own = path.join(root, "generated", "issue-refund", "v1.ts");
  rmSync(own);
  mkfifo(own);
  for (const args of [["check"], ["check", "--no-cache"]]) {
    const r = run(...args);
    assert.equal(r.code, 1, `${args.join(" ")}: ${r.text}`);
    assert.match(r.text, /^generated\/issue-refund\/v1\.ts: edited by hand; .* \[generated\.edited\]$/m, args.join(" "));
  }
  assert.equal(run("build").code, 2, "build refuses to replace a folder holding a file it did not write");
  rmSync(own);
  assert.equal(run("build").code, 0);

  // Beside the output folder: its lock (src/write/lock.ts) and a swap's manifest (src/write/swap.ts).
  const lock = path.join(root, ".generated.llm-contracts-lock");
  // A named pipe, and a link (to a lock-shaped file: a link is never followed, so it is not a lock either).
  writeFileSync(path.join(root, "lock-shaped"), `${process.pid} ${os.hostname()}\n`);
  for (const [what, plant] of [["a named pipe", mkfifo], ["a link", (f: string) => symlinkSync(path.join(root, "lock-shaped"), f)]] as const) {
    plant(lock);
    const locked = run("build", "--no-cache");
    assert.equal(locked.code, 2, `${what} as the lock: ${locked.text}`);
    assert.match(locked.text, /^\.generated\.llm-contracts-lock: this is not a lock file llm-contracts wrote \(not a regular file, or too large\): remove it \[generated\.locked\]$/m, what);
    rmSync(lock);
  }
  const carry = path.join(root, ".generated.llm-contracts-carry");
  mkfifo(carry);
  assert.equal(run("build", "--no-cache").code, 0, "a build recovers from a manifest that is not one");
  assert.equal(existsSync(carry), false, "the pipe where a manifest was is cleared");

  assert.equal(run("docs", "--out", "catalogue").code, 0);
  const page = path.join(root, "catalogue", readdirSync(path.join(root, "catalogue")).find((f) => f.endsWith(".html"))!);
  rmSync(page);
  mkfifo(page);
  const docs = run("docs", "--out", "catalogue");
  assert.equal(docs.code, 0, docs.text);
  assert.ok(lstatSync(page).isFile(), "the catalogue written again, the pipe replaced");
});
