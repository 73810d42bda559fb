import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { copyOfExamples, makeProject, REPO_ROOT } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const S = "https://json-schema.org/draft/2020-12/schema";
const V1 = { $schema: S, type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false };
const V2 = { ...V1, properties: { a: { type: "string" }, b: { type: "integer" } } };

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function repo(files: Record<string, string | object>): string {
  const dir = makeProject(files);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.name", "Drift Test");
  git(dir, "config", "user.email", "drift@example.invalid");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "published");
  return dir;
}

const fixture = (id: string, side: string) => path.join(REPO_ROOT, "test", "fixtures", "drift", id, `${side}.json`);

test("diff › exit 0 when compatible in the mode, 1 when not, 2 on usage errors", async () => {
  const [a, b] = [fixture("property-added", "before"), fixture("property-added", "after")];
  assert.equal((await runCliHere(["diff", a, b, "--mode", "backward"], REPO_ROOT)).code, 0);
  const full = await runCliHere(["diff", a, b], REPO_ROOT);
  assert.equal(full.code, 1);
  assert.match(full.stdout, /property-added .*breaks forward/);
  assert.match(full.stdout, /witness: \{"a":"","b":0\} is valid under new and invalid under old/);
  for (const args of [[a], [a, b, "--mode", "sideways"], [a, b, "--format", "xml"], [a, path.join(REPO_ROOT, "missing.json")]]) {
    const r = await runCliHere(["diff", ...args], REPO_ROOT);
    assert.equal(r.code, 2, `diff ${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, /^(llm-contracts: |.*\[input\.read\])/m);
  }
});

test("diff › every output format renders the verdict and the witness", async () => {
  const [a, b] = [fixture("enum-value-removed", "before"), fixture("enum-value-removed", "after")];
  const json = await runCliHere(["diff", a, b, "--format", "json"], REPO_ROOT);
  assert.equal(json.code, 1, json.stderr);
  const parsed = JSON.parse(json.stdout) as { verdict: Record<string, string>; changes: { rule: string; witness?: { value: unknown; validUnder: string } }[] };
  assert.deepEqual(parsed.verdict, { backward: "incompatible", forward: "compatible" });
  assert.deepEqual(parsed.changes[0]?.witness, { value: "c", validUnder: "old" });
  const md = (await runCliHere(["diff", a, b, "--format", "markdown"], REPO_ROOT)).stdout;
  assert.match(md, /NOT compatible/);
  assert.match(md, /```json\n  "c"\n  ```/);
  const gh = (await runCliHere(["diff", a, b, "--format", "github"], REPO_ROOT)).stdout;
  assert.match(gh, /^::error file=.*enum-value-removed\/after\.json,line=\d+,title=enum-value-removed/m);
  const sarif = JSON.parse((await runCliHere(["diff", a, b, "--format", "sarif"], REPO_ROOT)).stdout) as { version: string; runs: { results: { ruleId: string; level: string }[] }[] };
  assert.equal(sarif.version, "2.1.0");
  assert.deepEqual(sarif.runs[0]?.results.map((r) => [r.ruleId, r.level]), [["enum-value-removed", "error"]]);
  const text = await runCliHere(["diff", a, b, "--mode", "forward"], REPO_ROOT);
  assert.equal(text.code, 0);
  assert.doesNotMatch(text.stdout, /\u001b\[/, "no colour without a TTY");
});

test("drift › the bundled contracts pass with their acknowledgements and migrations, and fail without them", async () => {
  const dir = copyOfExamples();
  const ok = await runCliHere(["drift"], dir);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  // ticket-triage v2 → v3 breaks old outputs, and its implemented migration covers that step.
  assert.match(ok.stdout, /ack required-added .*#\/properties\/escalation[^\n]*\n(.*\n)*?\s+acknowledged: covered by the implemented migration schemas\/ticket-triage\/migrations\/v2-to-v3\.ts/);
  assert.match(ok.stdout, /ack property-added .*#\/properties\/note_to_customer/);
  writeFileSync(path.join(dir, "schemas", "drift-acknowledgements.json"), '{"acknowledgements": []}\n');
  const fail = await runCliHere(["drift", "--format", "json"], dir);
  assert.equal(fail.code, 1);
  const report = JSON.parse(fail.stdout) as { pairs: { contract: string; from: number; to: number; ok: boolean }[] };
  assert.deepEqual(report.pairs.filter((p) => !p.ok).map((p) => `${p.contract} ${p.from}->${p.to}`).sort(), ["issue-refund 1->2"]);
  rmSync(path.join(dir, "schemas", "ticket-triage", "migrations", "v2-to-v3.ts"));
  const uncovered = JSON.parse((await runCliHere(["drift", "--format", "json"], dir)).stdout) as typeof report;
  assert.deepEqual(uncovered.pairs.filter((p) => !p.ok).map((p) => `${p.contract} ${p.from}->${p.to}`).sort(), ["issue-refund 1->2", "ticket-triage 2->3"]);
  writeFileSync(path.join(dir, "schemas", "drift-acknowledgements.json"), '{"acknowledgements": [{"contract": "x"}]}\n');
  assert.equal((await runCliHere(["drift"], dir)).code, 2);
});

test("drift › --transitive compares every earlier version", async () => {
  const dir = copyOfExamples();
  const out = JSON.parse((await runCliHere(["drift", "--transitive", "--format", "json"], dir)).stdout) as { pairs: { contract: string; from: number; to: number; check: string }[] };
  assert.ok(out.pairs.some((p) => p.contract === "ticket-triage" && p.from === 1 && p.to === 3 && p.check === "transitive"));
});

test("drift --against › a mutated published version or a deleted one is an error; a new compatible version passes", async () => {
  const contract = { kind: "model-output", compatibility: "backward" };
  const dir = repo({ "schemas/c/contract.json": contract, "schemas/c/v1.json": V1, "schemas/d/contract.json": contract, "schemas/d/v1.json": V1 });
  assert.equal((await runCliHere(["drift", "--against", "main"], dir)).code, 0);
  writeFileSync(path.join(dir, "schemas/c/v2.json"), JSON.stringify(V2));
  const added = await runCliHere(["drift", "--against", "main"], dir);
  assert.equal(added.code, 0, added.stdout);
  assert.match(added.stdout, /c v1 → v2 \(backward\): ok/);
  writeFileSync(path.join(dir, "schemas/c/v1.json"), JSON.stringify({ ...V1, description: "reworded" }));
  const note = await runCliHere(["drift", "--against", "main"], dir);
  assert.equal(note.code, 0, "annotation-only edits of a published version are notes");
  writeFileSync(path.join(dir, "schemas/c/v1.json"), JSON.stringify({ ...V1, properties: { a: { type: "string", maxLength: 3 } } }));
  const mutated = await runCliHere(["drift", "--against", "main", "--format", "github"], dir);
  assert.equal(mutated.code, 1);
  assert.match(mutated.stdout, /::error file=schemas\/c\/v1\.json,line=\d+,title=length-range-narrowed/);
  execFileSync("rm", ["-r", path.join(dir, "schemas/d")]);
  writeFileSync(path.join(dir, "schemas/c/v1.json"), JSON.stringify(V1));
  const deleted = await runCliHere(["drift", "--against", "main"], dir);
  assert.equal(deleted.code, 1);
  assert.match(deleted.stdout, /drift\.contract-deleted/);
  assert.equal((await runCliHere(["drift", "--against", "no-such-ref"], dir)).code, 2);
  assert.equal(git(dir, "status", "--porcelain").includes("schemas/c/v2.json"), true, "the working tree is untouched");
});

test("check › runs drift: an unacknowledged break fails check with a drift.* problem", async () => {
  const dir = makeProject({ "schemas/c/contract.json": { kind: "model-output", compatibility: "forward" }, "schemas/c/v1.json": V1, "schemas/c/v2.json": V2 });
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const r = await runCliHere(["check"], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /drift\.property-added/);
});
