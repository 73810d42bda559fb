/**
 * Containment by real path (src/contain): a link inside the project that leads out of it is refused for every
 * read and write, naming the path and the link, exit 2, and the content of the file outside never appears.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contractFiles, makeProject, tempDir } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";
import { isInsideReal, realPathOf } from "../../src/contain/real-path.js";

const OBJ = { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false };
const OBJ2 = { ...OBJ, properties: { a: { type: "string" }, b: { type: "string" } } };
const SECRET = "root:x:0:0:SECRET-LINE-NEVER-ECHOED";

/** A folder outside the project holding a file whose first line must never be echoed. */
function outside(): { dir: string; secret: string } {
  const dir = tempDir("llm-contracts-outside-");
  writeFileSync(path.join(dir, "passwd.json"), `${SECRET}\n`);
  writeFileSync(path.join(dir, "schema.json"), JSON.stringify(OBJ));
  writeFileSync(path.join(dir, "contract.json"), JSON.stringify({ kind: "model-output" }));
  return { dir, secret: path.join(dir, "passwd.json") };
}

function assertRefused(r: { code: number | null; stderr: string }, want: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  // The refusal is one line; a build adds its summary line ("build failed: 1 problem(s); nothing was written").
  const lines = r.stderr.trim().split("\n").filter((l) => !/^(build|check) failed/.test(l));
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, want);
  assert.doesNotMatch(r.stderr, /SECRET-LINE|internal error/);
}

test("contain › migrationsDir through a link to a folder outside: refused, nothing written outside", async () => {
  const out = outside();
  const mig = path.join(out.dir, "mig");
  mkdirSync(mig);
  const dir = makeProject({ ...contractFiles("ping", [OBJ, OBJ2]), "schemas/ping/contract.json": { kind: "model-output", migrationsDir: "../../mig-link" } });
  symlinkSync(mig, path.join(dir, "mig-link"));
  const r = await runCliHere(["build"], dir);
  assertRefused(r, /^mig-link: resolves outside the project root through the link mig-link -> .*\[path\.outside\]$/);
  assert.deepEqual(readdirSync(mig), [], "nothing created outside");
  assert.equal(existsSync(path.join(dir, "generated")), false);
});

test("contain › a version file, a contract.json and the schemas folder linked outside are refused before reading", async () => {
  const out = outside();
  const v1 = makeProject({ "schemas/ping/contract.json": { kind: "model-output" } });
  symlinkSync(out.secret, path.join(v1, "schemas/ping/v1.json"));
  assertRefused((await runCliHere(["build"], v1)), /^schemas\/ping\/v1\.json: .*through the link schemas\/ping\/v1\.json -> .*\[path\.outside\]$/);
  assertRefused((await runCliHere(["check"], v1)), /\[path\.outside\]$/);

  const manifest = makeProject({ "schemas/ping/v1.json": OBJ });
  symlinkSync(path.join(out.dir, "contract.json"), path.join(manifest, "schemas/ping/contract.json"));
  assertRefused((await runCliHere(["build"], manifest)), /^schemas\/ping\/contract\.json: .*\[path\.outside\]$/);

  const schemas = makeProject({ "README.md": "x" });
  mkdirSync(path.join(out.dir, "s/ping"), { recursive: true });
  writeFileSync(path.join(out.dir, "s/ping/contract.json"), JSON.stringify({ kind: "model-output" }));
  writeFileSync(path.join(out.dir, "s/ping/v1.json"), JSON.stringify(OBJ));
  symlinkSync(path.join(out.dir, "s"), path.join(schemas, "schemas"));
  assertRefused((await runCliHere(["build"], schemas)), /^schemas: .*through the link schemas -> .*\[path\.outside\]$/);
});

test("contain › a golden example linked to a file outside is refused without echoing its first line", async () => {
  const out = outside();
  const dir = makeProject({ ...contractFiles("ping", [OBJ]), "schemas/ping/examples/v1/valid/ok.json": { a: "x" } });
  symlinkSync(out.secret, path.join(dir, "schemas/ping/examples/v1/valid/leak.json"));
  for (const cmd of ["build", "check"]) {
    const r = await runCliHere([cmd], dir);
    assertRefused(r, /^schemas\/ping\/examples\/v1\/valid\/leak\.json: .*\[path\.outside\]$/);
    assert.doesNotMatch(r.stdout, /SECRET-LINE/);
  }
});

test("contain › an output folder or config cacheDir through a link outside is refused; the target stays empty", async () => {
  const out = outside();
  const target = path.join(out.dir, "gen");
  mkdirSync(target);
  const dir = makeProject({ ...contractFiles("ping", [OBJ]), "llm-contracts.config.json": { outDir: "gen-link/out" } });
  symlinkSync(target, path.join(dir, "gen-link"));
  assertRefused((await runCliHere(["build"], dir)), /^gen-link\/out: .*through the link gen-link -> .*\[path\.outside\]$/);
  assert.deepEqual(readdirSync(target), []);

  const cache = makeProject({ ...contractFiles("ping", [OBJ]), "llm-contracts.config.json": { cacheDir: "cache-link" } });
  symlinkSync(target, path.join(cache, "cache-link"));
  assertRefused((await runCliHere(["build"], cache)), /^cache-link: .*\[path\.outside\]$/);
  assert.deepEqual(readdirSync(target), []);
});

test("contain › drift acknowledgements linked to a file outside are refused before reading", async () => {
  const out = outside();
  const dir = makeProject({ ...contractFiles("ping", [OBJ, OBJ2]) });
  symlinkSync(out.secret, path.join(dir, "schemas/drift-acknowledgements.json"));
  for (const cmd of ["drift", "check"]) assertRefused((await runCliHere([cmd], dir)), /^schemas\/drift-acknowledgements\.json: .*\[path\.outside\]$/);
});

test("contain › a link inside the project to a folder inside it is followed as usual", async () => {
  const dir = makeProject({ ...contractFiles("ping", [OBJ, OBJ2]), "schemas/ping/contract.json": { kind: "model-output", migrationsDir: "../../mig-link" } });
  mkdirSync(path.join(dir, "migrations-real"));
  symlinkSync(path.join(dir, "migrations-real"), path.join(dir, "mig-link"));
  const r = await runCliHere(["build"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(readdirSync(path.join(dir, "migrations-real")), ["v1-to-v2.ts"]);
});

test("contain › realPathOf resolves links in the existing part and keeps the rest", () => {
  const root = tempDir("llm-contracts-real-");
  mkdirSync(path.join(root, "a"));
  symlinkSync(path.join(root, "a"), path.join(root, "l"));
  assert.equal(realPathOf(path.join(root, "l", "not", "yet")), path.join(realPathOf(root), "a", "not", "yet"));
  assert.equal(isInsideReal(path.join(root, "l", "x"), path.join(root, "a")), true);
  assert.equal(isInsideReal(path.join(root, "l"), path.join(root, "b")), false);
});
