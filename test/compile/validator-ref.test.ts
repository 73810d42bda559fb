/**
 * A validator entry holds its code by reference (src/compile/validator-ref.ts): it points at the version outcome's
 * entry, which holds the code once, with the code's hash. A pointer whose entry is gone, damaged, or rewritten with
 * other code (as a `$ref`ed file's change rewrites it, or another process could) is a miss: an annotation-only
 * edit, which reads the entry, then builds exactly as without the cache.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readEntry, writeEntry } from "../../src/cache/store.js";
import { readTree } from "../util/generated.js";
import { contractFiles, makeProject, runCli } from "../util/project.js";

const OBJ = { type: "object", description: "A ping.", properties: { a: { type: "string", maxLength: 9 } }, required: ["a"], additionalProperties: false };
const OBJ2 = { ...OBJ, properties: { a: { type: "string", maxLength: 12 }, b: { type: "integer", minimum: 3 } } };

const project = (v1: object = OBJ): string => makeProject({ ...contractFiles("ping", [v1, OBJ2]), "schemas/ping/examples/v1/valid/ok.json": { a: "x" } });
const cacheDir = (dir: string): string => path.join(dir, "node_modules/.cache/llm-contracts");

/** A key's entry file, as src/cache/store.ts names it: `<namespace>/<rest>.json`. */
const entryFile = (dir: string, key: string): string => path.join(cacheDir(dir), key.slice(0, key.indexOf("-")), `${key.slice(key.indexOf("-") + 1)}.json`);

/** The validator entries: [key, payload]. */
function validatorEntries(dir: string): [string, Record<string, unknown>][] {
  const folder = path.join(cacheDir(dir), "validator");
  return readdirSync(folder).map((f) => {
    const key = `validator-${f.slice(0, -".json".length)}`;
    const payload = readEntry<Record<string, unknown>>(path.join(folder, f), key);
    assert.ok(payload !== undefined, f);
    return [key, payload];
  });
}

test("validator entries › the code is held once: each validator entry points at its outcome's entry with the code's hash", () => {
  const dir = project();
  assert.equal(runCli(["build"], dir).code, 0);
  const entries = validatorEntries(dir);
  assert.equal(entries.length, 2);
  for (const [, payload] of entries) {
    assert.equal(payload["code"], undefined, "no code of its own");
    assert.match(String(payload["codeIn"]), /^version-schema-[0-9a-f]{64}$/);
    assert.match(String(payload["sha"]), /^[0-9a-f]{64}$/);
  }
  const validate = readFileSync(path.join(dir, "generated/ping/v2.validate.ts"), "utf8");
  const body = JSON.stringify(validate.slice(validate.indexOf('"use strict"')).trimEnd()).slice(1, -1);
  const holding: string[] = [];
  for (const ns of readdirSync(cacheDir(dir))) for (const f of readdirSync(path.join(cacheDir(dir), ns))) if (readFileSync(path.join(cacheDir(dir), ns, f), "utf8").includes(body)) holding.push(`${ns}/${f}`);
  assert.equal(holding.length, 1, `v2's validator code in one cache file: ${holding.join(", ")}`);
});

test("validator entries › a pointer whose entry is gone, damaged or holds other code is a miss: an annotation edit builds as without cache", () => {
  const edited = { ...OBJ, description: "A ping, edited." };
  const clean = project(edited);
  assert.equal(runCli(["build", "--no-cache"], clean).code, 0);
  const want = readTree(path.join(clean, "generated"));
  for (const damage of ["remove", "truncate", "other code"] as const) {
    const dir = project();
    assert.equal(runCli(["build"], dir).code, 0);
    // The entries v1's validator points at (v1 is edited below, so its version is compiled and asks for it).
    const pointed = validatorEntries(dir).map(([, payload]) => String(payload["codeIn"]));
    const ofV1 = pointed.filter((key) => readEntry<{ outcome: { files: [string, unknown][] } }>(entryFile(dir, key), key)?.outcome.files.some(([rel]) => rel === "ping/v1.validate.ts"));
    assert.equal(ofV1.length, 1);
    for (const key of ofV1) {
      const file = entryFile(dir, key);
      if (damage === "remove") rmSync(file);
      else if (damage === "truncate") writeFileSync(file, readFileSync(file, "utf8").slice(0, 300));
      else {
        // A well-formed entry under the right key and integrity, whose code is another (same length, so that the
        // outcome's reference into its module still reads): as an entry rewritten for another bundled schema.
        const held = readEntry<{ outcome: { files: [string, unknown][] } }>(file, key);
        assert.ok(held !== undefined);
        const files = held.outcome.files.map(([rel, text]) => [rel, typeof text === "string" && rel.endsWith(".validate.ts") ? text.replaceAll("maxLength", "maxLengtH") : text]);
        assert.notDeepEqual(files, held.outcome.files, "the code was changed");
        writeEntry(file, key, { ...held, outcome: { ...held.outcome, files } });
      }
    }
    writeFileSync(path.join(dir, "schemas/ping/v1.json"), `${JSON.stringify(edited, null, 2)}\n`);
    const r = runCli(["build"], dir);
    assert.equal(r.code, 0, `${damage}: ${r.stderr}`);
    assert.deepEqual(readTree(path.join(dir, "generated")), want, damage);
    assert.equal(runCli(["check"], dir).code, 0, damage);
  }
});
