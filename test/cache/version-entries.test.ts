/**
 * What the cache stores of a compiled version (src/cache/version.ts): the schema's outcome once, under its schema
 * key, with the validator code as a reference into its module; the version's entry holds only its examples' part
 * and points at it. A missing or unusable schema part is a miss, never a different result.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { packOutcome, unpackOutcome } from "../../src/cache/version.js";
import type { VersionOutcome } from "../../src/shapes/compiled.js";
import { readTree } from "../util/generated.js";
import { contractFiles, makeProject, runCli } from "../util/project.js";

const CODE = '"use strict";\nfunction validate(data) {\n  return typeof data === "object";\n}\n'.repeat(8);

function outcome(files: readonly (readonly [string, string])[], validatorCode: string): VersionOutcome {
  return { files, compiled: { draft: "2020-12", schema: { type: "object" }, hash: "sha256:x", validatorCode }, problems: [], warnings: [], examples: 2 };
}

test("cache entries › the validator code is packed as a reference into its module and unpacked exactly", () => {
  const cases: { given: VersionOutcome; want: "ref" | "whole" }[] = [
    { given: outcome([["a/v1.ts", "export type A = {};\n"], ["a/v1.validate.ts", `// banner\n// @ts-nocheck\n${CODE}export default validate;\n`]], `${CODE}export { validate };\n`), want: "ref" },
    { given: outcome([["a/v1.validate.ts", `// banner\n${CODE}`]], CODE), want: "ref" },
    { given: outcome([["a/v1.ts", "export type A = {};\n"]], CODE), want: "whole" },
    { given: outcome([["a/v1.validate.ts", CODE.slice(0, 100)]], CODE), want: "whole" },
    { given: outcome([], ""), want: "whole" },
  ];
  for (const { given, want } of cases) {
    const packed = packOutcome(given);
    const stored = JSON.stringify(packed);
    assert.equal(stored.includes('"codeRef"'), want === "ref", want);
    assert.deepEqual(unpackOutcome(JSON.parse(stored)), given, "unpacks to what was packed");
    if (want === "ref") assert.ok(stored.length < JSON.stringify(given).length, "smaller when packed");
  }
  const failed: VersionOutcome = { files: [], problems: [{ code: "schema.invalid", file: "x", message: "no" }], warnings: [], examples: 0 };
  assert.deepEqual(unpackOutcome(packOutcome(failed)), failed, "a version without compiled code is stored as it is");
});

const OBJ = { type: "object", properties: { a: { type: "string", maxLength: 9 } }, required: ["a"], additionalProperties: false };
const OBJ2 = { ...OBJ, properties: { a: { type: "string", maxLength: 12 }, b: { type: "integer" } } };

function project(): string {
  return makeProject({ ...contractFiles("ping", [OBJ, OBJ2]), "schemas/ping/examples/v1/valid/ok.json": { a: "x" }, "schemas/ping/examples/v2/valid/ok.json": { a: "y" } });
}

const cacheDir = (dir: string): string => path.join(dir, "node_modules/.cache/llm-contracts");
// Keys `version-<hash>` and `version-schema-<hash>` are both kept in the cache's `version` folder (store.ts).
const VERSIONS = (dir: string): string => path.join(cacheDir(dir), "version");
const isSchema = (name: string): boolean => name.startsWith("schema-");
const entries = (dir: string, schema: boolean): string[] =>
  readdirSync(VERSIONS(dir))
    .filter((f) => isSchema(f) === schema)
    .map((f) => readFileSync(path.join(VERSIONS(dir), f), "utf8"));

test("cache entries › a cold build stores each version's generated files once", () => {
  const dir = project();
  assert.equal(runCli(["build"], dir).code, 0);
  const types = readFileSync(path.join(dir, "generated/ping/v1.ts"), "utf8");
  const probe = JSON.stringify(types.slice(types.indexOf("export"), types.indexOf("export") + 40)).slice(1, -1);
  const all = [...entries(dir, false), ...entries(dir, true)];
  assert.equal(all.filter((t) => t.includes(probe)).length, 1, "v1's types in one entry");
  const own = entries(dir, false);
  assert.equal(own.length, 2, "one entry per version");
  for (const text of own) assert.match(text, /"schema":"version-schema-[0-9a-f]{64}"/);
  for (const text of own) assert.ok(!text.includes('"files"'), "the version's entry holds no generated file");
  const validate = readFileSync(path.join(dir, "generated/ping/v1.validate.ts"), "utf8");
  const body = JSON.stringify(validate.slice(validate.indexOf('"use strict"'), validate.indexOf('"use strict"') + 200)).slice(1, -1);
  const holding = entries(dir, true).filter((t) => t.includes(body));
  assert.ok(holding.length >= 1);
  for (const t of holding) assert.equal(t.split(body).length - 1, 1, "the validator code is not stored again beside its module");
});

test("cache entries › a version entry whose schema part is gone or damaged is a miss: the build equals a build without cache", () => {
  const clean = project();
  assert.equal(runCli(["build", "--no-cache"], clean).code, 0);
  const want = readTree(path.join(clean, "generated"));
  for (const damage of ["remove", "truncate"] as const) {
    const dir = project();
    assert.equal(runCli(["build"], dir).code, 0);
    const ns = VERSIONS(dir);
    const schemas = readdirSync(ns).filter(isSchema);
    assert.equal(schemas.length, 2);
    for (const f of schemas) {
      if (damage === "remove") rmSync(path.join(ns, f));
      else writeFileSync(path.join(ns, f), readFileSync(path.join(ns, f), "utf8").slice(0, 200));
    }
    rmSync(path.join(dir, "generated"), { recursive: true });
    rmSync(path.join(cacheDir(dir), "state"), { recursive: true, force: true });
    const r = runCli(["build"], dir);
    assert.equal(r.code, 0, `${damage}: ${r.stderr}`);
    assert.deepEqual(readTree(path.join(dir, "generated")), want, damage);
    assert.equal(readdirSync(ns).filter(isSchema).length, 2, `${damage}: the schema parts are stored again`);
    for (const f of readdirSync(ns).filter(isSchema)) assert.ok(readFileSync(path.join(ns, f), "utf8").length > 1000, `${damage}: whole again`);
  }
});
