import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const V1 = { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false };
const V2 = { type: "object", properties: { a: { type: "string" }, b: { type: "integer" } }, required: ["a", "b"], additionalProperties: false };

test("drift › a backward break fails until the step's migration is implemented, then is covered", async () => {
  const dir = makeProject({
    "schemas/pair/contract.json": { kind: "model-output", compatibility: "backward" },
    "schemas/pair/v1.json": V1,
    "schemas/pair/v2.json": V2,
  });
  const before = await runCliHere(["drift", "--format", "json"], dir);
  assert.equal(before.code, 1, before.stderr);

  const migrations = path.join(dir, "schemas/pair/migrations");
  mkdirSync(migrations, { recursive: true });
  writeFileSync(path.join(migrations, "v1-to-v2.ts"), 'export function migratePairV1ToV2(input: { a: string }) {\n  return { a: input.a, b: notImplemented("b") };\n}\ndeclare function notImplemented(reason: string): never;\n');
  assert.equal((await runCliHere(["drift"], dir)).code, 1, "a stub still carrying the marker covers nothing");

  writeFileSync(path.join(migrations, "v1-to-v2.ts"), "export function migratePairV1ToV2(input: { a: string }) {\n  return { a: input.a, b: 0 };\n}\n");
  const after = await runCliHere(["drift"], dir);
  assert.equal(after.code, 0, after.stdout + after.stderr);
  assert.match(after.stdout, /covered by the implemented migration schemas\/pair\/migrations\/v1-to-v2\.ts/);
});

test("drift › an implemented migration does not cover forward breaks", async () => {
  const dir = makeProject({
    "schemas/pair/contract.json": { kind: "tool-arguments", compatibility: "full" },
    "schemas/pair/v1.json": V1,
    "schemas/pair/v2.json": V2,
    "schemas/pair/migrations/v1-to-v2.ts": "export function migratePairV1ToV2(input: { a: string }) {\n  return { a: input.a, b: 0 };\n}\n",
  });
  const r = await runCliHere(["drift", "--format", "json"], dir);
  // Old data lacks b (backward, covered); new data carries b, which the closed v1 rejects (forward, not covered).
  assert.equal(r.code, 1, r.stdout);
});
