/**
 * Every change class a commit brings (src/incremental/settled.ts, src/compile examplesAgain): a golden example
 * edited, added or made failing; an annotation-only schema edit; an assertion change (a narrowed enum, with the
 * migration it needs); a migration edited (to a type error and back); the config changed. After each, the
 * incremental `check` (and `build`) equals a run without any cache, byte for byte, and redoes only the contract
 * the change is in; an annotation edit that types a migration (through the schema constant) is a type change for it.
 * A contract with drift and migration findings keeps them when only its examples change: the
 * steps do not run for it, and its findings are carried from its unit.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { C, edit, step, twins } from "./twins.js";

const N = 8;

type Problem = { code: string; file: string };
const problems = (result: string): Problem[] => (JSON.parse(result) as { problems: Problem[] }).problems;
const codes = (result: string, contract: string): string[] => problems(result).filter((p) => p.file.includes(contract)).map((p) => p.code);

function migrationFile(dir: string, contract: string): string {
  const folder = path.join(dir, "schemas", contract, "migrations");
  return path.relative(dir, path.join(folder, readdirSync(folder).find((f) => f.endsWith(".ts"))!));
}

test("incremental › every change class: the incremental check equals a check without a cache", { timeout: 600_000 }, async () => {
  const dirs = twins(N);
  await step(dirs, "build", "cold build", "replay or no units");
  await step(dirs, "check", "cold check", "replay or no units");

  // A backward break in C(2) (a new required property): drift and migration findings that must survive below.
  edit(dirs, `schemas/${C(2)}/v2.json`, (t) => t.replace('"required": [\n    "id",', '"required": [\n    "source",\n    "id",'));
  await step(dirs, "build", "break: build", C(2));
  const broken = codes(await step(dirs, "check", "break: check", C(2)), C(2));
  assert.ok(broken.length > 0 && broken.every((c) => /^(drift|migration)\./.test(c)), broken.join(", "));

  // Golden example edited (still valid): the contract with findings keeps exactly them.
  edit(dirs, `schemas/${C(2)}/examples/v2/valid/typical.json`, (t) => t.replace('"Item number 2"', '"Item number two"'));
  assert.deepEqual(codes(await step(dirs, "check", "example edited: check", C(2)), C(2)), broken);
  // Golden example edited to fail: the example problem, and the other findings still carried.
  edit(dirs, `schemas/${C(2)}/examples/v2/valid/typical.json`, (t) => t.replace('"urgent":true', '"urgent":"yes"'));
  assert.deepEqual(codes(await step(dirs, "check", "example failing: check", C(2)), C(2)), ["example.rejected"]);
  edit(dirs, `schemas/${C(2)}/examples/v2/valid/typical.json`, (t) => t.replace('"urgent":"yes"', '"urgent":true'));
  assert.deepEqual(codes(await step(dirs, "check", "example fixed: check", C(2)), C(2)), broken);
  // An invalid example that is now accepted.
  edit(dirs, `schemas/${C(1)}/examples/v1/invalid/missing-id.json`, (t) => t.replace(',"extra":1', ""));
  assert.deepEqual(codes(await step(dirs, "check", "invalid example passes: check", C(1)), C(1)), []);
  edit(dirs, `schemas/${C(1)}/examples/v1/invalid/missing-id.json`, (t) => t.replace(/}\n$/, ',"extra":1}\n'));

  // An example that is not JSON: an input problem (exit 2) naming the file, as from a compile.
  edit(dirs, `schemas/${C(1)}/examples/v2/valid/typical.json`, (t) => t.replace("{", "{{"));
  const unreadable = await step(dirs, "check", "unreadable example: check", C(1));
  assert.match(unreadable, /"exitCode":2/);
  assert.match(unreadable, /examples\/v2\/valid\/typical\.json/);
  edit(dirs, `schemas/${C(1)}/examples/v2/valid/typical.json`, (t) => t.replace("{{", "{"));

  // Golden example added (in a contract without findings, and one with).
  for (const [i, v] of [[0, 1], [2, 2]] as const) {
    for (const d of dirs) {
      const valid = path.join(d, "schemas", C(i), `examples/v${v}/valid`);
      writeFileSync(path.join(valid, "second.json"), readFileSync(path.join(valid, "typical.json")));
    }
  }
  assert.deepEqual(codes(await step(dirs, "check", "examples added: check", [C(0), C(1), C(2)].join(", ")), C(2)), broken);

  // Annotation-only schema edit: the types change (stale), the findings stay.
  edit(dirs, `schemas/${C(3)}/v2.json`, (t) => t.replace('"Where the item stands."', '"Where the item stands now."'));
  assert.deepEqual(codes(await step(dirs, "check", "annotation: check", C(3)), C(3)).filter((c) => !c.startsWith("generated.")), []);
  await step(dirs, "build", "annotation: build", [C(0), C(2), C(3)].join(", "));
  await step(dirs, "check", "annotation: check after build", C(3));

  // Assertion change: v2 of C(4) narrows its status enum (old documents with the removed value fail v2).
  edit(dirs, `schemas/${C(4)}/v2.json`, (t) => t.replace('"review",\n', ""));
  const narrowed = codes(await step(dirs, "check", "narrowed enum: check", C(4)), C(4));
  assert.ok(narrowed.includes("generated.stale"), narrowed.join(", "));
  await step(dirs, "build", "narrowed enum: build", C(4));
  await step(dirs, "check", "narrowed enum: check after build", C(4));

  // Migration edited: a type error, then back.
  const migration = migrationFile(dirs[0], C(4));
  const original = readFileSync(path.join(dirs[0], migration), "utf8");
  edit(dirs, migration, (t) => `${t}export const broken: number = "not a number";\n`);
  assert.ok(codes(await step(dirs, "check", "migration type error: check", C(4)), C(4)).includes("migration.type-error"));
  edit(dirs, migration, () => original);
  await step(dirs, "check", "migration restored: check", C(4));

  // A migration typed by a description (through the schema constant): an annotation edit is then a type change
  // for it, and the type-check's key (src/migrate/typecheck-key.ts) must not leave the description out.
  const typed = migrationFile(dirs[0], C(5));
  const untyped = readFileSync(path.join(dirs[0], typed), "utf8");
  edit(dirs, typed, (t) => `import { Contract0005V2Schema } from "../../../generated/${C(5)}/v2.js";\nexport const described: "Short title." = Contract0005V2Schema.properties.title.description;\n${t}`);
  assert.deepEqual(codes(await step(dirs, "check", "migration typed by a description: check", C(5)), C(5)), []);
  edit(dirs, `schemas/${C(5)}/v2.json`, (t) => t.replace('"Short title."', '"Short title, edited."'));
  await step(dirs, "build", "description typing a migration: build", C(5));
  assert.deepEqual(codes(await step(dirs, "check", "description typing a migration: check", C(5)), C(5)), ["migration.type-error"]);
  edit(dirs, typed, () => untyped);
  assert.deepEqual(codes(await step(dirs, "check", "migration untyped again: check", C(5)), C(5)), []);

  // Config changed (here a config file where there was none: a cache of its own, so no units): the whole project,
  // and the carried findings are found again.
  for (const d of dirs) writeFileSync(path.join(d, "llm-contracts.config.json"), `${JSON.stringify({ outDir: "generated" })}\n`);
  assert.deepEqual(codes(await step(dirs, "check", "config: check", "replay or no units"), C(2)), broken);
});
