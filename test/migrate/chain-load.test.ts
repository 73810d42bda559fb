/**
 * `migrate` on a project whose upgrade chain cannot be built or loaded, and on inputs that are not files: each is a
 * classified answer naming the file (exit 1 or 2), never "internal error" (exit 70).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { copyOfExamples } from "../util/project.js";
import { builtCopyHere, runCliHere } from "../util/in-process.js";

const V1 = '{"category":"billing","priority":"high","summary":"Charged twice.","needs_human":true}';
const STEP = "schemas/ticket-triage/migrations/v1-to-v2.ts";

async function project(): Promise<string> {
  const dir = await builtCopyHere("examples", copyOfExamples);
  writeFileSync(path.join(dir, "doc.json"), V1);
  return dir;
}

function prepend(dir: string, file: string, line: string): void {
  const abs = path.join(dir, file);
  writeFileSync(abs, `${line}\n${readFileSync(abs, "utf8")}`);
}

test("chain load › a failing golden example of the contract: the problems and why migrate stops, exit 1", async () => {
  const dir = await project();
  writeFileSync(path.join(dir, "schemas/ticket-triage/examples/v1/valid/double-charge.json"), '{"category":"nope"}');
  const r = await runCliHere(["migrate", "ticket-triage", "doc.json", "--from", "v1"], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /^schemas\/ticket-triage\/examples\/v1\/valid\/double-charge\.json#: .*\[example\.rejected\]$/m);
  assert.match(r.stderr, /^migrate needs every version of ticket-triage to pass its golden examples/m);
  assert.doesNotMatch(r.stderr, /internal error/);
});

test("chain load › a migration importing what is not there is migration.load naming the module, exit 2", async () => {
  for (const [spec, reason] of [
    ["./helpers.js", /Cannot find module 'schemas\/ticket-triage\/migrations\/helpers\.js' imported from schemas\/ticket-triage\/migrations\/v1-to-v2\.js/],
    ["left-pad-not-installed", /Cannot find package 'left-pad-not-installed'/],
  ] as const) {
    const dir = await project();
    prepend(dir, STEP, `import x from "${spec}"; void x;`);
    const r = await runCliHere(["migrate", "ticket-triage", "doc.json", "--from", "v1"], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`^${STEP.replace(/[./]/g, "\\$&")}: the upgrade chain cannot be loaded: .*\\[migration\\.load\\]$`, "m"));
    assert.match(r.stderr, reason);
    assert.doesNotMatch(r.stderr, /internal error|llmc-chain/, "no crash, and no scratch path in the message");
  }
});

test("chain load › a migration helper that throws while it loads is named, exit 2", async () => {
  const dir = await project();
  mkdirSync(path.join(dir, "schemas/ticket-triage/migrations"), { recursive: true });
  writeFileSync(path.join(dir, "schemas/ticket-triage/migrations/setup.ts"), 'throw new Error("no database configured");\nexport const ready = true;\n');
  prepend(dir, STEP, 'import { ready } from "./setup.js"; void ready;');
  const r = await runCliHere(["migrate", "ticket-triage", "doc.json", "--from", "v1"], dir);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^schemas\/ticket-triage\/migrations\/setup\.ts: the upgrade chain cannot be loaded: no database configured \[migration\.load\]$/m);
});

test("chain load › an input that is a folder or a named pipe is refused as what it is, not as missing", async () => {
  const dir = await project();
  mkdirSync(path.join(dir, "folder.json"));
  execFileSync("mkfifo", [path.join(dir, "pipe.jsonl")]);
  for (const command of [["migrate", "ticket-triage"], ["validate", "ticket-triage@v1"], ["replay", "ticket-triage@v1"]]) {
    const folder = await runCliHere([...command, "folder.json"], dir);
    assert.equal(folder.code, 2);
    assert.match(folder.stderr, /^folder\.json: is a folder, not a file \[input\.read\]$/m, command.join(" "));
    const pipe = await runCliHere([...command, "pipe.jsonl"], dir);
    assert.equal(pipe.code, 2);
    assert.match(pipe.stderr, /^pipe\.jsonl: not a regular file \[input\.read\]$/m, command.join(" "));
    const missing = await runCliHere([...command, "nothing.json"], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^nothing\.json: file not found \[input\.missing\]$/m, command.join(" "));
  }
});
