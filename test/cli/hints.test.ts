/**
 * Advice that leads somewhere: each `generated.*` finding's hint, applied to its fixture, makes the finding go away.
 * A foreign file in the output folder is not told to "run build" (build refuses to replace the folder while it is
 * there): it is told to move the file, the same words build uses, and with the same exit code (2) from both.
 * The publish.* and migration.* hints are applied in test/publish/publish.test.ts and test/migrate/clean.test.ts.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contractFiles, makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const OK = { type: "object", additionalProperties: false, properties: { a: { type: "string" } } };

/** Fixture → the finding code it makes `check` report. Each hint says "run `llm-contracts build`". */
const BUILD_FIXES: readonly { code: string; spoil: (dir: string) => void | Promise<void> }[] = [
  { code: "generated.missing", spoil: (dir) => rmSync(path.join(dir, "generated/ping/v1.ts")) },
  { code: "generated.stale", spoil: (dir) => writeFileSync(path.join(dir, "schemas/ping/v1.json"), JSON.stringify({ ...OK, title: "Ping" })) },
  { code: "generated.edited", spoil: (dir) => writeFileSync(path.join(dir, "generated/ping/v1.ts"), `${readFileSync(path.join(dir, "generated/ping/v1.ts"), "utf8")}// mine\n`) },
  {
    code: "generated.extra",
    spoil: async (dir) => {
      writeFileSync(path.join(dir, "schemas/ping/v2.json"), JSON.stringify(OK));
      assert.equal((await runCliHere(["build"], dir)).code, 0);
      rmSync(path.join(dir, "schemas/ping/v2.json"));
      rmSync(path.join(dir, "schemas/ping/migrations"), { recursive: true, force: true });
    },
  },
];

for (const { code, spoil } of BUILD_FIXES) {
  test(`hints › ${code}: the hint ("run llm-contracts build") resolves it`, async () => {
    const dir = makeProject(contractFiles("ping", [OK]));
    assert.equal((await runCliHere(["build"], dir)).code, 0);
    await spoil(dir);
    const r = await runCliHere(["check"], dir);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stderr.split("\n").filter((l) => l.endsWith(`[${code}]`));
    assert.ok(lines.length > 0, r.stderr);
    for (const l of lines) assert.match(l, /run `llm-contracts build`/);
    assert.equal((await runCliHere(["build"], dir)).code, 0);
    const again = await runCliHere(["check"], dir);
    assert.equal(again.code, 0, again.stderr);
  });
}

test("hints › a foreign file in the output folder: check gives build's own advice and exit code, and following it works", async () => {
  const dir = makeProject(contractFiles("ping", [OK]));
  assert.equal((await runCliHere(["build"], dir)).code, 0);
  writeFileSync(path.join(dir, "generated/notes.md"), "my notes\n");
  const checked = await runCliHere(["check"], dir);
  const built = await runCliHere(["build"], dir);
  assert.equal(checked.code, 2, checked.stderr);
  assert.equal(built.code, 2, built.stderr);
  assert.match(checked.stderr, /^generated\/notes\.md: the output folder holds a file llm-contracts did not generate; move it away or choose another outDir \[generated\.foreign-file\]$/m);
  assert.doesNotMatch(checked.stderr, /notes\.md.*run `llm-contracts build`/, "no advice that build then refuses");
  assert.match(built.stderr, /^generated\/notes\.md: .*\[generated\.foreign-file\]$/m);
  // Following the hint: move it away.
  mkdirSync(path.join(dir, "docs"));
  renameSync(path.join(dir, "generated/notes.md"), path.join(dir, "docs/notes.md"));
  assert.equal((await runCliHere(["check"], dir)).code, 0);
  assert.equal((await runCliHere(["build"], dir)).code, 0);
});
