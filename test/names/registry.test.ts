/**
 * One name registry (src/names/registry.ts, src/compile/names.ts): generated names that two sources would both
 * export are refused at build, naming both; and names a schema author picks (`toString`, `valueOf`, a `$defs` key
 * equal to a type the module imports) give modules that type-check under --strict in every provider module.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { collisions } from "../../src/names/registry.js";
import { VERSION_MODULE_TYPE_IMPORTS } from "../../src/emit/modules/version.js";
import { PROFILE_IDS } from "../../src/lint/profiles/index.js";
import { typecheckFiles } from "../util/typecheck-dir.js";
import { contractFiles, makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const OBJ = { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false };

/** given contracts → want exit 2 from build and check, one collision line each matching `want`, nothing written. */
const CASES: readonly { name: string; contracts: readonly string[]; want: readonly RegExp[] }[] = [
  {
    name: "foo and foo-v1 (FooV1 is foo's v1 and foo-v1's latest)",
    contracts: ["foo", "foo-v1"],
    want: [/^schemas\/foo-v1: generated name in generated\/index\.ts FooV1, the latest type of contract foo-v1, is also the v1 type of contract foo \(schemas\/foo\) \(and \d+ more name\(s\) of the two\); rename one of them \[names\.collision\]$/],
  },
  { name: "a-1 and a1 (both A1)", contracts: ["a-1", "a1"], want: [/^schemas\/a1: generated name in generated\/index\.ts a1, the namespace of contract a1, is also the namespace of contract a-1 \(schemas\/a-1\).*\[names\.collision\]$/] },
  { name: "a contract named like a runtime export", contracts: ["parse-result"], want: [/^schemas\/parse-result: generated name in generated\/index\.ts ParseResult, the latest type of contract parse-result, is also a runtime export.*\[names\.collision\]$/] },
];

for (const c of CASES) {
  test(`names › ${c.name}: refused at build and check, both sources named`, async () => {
    const dir = makeProject(Object.assign({}, ...c.contracts.map((n) => contractFiles(n, [OBJ]))) as Record<string, object>);
    for (const cmd of ["build", "check"]) {
      const r = await runCliHere([cmd], dir);
      assert.equal(r.code, 2, `${cmd}: ${r.stdout}${r.stderr}`);
      const lines = r.stderr.trim().split("\n").filter((l) => !/^(build|check) failed/.test(l));
      assert.equal(lines.length, c.want.length, r.stderr);
      c.want.forEach((w, i) => assert.match(lines[i]!, w));
    }
    assert.equal(existsSync(path.join(dir, "generated")), false);
  });
}

test("names › the registry: file names equal ignoring case collide; one source naming a thing twice does not", () => {
  const got = collisions([
    { name: "_toolsets/Support.ts", scope: "file", what: "a planned file", file: "generated/_toolsets/Support.ts" },
    { name: "_toolsets/support.ts", scope: "file", what: "a planned file", file: "generated/_toolsets/support.ts" },
    { name: "X", scope: "m", what: "the type of a", file: "a" },
    { name: "X", scope: "m", what: "the type of a", file: "a" },
    { name: "X", scope: "other", what: "the type of b", file: "b" },
  ]);
  assert.deepEqual(
    got.map((d) => `${d.file}: ${d.message}`),
    ["generated/_toolsets/support.ts: generated file _toolsets/support.ts (and _toolsets/Support.ts, equal ignoring case), a planned file, is also a planned file (generated/_toolsets/Support.ts); rename one of them"],
  );
});

/** Every `Object.prototype` member name; `__proto__` is refused by the loader anywhere (test/load/read.test.ts). */
const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).filter((n) => n !== "__proto__");

test("names › Object.prototype property names and $defs named like imported types type-check in every provider module", async () => {
  assert.ok(PROTO_NAMES.includes("toString") && PROTO_NAMES.includes("valueOf") && PROTO_NAMES.includes("hasOwnProperty"));
  const properties: Record<string, object> = {};
  PROTO_NAMES.forEach((n, i) => {
    // Optional ones become required + nullable in strict providers: their normalizer plans are keyed by these names.
    properties[n] = i % 3 === 0 ? { type: "string" } : i % 3 === 1 ? { type: "integer" } : { type: "object", properties: { [n]: { type: "boolean" } }, required: [], additionalProperties: false };
  });
  const defs: Record<string, object> = {};
  for (const n of [...VERSION_MODULE_TYPE_IMPORTS, ...PROTO_NAMES.slice(0, 3)]) defs[n] = { type: "object", properties: { [n]: { type: "string" } }, additionalProperties: false };
  const schema = {
    type: "object",
    properties: { ...properties, shared: { $ref: "#/$defs/DeepMutable" }, parsed: { $ref: "#/$defs/ParseResult" } },
    required: PROTO_NAMES.filter((_, i) => i % 2 === 0),
    additionalProperties: false,
    $defs: defs,
  };
  const dir = makeProject({
    "schemas/proto/contract.json": { kind: "tool-arguments", providers: [...PROFILE_IDS] },
    "schemas/proto/v1.json": schema,
    "package.json": { type: "module" },
  });
  const r = await runCliHere(["build"], dir);
  assert.equal(r.code, 0, r.stderr);
  const gen = path.join(dir, "generated");
  const providers = readdirSync(path.join(gen, "proto")).filter((f) => f.endsWith(".providers.ts"));
  assert.deepEqual(providers, ["v1.providers.ts"]);
  const files = (readdirSync(gen, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).map((f) => path.join(gen, f));
  for (const mode of ["NodeNext", "Bundler"] as const) assert.deepEqual(typecheckFiles(files, mode), [], mode);
  // The normalizer plans are keyed by these names (the case that failed with TS2322), and the $defs kept apart.
  const text = readFileSync(path.join(gen, "proto", "v1.providers.ts"), "utf8");
  assert.match(text, /Plan: Plan = \{\n  p: \{\n[\s\S]*\n    valueOf: \{\n      n: 1/);
  assert.match(readFileSync(path.join(gen, "proto", "v1.ts"), "utf8"), /export interface DeepMutable_2 \{/);
});
