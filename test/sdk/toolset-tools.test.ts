import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";
import { typecheckFiles } from "../util/typecheck-dir.js";

const ALL = ["openai-strict", "anthropic", "gemini", "mcp"];
const args = (prop: string) => ({ type: "object", properties: { [prop]: { type: "string" } }, required: [prop], additionalProperties: false });

function project(members: string[], extra: Record<string, object> = {}): string {
  return makeProject({
    "package.json": { type: "module" },
    "llm-contracts.config.json": { toolsets: { desk: members } },
    "schemas/pay/contract.json": { kind: "tool-arguments", toolName: "pay", sideEffects: "unsafe", idempotencyKey: "key", providers: ALL },
    "schemas/pay/v1.json": args("key"),
    "schemas/lookup/contract.json": { kind: "tool-arguments", toolName: "lookup", sideEffects: "none", providers: ALL },
    "schemas/lookup/v1.json": args("id"),
    ...extra,
  });
}

function toolset(dir: string): string {
  return readFileSync(path.join(dir, "generated", "_toolsets", "desk.ts"), "utf8");
}

/** The identifiers listed by `export const <name> = ...` on one line. */
function listed(text: string, name: string): string[] {
  const line = text.split("\n").find((l) => l.startsWith(`export const ${name}: `));
  assert.ok(line !== undefined, `${name} is exported`);
  const [type, value] = line.split(" = ");
  const names = (t: string | undefined) => [...(t ?? "").matchAll(/\b(Pay|Lookup)V1\w+/g)].map((m) => m[0]);
  assert.deepEqual(names(type), names(value), `${name}: its written type lists the same fragments as its value`);
  return names(value);
}

test("toolset tools › adding a tool to the toolset adds it to the router table and to every provider array, in the same order", async () => {
  const dir = project(["pay"]);
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const before = toolset(dir);
  assert.deepEqual(listed(before, "DeskAnthropicTools"), ["PayV1AnthropicRequest"]);
  writeFileSync(path.join(dir, "llm-contracts.config.json"), JSON.stringify({ toolsets: { desk: ["pay", "lookup"] } }));
  const r = await runCliHere(["build"], dir);
  assert.equal(r.code, 0, r.stderr);
  const after = toolset(dir);
  assert.match(after, /export const DeskTools: \{\n {2}readonly pay: typeof PayV1Binding;\n {2}readonly lookup: typeof LookupV1Binding;\n\} = \{\n {2}pay: PayV1Binding,\n {2}lookup: LookupV1Binding,\n\};/);
  assert.deepEqual(listed(after, "DeskOpenAIChatTools"), ["PayV1OpenaiStrictRequest", "LookupV1OpenaiStrictRequest"]);
  assert.deepEqual(listed(after, "DeskOpenAIResponsesTools"), ["PayV1OpenaiStrictResponsesRequest", "LookupV1OpenaiStrictResponsesRequest"]);
  assert.deepEqual(listed(after, "DeskAnthropicTools"), ["PayV1AnthropicRequest", "LookupV1AnthropicRequest"]);
  assert.deepEqual(listed(after, "DeskGeminiTools"), ["PayV1GeminiRequest", "LookupV1GeminiRequest"]);
  assert.deepEqual(listed(after, "DeskMcpTools"), ["PayV1McpRequest", "LookupV1McpRequest"]);
  assert.equal((await runCliHere(["check"], dir)).code, 0);

  // The handler map written for the old toolset no longer compiles; with the new handler it does.
  const consumer = (handlers: string) => `import { createDeskRouter, DeskToolChoice } from "./generated/_toolsets/desk.js";\nexport const r = createDeskRouter({ ${handlers} });\nexport const c = DeskToolChoice.anthropic("lookup");\n`;
  writeFileSync(path.join(dir, "old.ts"), consumer(`pay: (a) => a.key`));
  writeFileSync(path.join(dir, "new.ts"), consumer(`pay: (a) => a.key, lookup: (a) => a.id`));
  const oldErrors = typecheckFiles([path.join(dir, "old.ts")], "NodeNext");
  assert.equal(oldErrors.length, 1, oldErrors.join("\n"));
  assert.match(oldErrors[0]!, /old\.ts:2:[\s\S]*Property 'lookup' is missing/);
  assert.deepEqual(typecheckFiles([path.join(dir, "new.ts")], "NodeNext"), []);
});

test("toolset tools › the binding carries sideEffects and idempotencyKey from contract.json", async () => {
  const dir = project(["pay", "lookup"]);
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const pay = readFileSync(path.join(dir, "generated", "pay", "v1.sdk.ts"), "utf8");
  assert.match(pay, /sideEffects: "unsafe",\n {2}idempotencyKey: "key",/);
  assert.match(pay, /schemaHash: PayV1Hash,/);
  assert.match(readFileSync(path.join(dir, "generated", "lookup", "v1.sdk.ts"), "utf8"), /sideEffects: "none",/);
});

test("toolset tools › a member without a provider's profile leaves that provider's array out, and says so", async () => {
  const dir = project(["pay", "lookup"], { "schemas/lookup/contract.json": { kind: "tool-arguments", toolName: "lookup", providers: ["anthropic"] } });
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const text = toolset(dir);
  assert.deepEqual(listed(text, "DeskAnthropicTools"), ["PayV1AnthropicRequest", "LookupV1AnthropicRequest"]);
  assert.doesNotMatch(text, /DeskOpenAIChatTools|DeskGeminiTools|DeskMcpTools/);
  assert.match(text, /No `tools` array for openai, gemini, mcp/);
});
