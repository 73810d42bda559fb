import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createAjv } from "../../src/emit/validators/index.js";
import { copyOfExamples, REPO_ROOT } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const load = (rel: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, rel), "utf8")) as object;

test("report schema › diff and drift JSON output validate against src/drift/report.schema.json", async () => {
  const validate = createAjv("2020-12", { strict: false }).compile(load("src/drift/report.schema.json"));
  const dir = copyOfExamples();
  for (const args of [["drift", "--format", "json"], ["drift", "--transitive", "--format", "json"], ["diff", "schemas/ticket-triage/v2.json", "schemas/ticket-triage/v3.json", "--format", "json"]]) {
    const out = (await runCliHere(args, dir)).stdout;
    assert.equal(validate(JSON.parse(out)), true, `${args.join(" ")}: ${JSON.stringify(validate.errors)}`);
  }
});

test("acknowledgements schema › the bundled acknowledgements file is valid", () => {
  const validate = createAjv("2020-12", { strict: false }).compile(load("src/drift/acknowledgements.schema.json"));
  assert.equal(validate(load("schemas/drift-acknowledgements.json")), true, JSON.stringify(validate.errors));
});
