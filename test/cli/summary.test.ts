/**
 * Repeated notes collapse: a build that scaffolds many migration stubs prints one summary line with the count and
 * how many hold decisions (stubs with nothing to decide are not told to "implement the marked decisions");
 * `--verbose` lists each file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const V1 = { type: "object", additionalProperties: false, required: ["a"], properties: { a: { type: "string" } } };
const SAME = { ...V1, title: "Same shape" };
const BREAKING = { ...V1, required: ["a", "b"], properties: { ...V1.properties, b: { type: "integer" } } };

function project(): string {
  const files: Record<string, object> = {};
  for (const [name, v2] of [["one", SAME], ["two", SAME], ["three", BREAKING]] as const) {
    files[`schemas/${name}/contract.json`] = { kind: "model-output", compatibility: "none" };
    files[`schemas/${name}/v1.json`] = V1;
    files[`schemas/${name}/v2.json`] = v2;
  }
  return makeProject(files);
}

test("summary › many stubs: one line with the count and how many hold decisions", async () => {
  const r = await runCliHere(["build"], project());
  assert.equal(r.code, 0, r.stderr);
  const notes = r.stdout.split("\n").filter((l) => /migration/.test(l));
  assert.deepEqual(notes, ["created 3 migration stubs: 1 with notImplemented(...) decisions to implement (`llm-contracts check` lists them) (--verbose lists them)"]);
});

test("summary › --verbose lists each stub, and only those with markers are told to implement decisions", async () => {
  const r = await runCliHere(["build", "--verbose"], project());
  assert.equal(r.code, 0, r.stderr);
  const notes = r.stdout.split("\n").filter((l) => /migration/.test(l)).sort();
  assert.deepEqual(notes, [
    "created migration stub schemas/one/migrations/v1-to-v2.ts (nothing to decide)",
    "created migration stub schemas/three/migrations/v1-to-v2.ts: implement the marked decisions",
    "created migration stub schemas/two/migrations/v1-to-v2.ts (nothing to decide)",
  ]);
});

test("summary › a version with no golden examples gets a hint; following it (adding an example) makes it go away", async () => {
  const dir = makeProject({ "schemas/ping/contract.json": { kind: "model-output" }, "schemas/ping/v1.json": V1 });
  const r = await runCliHere(["build"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^hint: 1 version\(s\) have no golden examples \(ping v1\): add documents the model may return to schemas\/ping\/examples\/v1\/valid\/ and ones it must reject to schemas\/ping\/examples\/v1\/invalid\/; build then checks the validator against them$/m);
  // A build the cache replays (nothing changed) gives the same hint, from its recorded result.
  const replayed = await runCliHere(["build"], dir);
  assert.match(replayed.stdout, /up to date/);
  assert.equal(replayed.stdout.split("\n").filter((l) => l.startsWith("hint:")).join("\n"), r.stdout.split("\n").filter((l) => l.startsWith("hint:")).join("\n"));
  mkdirSync(path.join(dir, "schemas/ping/examples/v1/valid"), { recursive: true });
  writeFileSync(path.join(dir, "schemas/ping/examples/v1/valid/typical.json"), JSON.stringify({ a: "x" }));
  const again = await runCliHere(["build"], dir);
  assert.equal(again.code, 0, again.stderr);
  assert.doesNotMatch(again.stdout, /hint:/);
});
