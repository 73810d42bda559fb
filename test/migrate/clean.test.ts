/**
 * Migrations stay clean: once every `notImplemented(...)` marker is replaced, the module compiles under
 * `noUnusedLocals` and `noUnusedParameters` (the marker import stays referenced by the header's `{@link}`), and
 * the next build leaves the user's file byte-identical (it never removes the import on its own).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";
import { typecheckFiles } from "../util/typecheck-dir.js";

const V1 = { type: "object", additionalProperties: false, required: ["name", "level"], properties: { name: { type: "string" }, level: { enum: ["low", "mid", "high"] } } };

/** Schema changes whose stubs hold markers of each kind: a new required field, a narrowed enum, a whole new shape. */
const CASES: readonly { name: string; v2: object }[] = [
  { name: "new required field", v2: { ...V1, required: ["name", "level", "score"], properties: { ...V1.properties, score: { type: "integer" } } } },
  { name: "narrowed enum", v2: { ...V1, properties: { ...V1.properties, level: { enum: ["low", "high"] } } } },
  { name: "type changed at the root", v2: { type: "array", items: { type: "string" } } },
];
const STUB = "schemas/job/migrations/v1-to-v2.ts";

function project(v2: object): string {
  return makeProject({
    "package.json": { name: "app", private: true, type: "module" },
    "schemas/job/contract.json": { kind: "model-output", compatibility: "none" },
    "schemas/job/v1.json": V1,
    "schemas/job/v2.json": v2,
  });
}

/** The user implements every marker (here with a value of type never: any implementation type-checks the same way). */
const implement = (text: string): string => text.replace(/notImplemented\("(?:[^"\\]|\\.)*"\)/g, "(undefined as never)");

for (const c of CASES) {
  test(`migrations clean › ${c.name}: implemented stub passes noUnusedLocals/noUnusedParameters; the next build leaves it byte-identical`, async () => {
    const dir = project(c.v2);
    assert.equal((await runCliHere(["build"], dir)).code, 0);
    const file = path.join(dir, STUB);
    const scaffolded = readFileSync(file, "utf8");
    assert.match(scaffolded, /notImplemented\(/, "the case has markers");
    assert.equal((await runCliHere(["check"], dir)).code, 1, "unimplemented markers fail the gate");
    const done = implement(scaffolded);
    assert.doesNotMatch(done, /notImplemented\(/);
    writeFileSync(file, done);
    assert.deepEqual(typecheckFiles([file], "NodeNext"), []);
    const again = await runCliHere(["build", "--format", "json"], dir);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual((JSON.parse(again.stdout) as { migrations: unknown }).migrations, { created: [], updated: [] });
    assert.equal(readFileSync(file, "utf8"), done, "build rewrote the user's migration");
    const checked = await runCliHere(["check"], dir);
    assert.equal(checked.code, 0, checked.stderr);
  });
}

test("migrations clean › the control: without the header's {@link}, the leftover import is TS6133 (the test can fail)", async () => {
  const dir = project(CASES[0]!.v2);
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const file = path.join(dir, STUB);
  writeFileSync(file, implement(readFileSync(file, "utf8")).replace("{@link notImplemented}", "`notImplemented`"));
  assert.match(typecheckFiles([file], "NodeNext").join("\n"), /'notImplemented' is declared but its value is never read/);
});

test("migrations clean › a user who deletes the unused import is not contradicted: no marker call, no import added back", async () => {
  const dir = project(CASES[0]!.v2);
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const file = path.join(dir, STUB);
  const mine = implement(readFileSync(file, "utf8")).replace(/import \{ notImplemented \}[^\n]*\n/, "");
  writeFileSync(file, mine);
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  assert.equal(readFileSync(file, "utf8"), mine);
});
