/**
 * Load only what runs: per change class, which of the compiler's heavy dependencies an incremental `check` loads
 * (the CLI in a child process that prints, at exit, the packages in the CommonJS module cache; ajv, TypeScript,
 * ts-morph and json-schema-to-typescript are all CommonJS, so every load, by `import` or `require`, is there).
 *
 * An edited or added golden example runs the cached validator code and no check step: none of them. An
 * annotation-only schema edit takes that version's validator and printed types skeleton from the cache (by the
 * schema with its annotation text blanked): none either; an assertion change compiles the version (ajv for the
 * validator, json-schema-to-typescript and TypeScript's printer for the types). A migration edit compiles nothing: TypeScript type-checks the chain, and ts-morph finds the
 * `notImplemented` markers of the edited module (src/migrate/status.ts). The first check after a build runs
 * every step (markers, type-check, every manifest validated), but compiles nothing either (the build's cache).
 *
 * Two modules of ours are watched the same way (by a module-loader hook, since they are ES modules): the provider
 * export and the lint engine (with its rules and profiles, about 40 modules) load only for a version whose contract
 * lists providers, and no contract of this project lists any: no change class loads them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contractName, generateProject } from "../../bench/generate.js";
import { runCli, tempDir } from "../util/project.js";
import { cliLoads } from "../util/loads.js";

const HEAVY = ["ajv", "json-schema-to-typescript", "ts-morph", "typescript"];
/** Modules of ours watched like the heavy packages (dist/src/<path>), named in the result as `ours:<path>`. */
const OURS = ["export/export.js", "lint/engine.js"];
function checkLoads(dir: string, exit: number): string[] {
  const loads = cliLoads(dir, ["check"], exit);
  return [...loads.packages.filter((p) => HEAVY.includes(p)), ...OURS.filter(loads.ours).map((m) => `ours:${m}`)];
}

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, "utf8")));
}

test("incremental › per change class, check loads only the heavy packages its steps need", { timeout: 300_000 }, () => {
  const dir = tempDir("llm-contracts-loaded-");
  generateProject(dir, 3);
  assert.equal(runCli(["build"], dir).code, 0);
  // The first check runs every step: the probe sees what the whole pipeline loads. No ts-morph: the migrations
  // hold no notImplemented(...) call, which a text scan sees without parsing them (src/migrate/stub.ts).
  assert.deepEqual(checkLoads(dir, 0), ["ajv", "typescript"]);
  const c = path.join(dir, "schemas", contractName(1));

  edit(path.join(c, "examples/v2/valid/typical.json"), (t) => t.replace('"Item number 1"', '"Item number one"'));
  assert.deepEqual(checkLoads(dir, 0), [], "golden example edited");
  writeFileSync(path.join(c, "examples/v1/valid/second.json"), readFileSync(path.join(c, "examples/v1/valid/typical.json")));
  assert.deepEqual(checkLoads(dir, 0), [], "golden example added");
  edit(path.join(c, "examples/v1/valid/second.json"), (t) => t.replace('"urgent":false', '"urgent":"no"'));
  assert.deepEqual(checkLoads(dir, 1), [], "golden example made failing");
  // A failed run leaves the contract to be redone in full (src/incremental/units.ts): its manifest is validated and
  // every step runs, but the migration type-check's result is cached from the first check (no TypeScript).
  edit(path.join(c, "examples/v1/valid/second.json"), (t) => t.replace('"urgent":"no"', '"urgent":false'));
  assert.deepEqual(checkLoads(dir, 0), ["ajv"], "golden example fixed");

  const folder = path.join(c, "migrations");
  const migration = path.join(folder, readdirSync(folder).find((f) => f.endsWith(".ts"))!);
  edit(migration, (t) => `${t}// reviewed\n`);
  assert.deepEqual(checkLoads(dir, 0), ["typescript"], "migration edited");
  edit(migration, (t) => t.replace("// reviewed\n", 'notImplemented("reviewed");\n'));
  assert.ok(checkLoads(dir, 1).includes("ts-morph"), "a migration that may call the marker is parsed");

  // An annotation-only schema edit compiles that version from the cache: the validator by the schema's blind form
  // (src/compile/validator-cache.ts), the types by their printed skeleton (src/emit/types/skeleton.ts), and drift's
  // meta-schema check passes by the blind form (src/drift/inputs.ts): no compiler, no printer, no ajv.
  edit(path.join(c, "v2.json"), (t) => t.replace('"Where the item stands."', '"Where the item stands now."'));
  assert.deepEqual(checkLoads(dir, 1), [], "annotation-only schema edit");
  // Built, the annotation edit is checked from the cache: the compile's entries, and the migration type-check's key,
  // which leaves comments and annotation values of the generated modules out (src/migrate/typecheck-key.ts).
  edit(migration, (t) => t.replace('notImplemented("reviewed");\n', ""));
  assert.equal(runCli(["build"], dir).code, 0);
  // The migration is back to a text whose chain was checked before: cached.
  assert.deepEqual(checkLoads(dir, 0), [], "migration edited back, built");
  edit(path.join(c, "v2.json"), (t) => t.replace('"Where the item stands now."', '"Where the item stands today."'));
  assert.equal(runCli(["build"], dir).code, 0);
  // Built, nothing: drift's comparison of the edited pair checks its inputs by the blind form, and its witnesses
  // with the shipped validators.
  assert.deepEqual(checkLoads(dir, 0), [], "annotation-only schema edit, built");
  // An annotation edit that makes the schema invalid (a number for a description) has a blind form that never
  // passed: the validator is compiled and the meta-schema refuses it (ajv), exit 2.
  edit(path.join(c, "v2.json"), (t) => t.replace('"Where the item stands today."', "5"));
  assert.deepEqual(checkLoads(dir, 2), ["ajv"], "annotation edit to an invalid schema");
});
