import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { lintSchema } from "../../src/lint/engine.js";
import { PROFILES } from "../../src/lint/profiles/index.js";
import type { LintTarget } from "../../src/lint/types.js";
import { contractFiles, makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const SCHEMA = { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false };
const target = (toolName?: string): LintTarget => ({ name: "issue-refund", ...(toolName !== undefined ? { toolName } : {}), kind: "tool-arguments", schema: SCHEMA });
const names = (profile: keyof typeof PROFILES, t: LintTarget) => lintSchema(t, PROFILES[profile]).filter((f) => f.ruleId === "tool-name").map((f) => `${f.severity}:${f.message}`);

test("tool-name › toolName replaces the contract name on the wire, per provider rule", () => {
  const table: [keyof typeof PROFILES, string, boolean][] = [
    ["openai-strict", "issue_refund", true],
    ["openai-strict", "issue refund", false],
    ["openai-strict", "a".repeat(65), false],
    ["anthropic", "issue.refund", false],
    ["gemini", "issue.refund", true],
    ["gemini", "1refund", false],
    ["mcp", "issue.refund", true],
    ["mcp", "a".repeat(129), false],
    ["portable", "-refund", false],
  ];
  for (const [profile, name, ok] of table) assert.equal(names(profile, target(name)).length === 0, ok, `${profile} ${name}`);
  assert.deepEqual(names("mcp", target("a".repeat(129))).map((m) => m.split(":")[0]), ["warn"], "MCP's length rule is a SHOULD");
  assert.match(names("openai-strict", target("issue refund"))[0]!, /"issue refund" is not a valid name here .*change `toolName` in contract\.json/);
  // Without toolName the contract name is checked (kebab-case passes everywhere).
  assert.deepEqual(names("openai-strict", target()), []);
});

test("tool-name › a bad toolName is reported at contract.json#/toolName (exit 1); export and build use a good one", async () => {
  const bad = makeProject({ ...contractFiles("refund", [SCHEMA], "tool-arguments"), "schemas/refund/contract.json": { kind: "tool-arguments", toolName: "issue refund", providers: ["openai-strict"] } });
  const r = await runCliHere(["lint"], bad);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^error: schemas\/refund\/contract\.json#\/toolName: \[openai-strict\] name "issue refund" is not a valid name here.* \[lint\.tool-name\]$/m);

  const good = makeProject({ ...contractFiles("refund", [SCHEMA], "tool-arguments"), "schemas/refund/contract.json": { kind: "tool-arguments", toolName: "issue_refund", providers: ["openai-strict", "mcp"] } });
  assert.equal((await runCliHere(["lint"], good)).code, 0);
  const exported = await runCliHere(["export", "refund", "--provider", "mcp", "--format", "json"], good);
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, /"name": ?"issue_refund"/);
  assert.equal((await runCliHere(["build"], good)).code, 0);
  const providers = path.join(good, "generated", "refund", "v1.providers.ts");
  assert.ok(existsSync(providers));
  const text = readFileSync(providers, "utf8");
  assert.match(text, /name: "issue_refund"/);
  assert.doesNotMatch(text, /name: "refund"/);
});

test("tool-name › an empty toolName is an invalid manifest (exit 2)", async () => {
  const dir = makeProject({ ...contractFiles("refund", [SCHEMA], "tool-arguments"), "schemas/refund/contract.json": { kind: "tool-arguments", toolName: "" } });
  const r = await runCliHere(["build"], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /schemas\/refund\/contract\.json.*toolName/);
});
