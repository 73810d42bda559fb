/**
 * Project files that are not regular files (src/load/read-source.ts): a named pipe, a folder or an oversized file
 * where a schema, a golden example or a migration module should be. Each command that reads it ends promptly with
 * one line naming the file, exit 2, and writes nothing. A pipe used to hold `check`, `build`, `drift`, `docs` and
 * `migrate` forever when it was a migration module: every run is in a child with a time limit, so that a
 * regression fails here, naming the case, instead of hanging the suite.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readInputBytesIfPresent } from "../../src/load/read-source.js";
import { MAX_FILE_BYTES } from "../../src/load/limits.js";
import { InputError } from "../../src/errors.js";
import { BIN, copyOfExamples, snapshotTree, tempDir } from "../util/project.js";

const SKIP = process.platform === "win32" ? "named pipes made by mkfifo are POSIX" : false;

function mkfifo(file: string): void {
  const r = spawnSync("mkfifo", [file]);
  assert.equal(r.status, 0, `mkfifo ${file}: ${r.stderr}`);
}

const RUNS: readonly (readonly string[])[] = [["check"], ["check", "--no-cache"], ["build"], ["drift"], ["docs", "--out", "catalogue"], ["migrate", "issue-refund", "in.jsonl"]];

test("not-regular › a named pipe, a folder or an oversized file as a project file: exit 2 naming it, nothing written", { skip: SKIP, timeout: 600_000 }, () => {
  const root = copyOfExamples();
  writeFileSync(path.join(root, "in.jsonl"), '{"order_id":"o-1"}\n');
  const run = (args: readonly string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });
  assert.equal(run(["build"]).status, 0);
  // [label, file, plant, the commands that do not read that file: they finish as usual]
  const cases: [string, string, (abs: string) => void, string[]?][] = [
    ["a migration module as a named pipe", "schemas/issue-refund/migrations/v1-to-v2.ts", mkfifo],
    ["a migration module as a folder", "schemas/issue-refund/migrations/v1-to-v2.ts", (abs) => mkdirSync(abs)],
    ["a migration module over the size limit", "schemas/issue-refund/migrations/v1-to-v2.ts", (abs) => writeFileSync(abs, `// ${"x".repeat(MAX_FILE_BYTES)}\n`)],
    ["a schema version as a named pipe", "schemas/issue-refund/v2.json", mkfifo],
    ["a golden example as a named pipe", "schemas/issue-refund/examples/v1/valid/duplicate-charge.json", mkfifo, ["drift"]],
    ["a raw-text golden example as a named pipe", "schemas/issue-refund/examples/v1/valid/raw-output.txt", mkfifo, ["drift"]],
  ];
  for (const [label, rel, plant, notRead = []] of cases) {
    const abs = path.join(root, rel);
    const saved = existsSync(abs) ? spawnSync("cat", [abs], { encoding: "buffer" }).stdout : undefined;
    rmSync(abs, { recursive: true, force: true });
    plant(abs);
    const before = snapshotTree(root);
    for (const args of RUNS) {
      const r = run(args);
      const what = `${label}: ${args.join(" ")}`;
      assert.equal(r.error, undefined, `${what}: did not finish within 60 s`);
      if (notRead.includes(args[0]!)) {
        assert.equal(r.status, 0, `${what}: exit ${r.status}\n${r.stdout}${r.stderr}`);
        continue;
      }
      assert.equal(r.status, 2, `${what}: exit ${r.status}\n${r.stdout}${r.stderr}`);
      assert.match(`${r.stdout}${r.stderr}`, new RegExp(`^${rel.replace(/[.]/g, "\\.")}: (not a regular file|file is [0-9.]+ MB; the limit is [0-9.]+ MB) \\[input\\.(read|too-large)\\]$`, "m"), what);
      assert.deepEqual(snapshotTree(root), before, `${what}: wrote to the project`);
    }
    rmSync(abs, { recursive: true, force: true });
    if (saved !== undefined) writeFileSync(abs, saved);
  }
  assert.equal(run(["check"]).status, 0, "the project restored checks again");
  // A migration module missing: `migrate` names it (it was an internal error: the chain imported a module not there).
  const step = path.join(root, "schemas/issue-refund/migrations/v1-to-v2.ts");
  rmSync(step);
  const missing = run(["migrate", "issue-refund", "in.jsonl"]);
  assert.equal(missing.status, 2, missing.stderr);
  assert.match(missing.stderr, /^schemas\/issue-refund\/migrations\/v1-to-v2\.ts: issue-refund v1 → v2 has no migration module: run `llm-contracts build` to scaffold migrateIssueRefundV1ToV2 \[migration\.missing\]$/m);
});

test("not-regular › readInputBytesIfPresent: absent is undefined, a folder or an oversized file an InputError", () => {
  const dir = tempDir("llm-contracts-not-regular-");
  assert.equal(readInputBytesIfPresent(path.join(dir, "absent.ts"), "absent.ts"), undefined);
  assert.equal(readInputBytesIfPresent(path.join(dir, "absent", "below.ts"), "absent/below.ts"), undefined);
  const refused = (abs: string, message: RegExp): void =>
    assert.throws(() => readInputBytesIfPresent(abs, "shown.ts"), (e: unknown) => e instanceof InputError && e.diagnostic.file === "shown.ts" && message.test(e.diagnostic.message));
  refused(dir, /^not a regular file$/);
  const big = path.join(dir, "big.ts");
  writeFileSync(big, "x".repeat(MAX_FILE_BYTES + 1));
  refused(big, /^file is 5\.0 MB; the limit is 5\.0 MB$/);
  const exact = path.join(dir, "exact.ts");
  writeFileSync(exact, "é".repeat(MAX_FILE_BYTES / 2));
  assert.equal(readInputBytesIfPresent(exact, "exact.ts")?.length, MAX_FILE_BYTES, "a file of exactly the limit is read whole");
});
