/**
 * The schemas, output, cache and migrations folders may not overlap (src/contain/folders.ts): each has one owner,
 * and a folder inside another lets one destroy or shadow the other's files.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contractFiles, makeProject, snapshotTree } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const OBJ = { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false };
const OBJ2 = { ...OBJ, properties: { a: { type: "string" }, b: { type: "string" } } };

/** given a config (and contract.json) → want exit 2 and one line matching `want`, for build and check. */
const CASES: readonly { name: string; config?: object; manifest?: object; args?: string[]; want: RegExp }[] = [
  { name: "outDir inside schemasDir", config: { outDir: "schemas/gen" }, want: /^llm-contracts\.config\.json#\/outDir: outDir \(gen\) lies inside schemasDir.*\[config\.folders-overlap\]$/ },
  { name: "cacheDir equal to schemasDir", config: { cacheDir: "schemas" }, want: /^llm-contracts\.config\.json#\/cacheDir: cacheDir \(schemas\) is the same folder as schemasDir.*\[config\.folders-overlap\]$/ },
  { name: "cacheDir inside outDir", config: { cacheDir: "generated/.cache" }, want: /#\/cacheDir: cacheDir \(\.cache\) lies inside outDir.*\[config\.folders-overlap\]$/ },
  { name: "cacheDir containing outDir", config: { outDir: "build/gen", cacheDir: "build" }, want: /#\/cacheDir: cacheDir \(build\) contains outDir.*\[config\.folders-overlap\]$/ },
  { name: "outDir holding the default cache folder", config: { outDir: "node_modules" }, want: /^llm-contracts\.config\.json#\/outDir: outDir \(node_modules\) contains the default cacheDir \(node_modules\/\.cache\/llm-contracts\).*\[config\.folders-overlap\]$/ },
  { name: "--cache-dir over the schemas", args: ["--cache-dir", "schemas/ping"], want: /--cache-dir \(ping\) lies inside schemasDir.*\[config\.folders-overlap\]$/ },
  { name: "migrationsDir holding the schemas folder", manifest: { kind: "model-output", migrationsDir: ".." }, want: /^schemas\/ping\/contract\.json#\/migrationsDir: migrationsDir overlaps the schemas folder.*\[config\.folders-overlap\]$/ },
  { name: "migrationsDir inside the cache", config: { cacheDir: "cache" }, manifest: { kind: "model-output", migrationsDir: "../../cache/m" }, want: /#\/migrationsDir: migrationsDir overlaps the cache folder.*\[config\.folders-overlap\]$/ },
  // Inside the schemas folder only the contract's own migrations/ folder: elsewhere the stubs would land in another
  // contract's migrations, its own folder or its golden examples (refused by discovery after they were written), or
  // the shared definitions.
  ...[".", "examples/v1/valid", "../_shared", "../other/migrations"].map((migrationsDir) => ({
    name: `migrationsDir ${migrationsDir} inside the schemas folder`,
    manifest: { kind: "model-output", migrationsDir },
    want: /^schemas\/ping\/contract\.json#\/migrationsDir: inside the schemas folder, migrationsDir can only be this contract's own migrations\/ folder; put them outside it instead \(e\.g\. src\/migrations\/ping\) \[contract\.migrations-dir\]$/,
  })),
];

for (const c of CASES) {
  test(`folders › ${c.name} is refused by build and check`, async () => {
    const dir = makeProject({
      ...contractFiles("ping", [OBJ, OBJ2]),
      ...(c.config !== undefined ? { "llm-contracts.config.json": c.config } : {}),
      ...(c.manifest !== undefined ? { "schemas/ping/contract.json": c.manifest } : {}),
    });
    for (const cmd of ["build", "check"]) {
      const r = await runCliHere([cmd, ...(c.args ?? [])], dir);
      assert.equal(r.code, 2, `${cmd}: ${r.stdout}${r.stderr}`);
      const lines = r.stderr.trim().split("\n").filter((l) => !/^(build|check) failed/.test(l));
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0]!, c.want, cmd);
      assert.doesNotMatch(r.stdout, /up to date|passed/);
    }
    assert.equal(existsSync(path.join(dir, "generated")), false, "nothing written");
  });
}

test("folders › the default layout (migrations inside each contract folder) and a cacheDir apart are accepted", async () => {
  const dir = makeProject({ ...contractFiles("ping", [OBJ, OBJ2]), "llm-contracts.config.json": { cacheDir: ".cache/llm" } });
  const r = await runCliHere(["build"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(existsSync(path.join(dir, "schemas/ping/migrations/v1-to-v2.ts")), true);
  assert.equal((await runCliHere(["check"], dir)).code, 0);
  // Named explicitly, or a folder inside it, the contract's own migrations/ is still accepted.
  for (const migrationsDir of ["migrations", "./migrations/steps"]) {
    const own = makeProject({ ...contractFiles("ping", [OBJ, OBJ2]), "schemas/ping/contract.json": { kind: "model-output", migrationsDir } });
    const b = await runCliHere(["build"], own);
    assert.equal(b.code, 0, `${migrationsDir}: ${b.stderr}`);
    assert.equal(existsSync(path.join(own, "schemas/ping", migrationsDir, "v1-to-v2.ts")), true, migrationsDir);
  }
});

test("folders › two contracts whose migrationsDir lead to one folder: build refuses to rewrite the other's module", async () => {
  const shared = { kind: "model-output", migrationsDir: "../../src/migrations" };
  const dir = makeProject({ ...contractFiles("alpha", [OBJ, OBJ2]), "schemas/alpha/contract.json": shared });
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const module = path.join(dir, "src/migrations/v1-to-v2.ts");
  const alphas = readFileSync(module, "utf8");
  assert.match(alphas, /export function migrateAlphaV1ToV2\(/);
  // A second contract copies the first one's contract.json, folder included.
  for (const [file, text] of Object.entries(contractFiles("beta", [OBJ, OBJ2]))) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), JSON.stringify(file.endsWith("contract.json") ? shared : text));
  }
  const before = snapshotTree(path.join(dir, "generated"));
  const r = await runCliHere(["build"], dir);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^src\/migrations\/v1-to-v2\.ts: this module is alpha's migration, not beta's: both contracts' migrationsDir lead to one folder; give each contract its own \(e\.g\. src\/migrations\/beta\) \[migration\.shared-folder\]$/m);
  assert.equal(readFileSync(module, "utf8"), alphas, "alpha's module is untouched");
  // Refused before anything is written: the output folder holds no beta yet, as before the build.
  assert.deepEqual(snapshotTree(path.join(dir, "generated")), before);
  // A module of a contract that no longer exists (a renamed contract) is brought in step as before.
  rmSync(path.join(dir, "schemas/alpha"), { recursive: true });
  const renamed = await runCliHere(["build"], dir);
  assert.equal(renamed.code, 0, renamed.stderr);
  assert.match(readFileSync(module, "utf8"), /export function migrateBetaV1ToV2\(/);
});

test("folders › two new contracts whose migrationsDir lead to one folder: refused before anything is written", async () => {
  const shared = { kind: "model-output", migrationsDir: "../../src/migrations" };
  const dir = makeProject({
    ...contractFiles("alpha", [OBJ, OBJ2]),
    ...contractFiles("beta", [OBJ, OBJ2]),
    "schemas/alpha/contract.json": shared,
    "schemas/beta/contract.json": shared,
  });
  const r = await runCliHere(["build"], dir);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^src\/migrations\/v1-to-v2\.ts: this module would hold both alpha's and beta's migration: both contracts' migrationsDir lead to one folder; give each contract its own \(e\.g\. src\/migrations\/beta\) \[migration\.shared-folder\]$/m);
  // Neither the output folder nor a migration module exists: nothing of the run was written.
  assert.equal(existsSync(path.join(dir, "generated")), false);
  assert.equal(existsSync(path.join(dir, "src/migrations")), false);
});
