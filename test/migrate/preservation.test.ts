import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const V1 = { type: "object", properties: { name: { type: "string" }, level: { enum: ["low", "high"] } }, required: ["name", "level"], additionalProperties: false };
const V2 = { type: "object", properties: { name: { type: "string" }, level: { enum: ["low", "high"] }, score: { type: "integer" } }, required: ["name", "level", "score"], additionalProperties: false };
const STUB = "schemas/job/migrations/v1-to-v2.ts";

function project(): string {
  // compatibility "none": the drift gate stays out of the way; the migration gate applies in every mode.
  return makeProject({ "schemas/job/contract.json": { kind: "model-output", compatibility: "none" }, "schemas/job/v1.json": V1, "schemas/job/v2.json": V2 });
}

function bodyOf(text: string): string {
  const start = text.indexOf("{", text.indexOf("export function migrateJobV1ToV2"));
  return text.slice(start);
}

test("preservation › build scaffolds a typed stub once, and a second build leaves it alone", async () => {
  const dir = project();
  const r = await runCliHere(["build", "--format", "json"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual((JSON.parse(r.stdout) as { migrations: { created: string[] } }).migrations.created, [STUB]);
  const text = readFileSync(path.join(dir, STUB), "utf8");
  assert.match(text, /export function migrateJobV1ToV2\(input: JobV1\): JobV2 \{/);
  assert.match(text, /import type \{ JobV1 \} from "\.\.\/\.\.\/\.\.\/generated\/job\/v1\.js";/);
  assert.match(text, /score: notImplemented\(/);
  const again = await runCliHere(["build", "--format", "json"], dir);
  assert.deepEqual((JSON.parse(again.stdout) as { migrations: unknown }).migrations, { created: [], updated: [] });
  assert.equal(readFileSync(path.join(dir, STUB), "utf8"), text);
});

test("preservation › an edited body survives a schema change byte for byte; the signature follows the types", async () => {
  const dir = project();
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const file = path.join(dir, STUB);
  // The user implements the step their own way, with odd formatting and a helper of their own.
  const mine = `{\n  const   score = input.level === "high" ? 10 : 1; // my rule\n  return { name: input.name, level: input.level, score };\n}\n\nexport const HELPER = 1;\n`;
  const original = readFileSync(file, "utf8");
  const edited = original.slice(0, original.indexOf("{", original.indexOf("export function migrateJobV1ToV2"))) + mine;
  // And the signature drifts (a stale type name, a wrong import path) as if copied from elsewhere.
  const drifted = edited.replace("(input: JobV1): JobV2", "(input: Record<string, unknown>): unknown").replace('"../../../generated/job/v1.js"', '"../../old/place/v1.js"').replace(/import \{ notImplemented \}[^\n]*\n/, "");
  writeFileSync(file, drifted);
  const v2 = { ...V2, properties: { ...V2.properties, note: { type: "string" } } };
  writeFileSync(path.join(dir, "schemas/job/v2.json"), JSON.stringify(v2));
  const r = await runCliHere(["build", "--format", "json"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual((JSON.parse(r.stdout) as { migrations: { updated: string[] } }).migrations.updated, [STUB]);
  const after = readFileSync(file, "utf8");
  assert.equal(bodyOf(after), mine, "body changed");
  assert.match(after, /export function migrateJobV1ToV2\(input: JobV1\): JobV2 \{/);
  assert.match(after, /import type \{ JobV1 \} from "\.\.\/\.\.\/\.\.\/generated\/job\/v1\.js";/);
  assert.ok(!after.includes("import { notImplemented }"), "no marker import without a marker call");
  assert.equal((await runCliHere(["check"], dir)).code, 0, (await runCliHere(["check"], dir)).stderr);
});

test("preservation › check reports a migration that no longer type-checks, with file and line", async () => {
  const dir = project();
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const file = path.join(dir, STUB);
  const text = readFileSync(file, "utf8");
  writeFileSync(file, text.replace(/score: notImplemented\([^\n]*\n/, "score: 1,\n"));
  assert.equal((await runCliHere(["check"], dir)).code, 0);
  // v2 renames level → priority: the user's body still writes `level`.
  const v2 = { ...V2, properties: { name: V2.properties.name, priority: V2.properties.level, score: V2.properties.score }, required: ["name", "priority", "score"] };
  writeFileSync(path.join(dir, "schemas/job/v2.json"), JSON.stringify(v2));
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const r = await runCliHere(["check", "--format", "json"], dir);
  assert.equal(r.code, 1);
  const problems = (JSON.parse(r.stdout) as { problems: { code: string; file: string; line?: number; message: string }[] }).problems.filter((p) => p.code === "migration.type-error");
  assert.ok(problems.length > 0, r.stdout);
  const first = problems[0]!;
  assert.equal(first.file, STUB);
  const lines = readFileSync(file, "utf8").split("\n");
  assert.match(lines[first.line! - 1]!, /level|priority|return|score/, `line ${first.line}: ${first.message}`);
});
