/**
 * Repeated notes collapse: a build that scaffolds many migration stubs prints one summary line with the count and
 * how many hold decisions (stubs with nothing to decide are not told to "implement the marked decisions");
 * `--verbose` lists each file.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { makeProject, runCli } from "../util/project.js";

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

test("summary › many stubs: one line with the count and how many hold decisions", () => {
  const r = runCli(["build"], project());
  assert.equal(r.code, 0, r.stderr);
  const notes = r.stdout.split("\n").filter((l) => /migration/.test(l));
  assert.deepEqual(notes, ["created 3 migration stubs: 1 with notImplemented(...) decisions to implement (`llm-contracts check` lists them) (--verbose lists them)"]);
});

test("summary › --verbose lists each stub, and only those with markers are told to implement decisions", () => {
  const r = runCli(["build", "--verbose"], project());
  assert.equal(r.code, 0, r.stderr);
  const notes = r.stdout.split("\n").filter((l) => /migration/.test(l)).sort();
  assert.deepEqual(notes, [
    "created migration stub schemas/one/migrations/v1-to-v2.ts (nothing to decide)",
    "created migration stub schemas/three/migrations/v1-to-v2.ts: implement the marked decisions",
    "created migration stub schemas/two/migrations/v1-to-v2.ts (nothing to decide)",
  ]);
});
