import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { copyOfExamples, makeProject, tempDir } from "../util/project.js";
import { builtCopyHere, runCliHere } from "../util/in-process.js";

const V1 = '{"category":"billing","priority":"high","summary":"Charged twice.","needs_human":true}';
const V2 = '{"category":"technical","priority":"urgent","summary":"Blank dashboard.","needs_human":false,"sentiment":"negative","tags":["dashboard"]}';
const V3 = '{"category":"security","priority":"low","summary":"Odd login.","escalation":{"required":true,"reason":"takeover?"},"sentiment":null,"tags":[]}';
const LINES = [
  V1,
  V2,
  V3,
  '{"category":"sales","priority":"high","summary":"x","needs_human":"yes"}', // schema errors
  '{"category":"billing","priority":"hi', // cut off at the token limit
  "Sorry, I can't help with that.", // not JSON
  "",
  `Here you go: ${V1}`, // wrapped in prose
  `${V1}\r`, // CRLF line ending
];

async function setup(): Promise<{ dir: string; file: string; text: string }> {
  const dir = await builtCopyHere("examples", copyOfExamples);
  const text = `${LINES.join("\n")}\n`;
  const file = path.join(dir, "stored.jsonl");
  writeFileSync(file, text);
  return { dir, file, text };
}

test("jsonl › replay counts every line once, by outcome and by error code", async () => {
  const { dir } = await setup();
  const r = await runCliHere(["replay", "ticket-triage@v1", "stored.jsonl", "--format", "json", "--show", "2"], dir);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { total: number; valid: number; invalid: number; unparsable: number; blank: number; byCode: Record<string, number>; failures: { line: number; errors: { code: string }[] }[] };
  assert.deepEqual([out.total, out.valid, out.invalid, out.unparsable, out.blank], [9, 2, 3, 3, 1]);
  assert.equal(out.valid + out.invalid + out.unparsable + out.blank, out.total);
  assert.deepEqual(out.byCode["json.truncated"], 1);
  assert.deepEqual(out.byCode["json.invalid"], 1);
  assert.deepEqual(out.byCode["json.wrapped"], 1);
  assert.deepEqual(out.failures.map((f) => f.line), [2, 3], "only the first --show failures are kept");
  const text = await runCliHere(["replay", "ticket-triage@v3", "stored.jsonl"], dir);
  assert.equal(text.code, 1);
  assert.match(text.stderr, /replay ticket-triage@v3 on stored\.jsonl: 9 line\(s\): 1 valid, 4 rejected by the schema, 3 not JSON, 1 blank/);
  assert.match(text.stderr, /stored\.jsonl:5: the output ends in the middle of a JSON value.*\[json\.truncated\]/);
});

test("jsonl › validate prints each failing line with its number; exit 0 only when all pass", async () => {
  const { dir } = await setup();
  const r = await runCliHere(["validate", "ticket-triage@v1", "stored.jsonl"], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^stored\.jsonl:4#\/category: \/category must be one of .* \[schema\.enum\]$/m);
  assert.match(r.stderr, /^stored\.jsonl:6: the output is not valid JSON .*\[json\.invalid\]$/m);
  writeFileSync(path.join(dir, "ok.jsonl"), `${V3}\n${V3}\n`);
  const ok = await runCliHere(["validate", "ticket-triage", "ok.jsonl", "--format", "json"], dir);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal((JSON.parse(ok.stdout) as { version: number; valid: number }).valid, 2);
  writeFileSync(path.join(dir, "one.json"), V1);
  assert.equal((await runCliHere(["validate", "ticket-triage@v1", "one.json"], dir)).code, 0);
  assert.equal((await runCliHere(["validate", "nope@v1", "one.json"], dir)).code, 2);
  assert.equal((await runCliHere(["validate", "ticket-triage@v9", "one.json"], dir)).code, 2);
});

test("jsonl › validate, replay and migrate read the named contract only: another contract's bad schema does not stop them", async () => {
  const { dir } = await setup();
  writeFileSync(path.join(dir, "one.json"), V1);
  writeFileSync(path.join(dir, "one.jsonl"), `${V1}\n`);
  const broken = path.join(dir, "schemas/zz-broken");
  mkdirSync(broken);
  writeFileSync(path.join(broken, "contract.json"), '{ "kind": "model-output" }\n');
  writeFileSync(path.join(broken, "v1.json"), '{ "type": "object", "properties": { "a": { "type": "string", "minLenght": 2 } } }\n');
  for (const args of [["validate", "ticket-triage@v1", "one.json"], ["replay", "ticket-triage@v1", "one.jsonl"], ["migrate", "ticket-triage", "one.json", "--from", "v1", "--to", "v2"]]) {
    const r = await runCliHere(args, dir);
    assert.equal(r.code, 0, `${args.join(" ")}: ${r.stderr}`);
  }
  // The broken contract itself is refused with its pointer; a misspelt name compiles the project to list the
  // contracts (with the broken one gone: it would be reported first).
  const own = await runCliHere(["validate", "zz-broken@v1", "one.json"], dir);
  assert.equal(own.code, 2);
  assert.match(own.stderr, /schemas\/zz-broken\/v1\.json:\d+:\d+#\/properties\/a\/minLenght: .*\[strict\.keyword-typo\]/);
  rmSync(broken, { recursive: true });
  const typo = await runCliHere(["validate", "ticket-triag@v1", "one.json"], dir);
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /unknown contract "ticket-triag" \(contracts: .*ticket-triage.*\)/);
});

test("jsonl › migrate: migrated + rejected + blank = total, rejects keep the original line and its number, input untouched", async () => {
  const { dir, file, text } = await setup();
  // TMPDIR names a file: anything written under the system's temp folder fails the command.
  const systemTmp = path.join(tempDir("llmc-system-tmp-"), "not-a-folder");
  writeFileSync(systemTmp, "");
  const r = await runCliHere(["migrate", "ticket-triage", "stored.jsonl", "--format", "json"], dir, { TMPDIR: systemTmp });
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(readdirSync(path.join(dir, "node_modules", ".cache", "llm-contracts", "tmp")), [], "and its scratch folder is removed");
  const out = JSON.parse(r.stdout) as { total: number; migrated: number; rejected: number; blank: number; out: string; rejects: string; fromVersions: Record<string, number> };
  assert.deepEqual([out.total, out.migrated, out.rejected, out.blank], [9, 4, 4, 1]);
  assert.deepEqual(out.fromVersions, { v2: 3, v3: 1 });
  assert.equal(readFileSync(file, "utf8"), text, "input modified");
  const migrated = readFileSync(path.join(dir, out.out), "utf8").trim().split("\n");
  assert.equal(migrated.length, 4);
  const check = await runCliHere(["validate", "ticket-triage@v3", out.out], dir);
  assert.equal(check.code, 0, check.stderr);
  const rejects = readFileSync(path.join(dir, out.rejects), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { line: number; reason: string; input: string });
  assert.deepEqual(rejects.map((x) => x.line), [4, 5, 6, 8]);
  for (const x of rejects) assert.equal(x.input, LINES[x.line - 1], "reject is not the original line");
  assert.match(rejects[1]!.reason, /^json\.truncated: /);
});

test("jsonl › migrate refuses to write over its input, and --to stops at an intermediate version", async () => {
  const { dir } = await setup();
  assert.equal((await runCliHere(["migrate", "ticket-triage", "stored.jsonl", "--out", "stored.jsonl"], dir)).code, 2);
  writeFileSync(path.join(dir, "one.json"), V1);
  const r = await runCliHere(["migrate", "ticket-triage", "one.json", "--from", "v1", "--to", "v2", "--format", "json"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual((JSON.parse(r.stdout) as { value: unknown }).value, JSON.parse(V1));
  assert.equal((await runCliHere(["migrate", "ticket-triage", "one.json", "--from", "v3", "--to", "v2"], dir)).code, 2);
});

test("jsonl › a declared version field picks the source version; an unimplemented step rejects with its reason", async () => {
  const obj = (props: object, required: string[]) => ({ type: "object", properties: props, required, additionalProperties: false });
  const dir = makeProject({
    "schemas/memo/contract.json": { kind: "model-output", compatibility: "none", versionField: "schema_version" },
    "schemas/memo/v1.json": obj({ schema_version: { type: "integer" }, text: { type: "string" } }, ["text"]),
    "schemas/memo/v2.json": obj({ schema_version: { type: "integer" }, text: { type: "string" }, lang: { type: "string" } }, ["text", "lang"]),
  });
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  writeFileSync(path.join(dir, "m.jsonl"), ['{"schema_version":2,"text":"a","lang":"en"}', '{"schema_version":1,"text":"b"}', '{"schema_version":7,"text":"c"}'].join("\n"));
  const r = await runCliHere(["migrate", "memo", "m.jsonl", "--format", "json"], dir);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { migrated: number; rejected: number; rejects: string; fromVersions: Record<string, number> };
  assert.deepEqual([out.migrated, out.rejected, out.fromVersions], [1, 2, { v2: 1 }]);
  const rejects = readFileSync(path.join(dir, out.rejects), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { line: number; reason: string });
  assert.match(rejects[0]!.reason, /^migration\.not_implemented: memo v1 → v2: migration not implemented: lang is new and required/);
  assert.match(rejects[1]!.reason, /^version\.unknown: .*schema_version.*7/);
});
