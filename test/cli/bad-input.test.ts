import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { contractFiles, makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const OK = { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false };

function nested(depth: number): object {
  let schema: object = { type: "string" };
  for (let i = 0; i < depth; i++) schema = { type: "array", items: schema };
  return schema;
}

/**
 * given a project whose input is bad in one way → want exit 2, one line on stderr matching `want`
 * (file, pointer or line:col, and code), and no generated/ folder.
 */
const CASES: readonly { name: string; files: Record<string, string | object>; want: RegExp }[] = [
  {
    name: "malformed JSON names file, line and column",
    files: { "schemas/ping/contract.json": { kind: "model-output" }, "schemas/ping/v1.json": '{\n  "type": "object",\n  "properties": {,}\n}' },
    want: /^schemas\/ping\/v1\.json:3:18: .*\[input\.json-syntax\]$/,
  },
  {
    name: "malformed YAML names file and line",
    files: { "schemas/ping/contract.json": { kind: "model-output" }, "schemas/ping/v1.yaml": "type: object\nproperties:\n  a: [unclosed\n" },
    want: /^schemas\/ping\/v1\.yaml:\d+:\d+: .*\[input\.yaml-syntax\]$/,
  },
  {
    name: "remote $ref is refused without fetching",
    files: contractFiles("ping", [{ type: "object", properties: { a: { $ref: "https://example.com/a.json" } } }]),
    want: /^schemas\/ping\/v1\.json(:\d+:\d+)?#\/properties\/a\/\$ref: .*\[ref\.remote\]$/,
  },
  {
    name: "file $ref escaping the schemas folder",
    files: contractFiles("ping", [{ type: "object", properties: { a: { $ref: "../../../../etc/passwd" } } }]),
    want: /^schemas\/ping\/v1\.json(:\d+:\d+)?#\/properties\/a\/\$ref: .*\[ref\.escapes-root\]$/,
  },
  {
    name: "unresolvable local $ref",
    files: contractFiles("ping", [{ type: "object", properties: { a: { $ref: "#/$defs/Nope" } } }]),
    want: /^schemas\/ping\/v1\.json(:\d+:\d+)?#\/properties\/a\/\$ref: .*\[ref\.unresolvable\]$/,
  },
  {
    name: "version gap",
    files: { "schemas/ping/contract.json": { kind: "model-output" }, "schemas/ping/v1.json": OK, "schemas/ping/v3.json": OK },
    want: /^schemas\/ping\/v3\.json: version 2 is missing.*\[contract\.version-gap\]$/,
  },
  {
    name: "duplicate version",
    files: { "schemas/ping/contract.json": { kind: "model-output" }, "schemas/ping/v1.json": OK, "schemas/ping/v1.yaml": "type: object\n" },
    want: /^schemas\/ping\/v1\.yaml: version 1 is also defined by schemas\/ping\/v1\.json \[contract\.version-duplicate\]$/,
  },
  {
    name: "missing contract.json",
    files: { "schemas/ping/v1.json": OK },
    want: /^schemas\/ping\/contract\.json: missing contract\.json \[contract\.manifest-missing\]$/,
  },
  {
    name: "unknown field in contract.json",
    files: { "schemas/ping/contract.json": { kind: "model-output", compat: "full" }, "schemas/ping/v1.json": OK },
    want: /^schemas\/ping\/contract\.json#\/compat: unknown field "compat" \[contract\.manifest-invalid\]$/,
  },
  {
    name: "misspelt field in contract.json",
    files: { "schemas/ping/contract.json": { kind: "model-output", compatibilty: "full" }, "schemas/ping/v1.json": OK },
    want: /^schemas\/ping\/contract\.json#\/compatibilty: unknown field "compatibilty"; did you mean "compatibility"\? \[contract\.manifest-invalid\]$/,
  },
  {
    name: "unknown draft",
    files: contractFiles("ping", [{ $schema: "http://json-schema.org/draft-03/schema#", type: "object" }]),
    want: /^schemas\/ping\/v1\.json(:\d+:\d+)?#\/\$schema: .*draft/,
  },
  {
    name: "schema invalid against its meta-schema",
    files: contractFiles("ping", [{ type: "object", properties: { a: { type: "strin" } } }]),
    want: /^schemas\/ping\/v1\.json(:\d+:\d+)?#\/properties\/a\/type: .*\[schema\.meta\]$/,
  },
  {
    name: "misspelt keyword (strictness policy: keyword-typo)",
    files: contractFiles("ping", [{ type: "object", properties: { a: { type: "string", minLenght: 1 } } }]),
    want: /^schemas\/ping\/v1\.json(:\d+:\d+)?#\/properties\/a\/minLenght: .*did you mean "minLength"\?.*\[strict\.keyword-typo\]$/,
  },
  {
    name: "property named __proto__ is refused",
    files: contractFiles("ping", [{ type: "object", properties: { ["__proto__"]: { type: "string" } } }]),
    want: /^schemas\/ping\/v1\.json(:\d+:\d+)?#\/properties\/__proto__: .*\[schema\.proto-key\]$/,
  },
  {
    name: "a 10 MB schema",
    files: contractFiles("ping", [{ type: "object", description: "x".repeat(10 * 1024 * 1024) }]),
    want: /^schemas\/ping\/v1\.json: .*\[input\.too-large\]$/,
  },
  {
    name: "nesting 500 deep",
    files: contractFiles("ping", [nested(500)]),
    want: /^schemas\/ping\/v1\.json(:\d+:\d+)?(#\S*)?: .*\[input\.too-deep\]$/,
  },
  {
    name: "contract name that is not kebab-case",
    files: { "schemas/Ping_Pong/contract.json": { kind: "model-output" }, "schemas/Ping_Pong/v1.json": OK },
    want: /^schemas\/Ping_Pong: contract names are kebab-case.*\[contract\.name\]$/,
  },
];

for (const c of CASES) {
  test(`build › bad input: ${c.name} → exit 2, one clear line, nothing written`, async () => {
    const dir = makeProject(c.files);
    const r = await runCliHere(["build"], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    const lines = r.stderr.trim().split("\n");
    assert.match(lines[0] ?? "", c.want, r.stderr);
    assert.ok(!r.stderr.includes("    at "), "stack trace printed");
    assert.ok(!existsSync(path.join(dir, "generated")), "generated/ was written");
  });
}

test("check › lists problems from several contracts at once", async () => {
  const dir = makeProject({
    ...contractFiles("one", [{ type: "object", properties: { a: { type: "strin" } } }]),
    "schemas/two/contract.json": { kind: "model-output" },
    "schemas/two/v1.json": OK,
    "schemas/two/v3.json": OK,
  });
  const r = await runCliHere(["check"], dir);
  // Schemas that do not compile are bad input: exit 2, as from build (src/exit-codes.ts).
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /schemas\/one\/v1\.json(:\d+:\d+)?#\/properties\/a\/type: .*\[schema\.meta\]/);
  assert.match(r.stderr, /schemas\/two\/v3\.json: .*\[contract\.version-gap\]/);
});

test("build › --debug is accepted and input errors stay one line without a stack trace", async () => {
  const dir = makeProject(contractFiles("ping", [{ type: "object", properties: { a: { $ref: "http://x/y" } } }]));
  for (const args of [["build"], ["build", "--debug"]]) {
    const r = await runCliHere(args, dir);
    assert.equal(r.code, 2);
    assert.ok(!r.stderr.includes("    at "));
  }
});

test("build › an over-long pointer is shortened in the one-line message", async () => {
  const dir = makeProject(contractFiles("ping", [nested(500)]));
  const r = await runCliHere(["build"], dir);
  const first = r.stderr.split("\n")[0] ?? "";
  assert.ok(first.length < 400, `${first.length} characters`);
  assert.match(first, /\[input\.too-deep\]$/);
});
