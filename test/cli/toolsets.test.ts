import { test } from "node:test";
import assert from "node:assert/strict";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const TOOL = { type: "object", properties: { q: { type: "string" } }, required: ["q"], additionalProperties: false };

function tools(count: number): Record<string, object> {
  const files: Record<string, object> = {};
  for (let i = 0; i < count; i++) {
    files[`schemas/tool-${i}/contract.json`] = { kind: "tool-arguments", providers: ["anthropic-strict"] };
    files[`schemas/tool-${i}/v1.json`] = TOOL;
  }
  return files;
}

test("check › a configured toolset over a provider's request budget fails; the same tools alone pass", async () => {
  const names = Array.from({ length: 21 }, (_, i) => `tool-${i}`);
  const over = makeProject({ ...tools(21), "llm-contracts.config.json": { toolsets: { agent: names } } });
  assert.equal((await runCliHere(["build"], over)).code, 0);
  const r = await runCliHere(["check", "--format", "json"], over);
  assert.equal(r.code, 1, r.stderr);
  const codes = (JSON.parse(r.stdout) as { problems: { code: string }[] }).problems.map((p) => p.code);
  assert.deepEqual([...new Set(codes)], ["lint.toolset-tool-count"]);

  const under = makeProject({ ...tools(21), "llm-contracts.config.json": { toolsets: { agent: names.slice(0, 20) } } });
  assert.equal((await runCliHere(["build"], under)).code, 0);
  assert.equal((await runCliHere(["check"], under)).code, 0);
});

test("check › a toolset naming a contract that does not exist is reported at its config pointer", async () => {
  const dir = makeProject({ ...tools(1), "llm-contracts.config.json": { toolsets: { agent: ["tool-0", "tool-9"] } } });
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const r = await runCliHere(["check"], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^llm-contracts\.config\.json#\/toolsets\/agent: toolset "agent" names contracts that do not exist: tool-9 \[lint\.toolset-unknown-contract\]$/m);
});
