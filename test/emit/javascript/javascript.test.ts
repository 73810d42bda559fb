import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { copyOfExamples, snapshotTree } from "../../util/project.js";
import { runCliHere } from "../../util/in-process.js";
import { MODULE_MODES, typecheckFiles } from "../../util/typecheck-dir.js";

test('emit js › the bundled contracts build to .js + .d.ts only, byte-identical on rebuild, and the upgrade chain runs in node', async () => {
  const dir = copyOfExamples();
  writeFileSync(path.join(dir, "llm-contracts.config.json"), '{ "emit": "js" }\n');
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const files = [...snapshotTree(path.join(dir, "generated")).keys()];
  assert.ok(files.every((f) => f.endsWith(".js") || f.endsWith(".d.ts")), files.join(" "));
  for (const f of files.filter((f) => f.endsWith(".d.ts"))) assert.ok(files.includes(f.replace(/\.d\.ts$/, ".js")), f);
  assert.ok(files.includes("_migrations/schemas/ticket-triage/migrations/v1-to-v2.js"));
  assert.match(readFileSync(path.join(dir, "generated/ticket-triage/upgrade.js"), "utf8"), /from "\.\.\/_migrations\/schemas\/ticket-triage\/migrations\/v1-to-v2\.js"/);
  assert.match((await runCliHere(["build"], dir)).stdout, /up to date/);
  const check = await runCliHere(["check"], dir);
  assert.equal(check.code, 0, check.stderr);
  const mod = (await import(path.join(dir, "generated/index.js"))) as { parseTicketTriageAny: (v: unknown) => { ok: boolean; fromVersion?: number } };
  const r = mod.parseTicketTriageAny({ category: "billing", priority: "low", summary: "x", needs_human: false });
  assert.equal(r.ok, true);
  assert.equal(r.fromVersion, 2);
  appendEdit(path.join(dir, "generated/ticket-triage/v1.d.ts"));
  const edited = await runCliHere(["check"], dir);
  assert.equal(edited.code, 1);
  assert.match(edited.stderr, /generated\/ticket-triage\/v1\.d\.ts: edited by hand/);
});

test("emit js › every .d.ts type-checks without skipLibCheck, in both module modes (validator modules included)", async () => {
  const dir = copyOfExamples();
  writeFileSync(path.join(dir, "llm-contracts.config.json"), '{ "emit": "js" }\n');
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  const dts = [...snapshotTree(path.join(dir, "generated")).keys()].filter((f) => f.endsWith(".d.ts")).map((f) => path.join(dir, "generated", f));
  assert.ok(dts.some((f) => f.endsWith(".validate.d.ts")));
  for (const mode of Object.keys(MODULE_MODES)) assert.deepEqual(typecheckFiles(dts, mode), [], mode);
});

function appendEdit(file: string): void {
  writeFileSync(file, `${readFileSync(file, "utf8")}// edit\n`);
}
