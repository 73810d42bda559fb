import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveProject } from "../../src/config/config.js";
import { relevantFiles } from "../../src/hook/relevant.js";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

test("hook › a changed file counts when it is in the configured schemasDir, outDir, a migrationsDir or the config", async () => {
  const dir = makeProject({
    "llm-contracts.config.json": { schemasDir: "contracts", outDir: "src/gen" },
    "contracts/a/contract.json": { kind: "model-output", migrationsDir: "../../src/migrations/a" },
    "contracts/a/v1.json": { type: "object" },
  });
  const project = resolveProject({ cwd: dir });
  const given = ["README.md", "schemas/x.json", "contracts/a/v1.json", "src/gen/index.ts", "src/migrations/a/v1-to-v2.ts", "src/app.ts", "llm-contracts.config.json"];
  assert.deepEqual(relevantFiles(project, given, dir), ["contracts/a/v1.json", "src/gen/index.ts", "src/migrations/a/v1-to-v2.ts", "llm-contracts.config.json"]);
  const skipped = await runCliHere(["hook", "check", "README.md", "src/app.ts"], dir);
  assert.equal(skipped.code, 0, skipped.stderr);
  assert.match(skipped.stdout, /none of the 2 changed file\(s\) is a contract, generated or migration file; skipped/);
  // A relevant file runs the real check (the output folder was never built).
  const ran = await runCliHere(["hook", "check", "contracts/a/v1.json"], dir);
  assert.equal(ran.code, 1);
  assert.match(ran.stderr, /src\/gen\/index\.ts: not generated yet/);
});
