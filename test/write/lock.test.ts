/**
 * One run at a time per output folder (src/write/lock.ts): a live owner's lock makes a second run wait (and give
 * up, exit 2, when it is held too long), a dead owner's lock is taken over, and the staging folders and temp files
 * of dead runs are removed by the next build, also one the cache would replay as a no-op.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { clearLeftovers, leftovers, lockFile, lockOutput } from "../../src/write/lock.js";
import { readTree } from "../util/generated.js";
import { BIN, contractFiles, makeProject, runCli, tempDir } from "../util/project.js";

const OBJ = { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false };
const OBJ2 = { ...OBJ, properties: { a: { type: "string" }, b: { type: "string" } } };

/** A pid that is not running: a child that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}

test("lock › exclusive while held; released on release; a dead owner's lock is taken over", () => {
  const out = path.join(tempDir("llm-contracts-lock-"), "generated");
  const lock = lockOutput(out, "generated");
  assert.equal(readFileSync(lockFile(out), "utf8"), `${process.pid} ${os.hostname()}\n`);
  assert.throws(() => lockOutput(out, "generated", 100), /generated: another llm-contracts run \(\d+ .*\) is writing this folder.*\[generated\.locked\]/);
  lock.release();
  assert.equal(existsSync(lockFile(out)), false);

  writeFileSync(lockFile(out), `${deadPid()} ${os.hostname()}\n`);
  const taken = lockOutput(out, "generated", 100);
  assert.equal(readFileSync(lockFile(out), "utf8"), `${process.pid} ${os.hostname()}\n`);
  taken.release();
  assert.deepEqual(leftovers(out), [], "the taken-over lock file is gone");
});

test("lock › a build waits for a live owner and runs once it is released; gives up with exit 2 when held too long", async () => {
  const dir = makeProject({ ...contractFiles("ping", [OBJ]) });
  const out = path.join(dir, "generated");
  const held = lockOutput(out, "generated");
  const gaveUp = spawnSync(process.execPath, [BIN, "build", "--no-cache"], { cwd: dir, encoding: "utf8", env: { ...process.env, LLM_CONTRACTS_LOCK_WAIT_MS: "300" } });
  assert.equal(gaveUp.status, 2, gaveUp.stderr);
  assert.match(gaveUp.stderr.trim(), /^generated: another llm-contracts run \(\d+ .*\) is writing this folder; try again when it has finished \[generated\.locked\]$/);
  assert.equal(existsSync(out), false, "nothing written while locked");

  const child = spawn(process.execPath, [BIN, "build", "--no-cache"], { cwd: dir, stdio: "ignore" });
  let code: number | null | undefined;
  const exited = new Promise<void>((resolve) => child.on("exit", (c) => ((code = c), resolve())));
  // A build compiles in a few seconds, then waits: while the lock is held it neither ends nor writes.
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  assert.equal(code, undefined, "the build did not end while the lock was held");
  assert.equal(existsSync(out), false, "nothing written while locked");
  held.release();
  await exited;
  assert.equal(code, 0);
  assert.equal(existsSync(path.join(out, "ping", "v1.ts")), true);
  assert.deepEqual(leftovers(out), []);
});

test("lock › leftovers of dead runs are removed by the next build, also a no-op the cache would replay", () => {
  const dir = makeProject({ ...contractFiles("ping", [OBJ, OBJ2]) });
  assert.equal(runCli(["build"], dir).code, 0);
  const before = readTree(path.join(dir, "generated"));
  const staging = path.join(dir, `.generated.llm-contracts-new-${deadPid()}`);
  mkdirSync(path.join(staging, "ping"), { recursive: true });
  writeFileSync(path.join(staging, "ping", "v1.ts"), "x".repeat(1 << 20));
  writeFileSync(path.join(dir, ".generated.llm-contracts-carry.4242.tmp"), "[");
  writeFileSync(lockFile(path.join(dir, "generated")), `${deadPid()} ${os.hostname()}\n`);
  const r = runCli(["build"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith(".generated")), []);
  assert.deepEqual(readTree(path.join(dir, "generated")), before);
  assert.match(runCli(["build"], dir).stdout, /up to date/i, "then a no-op again");
});

test("lock › clearLeftovers removes only this folder's staging, temp and stale-lock files", () => {
  const parent = tempDir("llm-contracts-left-");
  const out = path.join(parent, "generated");
  for (const n of [".generated.llm-contracts-new-1", ".generated.llm-contracts-carry.1.tmp", ".generated.llm-contracts-lock.1.stale"]) writeFileSync(path.join(parent, n), "");
  for (const n of [".generated.llm-contracts-carry", ".generated.llm-contracts-lock", ".other.llm-contracts-new-1", "generated-new"]) writeFileSync(path.join(parent, n), "");
  assert.deepEqual(clearLeftovers(out).sort(), [".generated.llm-contracts-carry.1.tmp", ".generated.llm-contracts-lock.1.stale", ".generated.llm-contracts-new-1"]);
  assert.deepEqual(readdirSync(parent).sort(), [".generated.llm-contracts-carry", ".generated.llm-contracts-lock", ".other.llm-contracts-new-1", "generated-new"]);
});
