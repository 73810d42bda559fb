import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const NAMES = ["constructor", "toString", "default", "with space", 'quote"d', "star*/slash", "line\u2028sep", "${x}", "café"];

test("hostile names › a scaffolded migration over reserved and odd property names type-checks under the strict flags", async () => {
  const props = Object.fromEntries(NAMES.map((n) => [n, { type: "string", description: `*/ ${n}` }]));
  const v1 = { type: "object", properties: props, required: NAMES.slice(0, 5), additionalProperties: false };
  const v2 = { ...v1, properties: { ...props, "new*/one": { type: "integer" } }, required: [...NAMES.slice(0, 5), "new*/one"] };
  const dir = makeProject({ "schemas/odd/contract.json": { kind: "model-output", compatibility: "none" }, "schemas/odd/v1.json": v1, "schemas/odd/v2.json": v2 });
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const stub = readFileSync(path.join(dir, "schemas/odd/migrations/v1-to-v2.ts"), "utf8");
  assert.ok(!stub.includes("\u2028"), "raw line separator reached the stub");
  assert.ok(stub.includes('default: input["default"],'), stub);
  assert.ok(stub.includes('...(input["with space"] !== undefined') === false && stub.includes('"with space": input["with space"],'), stub);
  const r = await runCliHere(["check", "--format", "json"], dir);
  const problems = (JSON.parse(r.stdout) as { problems: { code: string; message: string }[] }).problems.filter((p) => p.code.startsWith("migration."));
  assert.deepEqual(problems.map((p) => p.code), ["migration.not-implemented"], JSON.stringify(problems, null, 2));
});
