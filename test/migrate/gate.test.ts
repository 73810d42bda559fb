import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";
import { resolveProject } from "../../src/config/config.js";
import { migrationStatus } from "../../src/migrate/status.js";

const V1 = { type: "object", properties: { reason: { enum: ["a", "b", "legacy"] } }, required: ["reason"], additionalProperties: false };
const V2 = { type: "object", properties: { reason: { enum: ["a", "b"] } }, required: ["reason"], additionalProperties: false };
const STUB = "schemas/refund/migrations/v1-to-v2.ts";

interface Problem {
  code: string;
  file: string;
  line?: number;
  message: string;
}

test("gate › a breaking step with an unimplemented stub fails check; implementing it passes", async () => {
  const dir = makeProject({ "schemas/refund/contract.json": { kind: "tool-arguments" }, "schemas/refund/v1.json": V1, "schemas/refund/v2.json": V2 });
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const project = resolveProject({ root: dir, cwd: dir });
  assert.equal(migrationStatus(project, "refund", 1), "stub");
  assert.equal(migrationStatus(project, "refund", 2), "missing");

  const failed = await runCliHere(["check", "--format", "json"], dir);
  assert.equal(failed.code, 1, failed.stderr);
  const gate = (JSON.parse(failed.stdout) as { problems: Problem[] }).problems.filter((p) => p.code.startsWith("migration."));
  assert.equal(gate.length, 1, failed.stdout);
  assert.equal(gate[0]!.code, "migration.not-implemented");
  assert.equal(gate[0]!.file, STUB);
  assert.match(gate[0]!.message, /^refund v1 → v2 breaks old documents \(.*enum.*\) and migrateRefundV1ToV2 is not implemented/);
  const text = readFileSync(path.join(dir, STUB), "utf8");
  assert.match(text.split("\n")[gate[0]!.line! - 1]!, /notImplemented\(/, "the reported line holds the marker");

  writeFileSync(path.join(dir, STUB), text.replace(/notImplemented\("[^"]*(?:\\.[^"]*)*"\)/, '"a"'));
  assert.equal((await runCliHere(["build"], dir)).code, 0); // drops the now unused marker import
  assert.equal(migrationStatus(project, "refund", 1), "implemented");
  const passed = await runCliHere(["check", "--format", "json"], dir);
  const left = (JSON.parse(passed.stdout) as { problems: Problem[] }).problems.filter((p) => p.code.startsWith("migration."));
  assert.deepEqual(left, []);
});

test("gate › a missing migration module is reported until build scaffolds it", async () => {
  const dir = makeProject({ "schemas/refund/contract.json": { kind: "tool-arguments" }, "schemas/refund/v1.json": V1, "schemas/refund/v2.json": V2 });
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  writeFileSync(path.join(dir, STUB), "");
  const r = await runCliHere(["check", "--format", "json"], dir);
  assert.equal(r.code, 1);
  const codes = (JSON.parse(r.stdout) as { problems: Problem[] }).problems.map((p) => p.code);
  assert.ok(codes.includes("migration.type-error"), codes.join(", ")); // the chain imports a function the module lacks
});
