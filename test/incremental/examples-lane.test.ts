/**
 * check's examples-only lane (src/incremental/examples-lane.ts): taken for a golden example edit whose examples
 * give again what the previous run recorded, and for nothing else. Each step runs `check` on two copies of a
 * project, one with the cache and one without (twins.ts), and asserts equal results, the same output trees, the
 * contracts redone and whether the lane was taken. The lane's cases that must fall through: an example that now
 * fails, an invalid one that now passes, one added, one removed, an example and its schema (or a generated file)
 * edited together, a toolset member's example, a contract whose previous run had example problems, a cached
 * validator damaged or gone.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { both, C, edit, files, twins } from "./twins.js";

/** `trees`: compare the output and migrations too (false while a schemas folder holds a dangling link). */
async function run(what: "build" | "check", dirs: [string, string], label: string, redid: string, lane: boolean, trees = true): Promise<string> {
  const r = await both(dirs, what);
  assert.equal(r.cached, r.plain, `${label}: the result differs from a ${what} without a cache`);
  if (trees) assert.deepEqual(files(dirs[1]), files(dirs[0]), `${label}: generated/ or migrations differ`);
  assert.equal(r.redid, redid, `${label}: redid`);
  assert.equal(r.lane, lane, `${label}: examples-only lane ${lane ? "not " : ""}taken`);
  return r.plain;
}

const check = (dirs: [string, string], label: string, redid: string, lane: boolean): Promise<string> => run("check", dirs, label, redid, lane);

const codes = (result: string): string[] => (JSON.parse(result) as { problems: { code: string }[] }).problems.map((p) => p.code);
const valid = (i: number, v = 2): string => `schemas/${C(i)}/examples/v${v}/valid/typical.json`;
const invalid = (i: number, v = 1): string => `schemas/${C(i)}/examples/v${v}/invalid/missing-id.json`;
const retitle = (title: string) => (t: string) => t.replace(/"title":"[^"]*"/, `"title":${JSON.stringify(title)}`);

function cacheEntries(dirs: [string, string], change: (file: string) => void): void {
  const folder = path.join(dirs[1], "node_modules", ".cache", "llm-contracts", "version");
  for (const name of readdirSync(folder)) change(path.join(folder, name));
}

test("incremental › the examples-only lane is taken only when the examples give what the previous run recorded", { timeout: 300_000 }, async () => {
  const dirs = twins(4);
  for (const what of ["build", "check"] as const) await both(dirs, what);
  await check(dirs, "replay", "replay or no units", false);

  // Taken: an edited valid example that still passes, twice in a row (the second from a lane's own record).
  edit(dirs, valid(1), retitle("Item number one"));
  assert.deepEqual(codes(await check(dirs, "valid example edited", C(1), true)), []);
  // build takes it too (it writes nothing an example decides).
  assert.match(await run("build", dirs, "build after the edit", C(1), true), /"changed":false/);
  edit(dirs, valid(1), retitle("Item number 1"));
  await check(dirs, "edited back", C(1), true);
  await check(dirs, "replay after the lane", "replay or no units", false);
  // Taken for an invalid example edited into another invalid one.
  edit(dirs, invalid(3), (t) => t.replace('"extra":1', '"extra":2'));
  await check(dirs, "invalid example edited, still invalid", C(3), true);

  // Taken: a file that is no example (neither .json nor .txt) added beside the examples, then removed.
  for (const d of dirs) writeFileSync(path.join(d, valid(0).replace("typical.json", "NOTES.md")), "notes\n");
  await check(dirs, "a note beside the examples", C(0), true);
  for (const d of dirs) unlinkSync(path.join(d, valid(0).replace("typical.json", "NOTES.md")));
  await check(dirs, "the note removed", C(0), true);
  // Not taken: an example and a project file of generated/ (edited by hand) in the same run.
  edit(dirs, valid(0), retitle("Item number zero"));
  edit(dirs, "generated/index.ts", (t) => `${t}// edited\n`);
  assert.ok(codes(await check(dirs, "example and generated/index.ts", C(0), false)).includes("generated.edited"));
  // A project file of generated/ alone is the whole project (a compile of no contract would plan the versions'
  // shared files, _standard.ts and _json-schema.ts, as gone: main at 6f8d0c15 reported them as generated.extra).
  edit(dirs, "generated/index.ts", (t) => t.replace("// edited\n", ""));
  await check(dirs, "generated/index.ts restored", "whole project", false);

  // Not taken: a valid example now failing; then, while it fails, another edit of that contract's examples.
  edit(dirs, valid(1), (t) => t.replace('"urgent":false', '"urgent":"no"'));
  assert.deepEqual(codes(await check(dirs, "valid example now failing", C(1), false)), ["example.rejected"]);
  edit(dirs, invalid(1), (t) => t.replace('"extra":1', '"extra":3'));
  assert.deepEqual(codes(await check(dirs, "previous run had example problems", C(1), false)), ["example.rejected"]);
  edit(dirs, valid(1), (t) => t.replace('"urgent":"no"', '"urgent":false'));
  assert.deepEqual(codes(await check(dirs, "fixed", C(1), false)), []);

  // Not taken: an invalid example that now passes, and back.
  const before = readFileSync(path.join(dirs[0], invalid(2)), "utf8");
  edit(dirs, invalid(2), (t) => t.replace('{"title"', '{"id":"it_000002","title"').replace(',"extra":1', ""));
  assert.deepEqual(codes(await check(dirs, "invalid example now passing", C(2), false)), ["example.accepted"]);
  edit(dirs, invalid(2), () => before);
  assert.deepEqual(codes(await check(dirs, "invalid again", C(2), false)), []);

  // Not taken: an example added, then removed (both pass: only the count changes).
  for (const d of dirs) writeFileSync(path.join(d, valid(0).replace("typical", "second")), readFileSync(path.join(d, valid(0))));
  await check(dirs, "example added", C(0), false);
  for (const d of dirs) unlinkSync(path.join(d, valid(0).replace("typical", "second")));
  await check(dirs, "example removed", C(0), false);

  // Not taken: an example and its contract's schema (an annotation) edited in the same run.
  edit(dirs, valid(3), retitle("Item number three"));
  edit(dirs, `schemas/${C(3)}/v2.json`, (t) => t.replace('"description": "Generated contract', '"description": "A generated contract'));
  await check(dirs, "example and schema edited", C(3), false);

  // Not taken: a cached validator damaged, then gone (the compile makes it again).
  cacheEntries(dirs, (file) => writeFileSync(file, readFileSync(file, "utf8").replace('"payload":', '"payload": ')));
  edit(dirs, valid(3), retitle("Item number 3"));
  await check(dirs, "cached validator damaged", C(3), false);
  cacheEntries(dirs, (file) => rmSync(file));
  edit(dirs, valid(3), retitle("Item number three"));
  await check(dirs, "cached validator missing", C(3), false);
  edit(dirs, valid(3), retitle("Item number 3"));
  await check(dirs, "cached again", C(3), true);

  // A version's examples folder, empty (no example), turned into a dangling link: no example either way (the same
  // count, the same version key), but build names the version among those without examples now: check takes the
  // lane, build does not.
  for (const what of ["build", "check"] as const) await both(dirs, what);
  const v1 = (d: string): string => path.join(d, "schemas", C(1), "examples", "v1");
  for (const d of dirs) {
    cpSync(v1(d), `${d}-v1`, { recursive: true });
    rmSync(v1(d), { recursive: true });
    mkdirSync(v1(d));
  }
  for (const what of ["build", "check"] as const) await run(what, dirs, `empty examples folder: ${what}`, C(1), false);
  for (const d of dirs) {
    rmSync(v1(d), { recursive: true });
    symlinkSync("nowhere", v1(d));
  }
  await run("check", dirs, "examples folder made a dangling link: check", C(1), true, false);
  assert.match(await run("build", dirs, "examples folder made a dangling link: build", C(1), false, false), /contract-0001 v1/);
  for (const d of dirs) {
    rmSync(v1(d));
    cpSync(`${d}-v1`, v1(d), { recursive: true });
  }

  // Not taken: a toolset member's example (its toolset files are made from every member).
  for (const d of dirs) writeFileSync(path.join(d, "llm-contracts.config.json"), `${JSON.stringify({ toolsets: { agent: [C(2)] } })}\n`);
  for (const what of ["build", "check"] as const) await both(dirs, what);
  edit(dirs, valid(2), retitle("Item number two"));
  await check(dirs, "toolset member's example", C(2), false);
  // Nor for another contract's example while there is a toolset: its members are redone with it.
  edit(dirs, valid(1), retitle("Item number one"));
  await check(dirs, "example beside a toolset", [C(1), C(2)].join(", "), false);
});
