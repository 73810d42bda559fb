import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { copyOfExamples, makeProject, snapshotTree, contractFiles } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const SIMPLE = { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false };

test("build › compiles the example contracts and a second build changes nothing", async () => {
  const dir = copyOfExamples();
  const first = await runCliHere(["build"], dir);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /built 3 contracts, 6 versions/);
  for (const f of ["index.ts", "_runtime.ts", "ticket-triage/index.ts", "ticket-triage/v3.ts", "ticket-triage/v3.validate.ts", "document-outline/v1.ts"]) {
    assert.ok(existsSync(path.join(dir, "generated", f)), f);
  }
  const before = snapshotTree(path.join(dir, "generated"));
  const second = await runCliHere(["build"], dir);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /up to date/);
  assert.deepEqual(snapshotTree(path.join(dir, "generated")), before);
});

test("build › a rebuild from scratch is byte-identical", async () => {
  const dir = copyOfExamples();
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const first = new Map([...snapshotTree(path.join(dir, "generated"))].map(([k, v]) => [k, v.slice(v.indexOf(":") + 1)]));
  rmSync(path.join(dir, "generated"), { recursive: true });
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const second = new Map([...snapshotTree(path.join(dir, "generated"))].map(([k, v]) => [k, v.slice(v.indexOf(":") + 1)]));
  assert.deepEqual(second, first);
  for (const text of second.values()) assert.ok(!text.includes("\r"), "CRLF in output");
});

test("check › passes after build and writes nothing", async () => {
  const dir = copyOfExamples();
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const before = snapshotTree(dir);
  const r = await runCliHere(["check"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /check passed: 3 contracts, 6 versions/);
  assert.deepEqual(snapshotTree(dir), before);
});

test("check › reports a hand-edited generated file as edited and a changed schema as stale", async () => {
  const dir = copyOfExamples();
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  appendFileSync(path.join(dir, "generated/issue-refund/v1.ts"), "// my tweak\n");
  const schemaFile = path.join(dir, "schemas/ticket-triage/v1.json");
  const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as { description: string };
  schema.description = "Classify a support ticket (reworded).";
  writeFileSync(schemaFile, JSON.stringify(schema));
  const before = snapshotTree(dir);
  const r = await runCliHere(["check", "--format", "json"], dir);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { ok: boolean; problems: { code: string; file: string }[] };
  assert.equal(out.ok, false);
  const got = out.problems.map((p) => `${p.code} ${p.file}`).sort();
  assert.deepEqual(got, [
    "generated.edited generated/issue-refund/v1.ts",
    // The provider fragments and the Standard JSON Schema targets embed the schema (annotations included), so they
    // change too; the validator holds only the values its checks read, so a description change leaves it as it was.
    "generated.stale generated/ticket-triage/v1.providers.ts",
    "generated.stale generated/ticket-triage/v1.standard.ts",
    "generated.stale generated/ticket-triage/v1.ts",
  ]);
  assert.deepEqual(snapshotTree(dir), before, "check wrote something");
});

test("check › a removed version leaves stale and extra files, and build removes them", async () => {
  const dir = copyOfExamples();
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  rmSync(path.join(dir, "schemas/issue-refund/v2.json"));
  rmSync(path.join(dir, "schemas/issue-refund/examples/v2"), { recursive: true });
  const r = await runCliHere(["check", "--format", "json"], dir);
  assert.equal(r.code, 1);
  const codes = (JSON.parse(r.stdout) as { problems: { code: string; file: string }[] }).problems.map((p) => `${p.code} ${p.file}`);
  assert.ok(codes.includes("generated.extra generated/issue-refund/v2.ts"), codes.join("\n"));
  assert.ok(codes.includes("generated.extra generated/issue-refund/v2.validate.ts"));
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  assert.ok(!existsSync(path.join(dir, "generated/issue-refund/v2.ts")));
  assert.equal((await runCliHere(["check"], dir)).code, 0);
});

test("check › failing golden examples are listed with exit 1", async () => {
  const dir = copyOfExamples();
  writeFileSync(path.join(dir, "schemas/ticket-triage/examples/v1/valid/wrong.json"), '{"category":"billing"}');
  writeFileSync(path.join(dir, "schemas/ticket-triage/examples/v1/invalid/actually-fine.json"), '{"category":"billing","priority":"low","summary":"x","needs_human":false}');
  const r = await runCliHere(["check"], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /schemas\/ticket-triage\/examples\/v1\/valid\/wrong\.json.*example must be valid.*schema\.required.*\[example\.rejected\]/);
  assert.match(r.stderr, /actually-fine\.json: example must be invalid under v1 but passes \[example\.accepted\]/);
});

test("build › --root runs on another folder and --config reads schemasDir/outDir", async () => {
  const dir = makeProject({
    "contracts/ping/contract.json": { kind: "tool-arguments" },
    "contracts/ping/v1.json": SIMPLE,
    "llm-contracts.config.json": { schemasDir: "contracts", outDir: "src/gen" },
  });
  const elsewhere = makeProject({});
  const r = await runCliHere(["build", "--config", path.join(dir, "llm-contracts.config.json")], elsewhere);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(path.join(dir, "src/gen/ping/v1.ts")));
  assert.equal((await runCliHere(["check", "--root", dir], elsewhere)).code, 0);
});

test("build › an unknown field in the config is an input error naming the pointer", async () => {
  const dir = makeProject({ ...contractFiles("ping", [SIMPLE]), "llm-contracts.config.json": { outdir: "x" } });
  const r = await runCliHere(["build"], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^llm-contracts\.config\.json#\/outdir: unknown field "outdir"; did you mean "outDir"\? \[config\.invalid\]$/m);
});

test("build › refuses to replace an output folder holding files it did not generate", async () => {
  const dir = makeProject({ ...contractFiles("ping", [SIMPLE]), "generated/notes.md": "mine\n" });
  const r = await runCliHere(["build"], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /generated\/notes\.md: .*did not generate/);
  assert.equal(readFileSync(path.join(dir, "generated/notes.md"), "utf8"), "mine\n");
});

test("build › restores the previous output when a swap was interrupted", async () => {
  const dir = makeProject(contractFiles("ping", [SIMPLE]));
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const before = snapshotTree(path.join(dir, "generated"));
  // Simulate a crash between the two renames: the old tree is in the backup and generated/ is gone.
  renameSync(path.join(dir, "generated"), path.join(dir, ".generated.llm-contracts-old"));
  const r = await runCliHere(["check"], dir);
  assert.equal(r.code, 1, "check sees the missing output");
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const after = snapshotTree(path.join(dir, "generated"));
  assert.deepEqual([...after.keys()], [...before.keys()]);
  assert.ok(!existsSync(path.join(dir, ".generated.llm-contracts-old")));
});

test("cli › usage errors exit 2 without a stack trace", async () => {
  const dir = makeProject({});
  for (const args of [["frobnicate"], ["build", "--nope"], ["check", "--format", "xml"], [], ["build", "--root", "/definitely/not/here"]]) {
    const r = await runCliHere(args, dir);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.ok(!/\n\s+at /.test(r.stderr), `stack trace for ${args.join(" ")}`);
  }
  assert.equal((await runCliHere(["--help"], dir)).code, 0);
  assert.match((await runCliHere(["--version"], dir)).stdout, /^\d+\.\d+\.\d+/);
});
