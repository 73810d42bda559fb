/**
 * `--` ends the options, and for the hook the first changed file does too: a changed file that looks like an
 * option (`--root=x`) is a file, never a flag pointing the hook at another project.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { contractFiles, makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const OBJ = { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false };

test("hook › a changed file named --root=x after a file is a file, not a flag", async () => {
  const dir = makeProject({ ...contractFiles("ping", [OBJ]), "x/README.md": "another project with no schemas" });
  // Never built: a check that runs finds the missing output (exit 1); one pointed at x/ would skip (exit 0).
  for (const args of [["schemas/ping/v1.json", "--root=x"], ["--", "schemas/ping/v1.json", "--root=x"], ["--", "--root=x", "schemas/ping/v1.json"]]) {
    const r = await runCliHere(["hook", "check", ...args], dir);
    assert.equal(r.code, 1, `${args.join(" ")}: ${r.stdout}${r.stderr}`);
    assert.doesNotMatch(r.stdout, /skipped/);
    assert.match(r.stderr, /generated\/index\.ts: not generated yet/);
  }
  // Only files that look like options, after `--`: none is relevant, so the hook skips this project (not x/).
  const skipped = await runCliHere(["hook", "check", "--", "--root=x"], dir);
  assert.equal(skipped.code, 0, skipped.stderr);
  assert.match(skipped.stdout, /none of the 1 changed file\(s\)/);
  // Flags before the files still work.
  const flagged = await runCliHere(["hook", "check", "--format", "json", "schemas/ping/v1.json"], dir);
  assert.equal(flagged.code, 1);
  assert.doesNotThrow(() => JSON.parse(flagged.stdout));
});

test("validate, migrate › after --, a file named like an option is a file", async () => {
  const dir = makeProject({ ...contractFiles("ping", [OBJ]) });
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  writeFileSync(path.join(dir, "--format=json"), `${JSON.stringify({ a: "x" })}\n`);
  const r = await runCliHere(["validate", "ping@1", "--", "--format=json"], dir);
  assert.equal(r.code, 0, r.stderr);
  const m = await runCliHere(["migrate", "ping", "--", "--format=json"], dir);
  assert.equal(m.code, 0, m.stderr);
  assert.match(m.stdout, /"a": ?"x"/);
});
