import { test } from "node:test";
import assert from "node:assert/strict";
import { copyOfExamples, makeProject, contractFiles } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const OBJ = (props: object, required: string[]) => ({ type: "object", properties: props, required, additionalProperties: false });

test("lint › bundled contracts: no errors for their declared providers, warnings for what export lowers or drops", async () => {
  const dir = copyOfExamples();
  const r = await runCliHere(["lint", "--format", "json"], dir);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { ok: boolean; errors: number; findings: { ruleId: string; contract: string; version: number; pointer: string; export?: string }[] };
  assert.equal(out.ok, true);
  const optional = out.findings.filter((f) => f.ruleId === "optional-property").map((f) => `${f.contract}@v${f.version}${f.pointer}`);
  assert.deepEqual(optional.sort(), [
    "issue-refund@v2/properties/note_to_customer",
    "ticket-triage@v2/properties/sentiment",
    "ticket-triage@v2/properties/tags",
  ]);
  assert.ok(out.findings.every((f) => f.export !== undefined), "every bundled warning is resolved by export");
});

test("lint › --provider anthropic-strict finds the recursion and tuple in document-outline (exit 1)", async () => {
  const dir = copyOfExamples();
  const r = await runCliHere(["lint", "--provider", "anthropic-strict"], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /schemas\/document-outline\/v1\.yaml:\d+:\d+#\/\$defs\/Section\/properties\/children\/items\/\$ref: \[anthropic-strict\] recursive `\$ref`.* \[lint\.recursive-ref\]/);
  assert.match(r.stderr, /prefixItems.*\[lint\.unsupported-keyword\]/);
});

test("lint › unknown provider and unknown toolset member are usage errors (exit 2)", async () => {
  const dir = copyOfExamples();
  assert.equal((await runCliHere(["lint", "--provider", "openai"], dir)).code, 2);
  assert.equal((await runCliHere(["lint", "--toolset", "issue-refund,nope"], dir)).code, 2);
});

test("lint › --toolset sums optional parameters across tools (Anthropic strict: 24)", async () => {
  const opt = (n: number) => OBJ(Object.fromEntries(Array.from({ length: n }, (_, i) => [`o${i}`, { type: "string" }])), []);
  const dir = makeProject({ ...contractFiles("tool-a", [opt(13)], "tool-arguments"), ...contractFiles("tool-b", [opt(12)], "tool-arguments") });
  assert.equal((await runCliHere(["lint", "--provider", "anthropic-strict"], dir)).code, 0);
  const r = await runCliHere(["lint", "--provider", "anthropic-strict", "--toolset", "tool-a,tool-b"], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /25 optional properties across the toolset \(limit 24; tool-a has 13\).*\[lint\.toolset-optional-params\]/);
});

test("check › a contract whose providers reject it fails with lint.* codes (exit 1), warnings do not", async () => {
  const files = contractFiles("bad-tool", [{ type: "array", items: { type: "string" } }], "tool-arguments");
  const dir = makeProject({ ...files, "schemas/bad-tool/contract.json": { kind: "tool-arguments", providers: ["openai-strict"] } });
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const r = await runCliHere(["check"], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /schemas\/bad-tool\/v1\.json.*\[openai-strict\] root has type "array".*\[lint\.root-type-object\]/);
  const ok = makeProject({
    ...contractFiles("ok-tool", [OBJ({ a: { type: "string", maxLength: 5 } }, [])], "tool-arguments"),
    "schemas/ok-tool/contract.json": { kind: "tool-arguments", providers: ["openai-strict"] },
  });
  assert.equal((await runCliHere(["build"], ok)).code, 0);
  assert.equal((await runCliHere(["check"], ok)).code, 0);
});
