/**
 * An incremental run (one that redoes only the contracts a change touched, src/incremental) gives exactly what a
 * run without any cache gives: the same sequence of edits, builds and checks on two copies of a generated
 * project, one with the cache and one without, must give identical results (problems, their order, warnings,
 * counts) and byte-identical generated trees and migration modules. Each step also asserts which contracts the
 * cached run redid, so the test fails if scoping silently falls back to whole-project runs, or redoes too little.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeContract } from "../../bench/generate.js";
import { C, edit, step, twins } from "./twins.js";

const N = 12;

test("incremental › runs that redo only the changed contracts equal runs without a cache", { timeout: 600_000 }, async () => {
  const dirs = twins(N);
  const whole = "whole project";
  await step(dirs, "build", "cold build", "replay or no units");
  await step(dirs, "check", "cold check", "replay or no units");

  // A schema text change: the contract's own output changes, nothing else.
  edit(dirs, `schemas/${C(3)}/v2.json`, (t) => t.replace("Short title.", "Short title, edited."));
  assert.match(await step(dirs, "check", "edited schema: check", C(3)), /generated\.stale.*contract-0003/);
  await step(dirs, "build", "edited schema: build", C(3));
  assert.match(await step(dirs, "check", "after build", C(3)), /"exitCode":0/);

  // A backward break in one contract: its drift and migration findings must survive runs that redo another one.
  edit(dirs, `schemas/${C(1)}/v2.json`, (t) => t.replace('"required": [\n    "id",', '"required": [\n    "source",\n    "id",'));
  await step(dirs, "build", "break: build", C(1));
  const broken = await step(dirs, "check", "break: check", C(1));
  assert.match(broken, /"code":"(drift|migration)\./);
  edit(dirs, `schemas/${C(4)}/v1.json`, (t) => t.replace("Short title.", "A short title."));
  await step(dirs, "build", "other edit: build", C(4));
  const carried = await step(dirs, "check", "other edit: check keeps the break's findings", C(4));
  assert.equal(JSON.parse(carried).problems.filter((p: { file: string }) => p.file.includes(C(1))).length, JSON.parse(broken).problems.length);

  // Hand edits in generated/: one contract's file, the project's own index; a file removed, one added.
  edit(dirs, `generated/${C(5)}/v1.ts`, (t) => `${t}// hand edit\n`);
  edit(dirs, "generated/index.ts", (t) => `${t}// hand edit\n`);
  for (const d of dirs) rmSync(path.join(d, "generated", C(6), "v2.validate.ts"));
  // A leftover of ours (it carries a banner), as a removed version leaves behind.
  for (const d of dirs) writeFileSync(path.join(d, "generated", C(2), "v9.ts"), readFileSync(path.join(d, "generated", C(2), "v1.ts")));
  const hand = await step(dirs, "check", "hand edits: check", [C(2), C(5), C(6)].join(", "));
  for (const code of ["generated.edited", "generated.missing", "generated.extra"]) assert.match(hand, new RegExp(code));

  // A failing golden example is a compile problem: the build refuses, the check reports it, then it is fixed.
  edit(dirs, `schemas/${C(7)}/examples/v2/valid/typical.json`, (t) => t.replace('"urgent":false', '"urgent":"no"').replace('"urgent":true', '"urgent":"yes"'));
  // The build also redoes the contracts hand-edited above (the check wrote nothing).
  assert.match(await step(dirs, "build", "bad example: build", [2, 5, 6, 7].map(C).join(", ")), /"ok":false/);
  assert.match(await step(dirs, "check", "bad example: check", C(7)), /"code":"example\./);
  // The failed runs marked the contract to be redone by every run until one finishes it; the others stay as they were.
  edit(dirs, `schemas/${C(4)}/v1.json`, (t) => t.replace("A short title.", "A short title!"));
  assert.match(await step(dirs, "check", "still failing, other edit: check", [4, 7].map(C).join(", ")), /"code":"example\./);
  edit(dirs, `schemas/${C(7)}/examples/v2/valid/typical.json`, (t) => t.replace('"urgent":"no"', '"urgent":false').replace('"urgent":"yes"', '"urgent":true'));
  // The build redoes the hand-edited contracts too (the checks wrote nothing).
  await step(dirs, "build", "example fixed: build", [2, 4, 5, 6, 7].map(C).join(", "));
  await step(dirs, "check", "example fixed: check", [2, 4, 5, 6, 7].map(C).join(", "));

  // A shared definition: every contract whose schemas read it is redone, and only those.
  edit(dirs, "schemas/_shared/money.json", (t) => t.replace('"minimum": 0', '"minimum": 1'));
  const readers = [2, 8].map(C).join(", ");
  await step(dirs, "build", "shared file: build", readers);
  await step(dirs, "check", "shared file: check", readers);

  // A new contract: the whole project.
  for (const d of dirs) writeContract(d, N);
  await step(dirs, "build", "new contract: build", whole);
  await step(dirs, "check", "new contract: check", whole);

  // A new example file in one contract: that contract.
  for (const d of dirs) {
    mkdirSync(path.join(d, "schemas", C(0), "examples/v1/valid"), { recursive: true });
    writeFileSync(path.join(d, "schemas", C(0), "examples/v1/valid/second.json"), readFileSync(path.join(d, "schemas", C(0), "examples/v1/valid/typical.json")));
  }
  await step(dirs, "build", "new example: build", C(0));
  assert.match(await step(dirs, "check", "new example: check", C(0)), /"exitCode":1/);
  assert.match(await step(dirs, "check", "no-op check", "replay or no units"), /"exitCode":1/);
});
