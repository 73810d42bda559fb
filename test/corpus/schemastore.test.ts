import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../util/project.js";
import { typecheck } from "../emit/types/typecheck.js";
import { corpusDir, runSchemastore } from "./schemastore-run.js";

interface Expected {
  readonly built: number;
  readonly refusedCodes: Readonly<Record<string, string>>;
  readonly maxTypeFailures: number;
  readonly maxTypeErrors: number;
  readonly maxDisagreements: number;
}

const expected = JSON.parse(readFileSync(path.join(REPO_ROOT, "test/corpus/schemastore-expected.json"), "utf8")) as Expected;
const dir = corpusDir(REPO_ROOT);

test("schemastore corpus › schemas build, types type-check, validators agree with ajv on every instance", { skip: dir === undefined ? "../shared/corpus/schemastore is absent" : false }, async () => {
  const figures = await runSchemastore(dir!);
  // One program for all types modules: they import nothing, so each file is its own module.
  const typeErrors = typecheck(figures.types, "nodenext");

  const drafts = Object.entries(figures.byDraft)
    .sort()
    .map(([draft, c]) => `${draft} ${c.built}/${c.total}`)
    .join(", ");
  const refused = new Map<string, string[]>();
  for (const r of figures.refusals) refused.set(r.code, [...(refused.get(r.code) ?? []), r.schema]);
  console.log(`schemastore: ${figures.built}/${figures.schemas} schemas build (${drafts})`);
  for (const [code, schemas] of refused) console.log(`  refused [${code}] x${new Set(schemas).size}: ${[...new Set(schemas)].join(", ")}`);
  console.log(`  warnings: ${JSON.stringify(figures.warnings)}`);
  console.log(`  types: ${Object.keys(figures.types).length} modules, ${typeErrors.length} type errors, ${figures.typeFailures.length} emit failures`);
  console.log(
    `  instances: ${figures.agreed}/${figures.documents} judged as ajv in memory does; ` +
      `${figures.matchesUpstream}/${figures.documents} as upstream files them (valid/ or invalid/); ` +
      `${figures.unreadable.length} unreadable`,
  );
  for (const d of figures.disagreements) console.log(`  disagreement: ${d.document} ours=${d.ours} ajv=${d.ajv}`);
  for (const e of typeErrors.slice(0, 10)) console.log(`  type error: ${e.text}`);

  // Every refusal must be one we can say is right.
  for (const r of figures.refusals) {
    assert.ok(Object.hasOwn(expected.refusedCodes, r.code), `unexpected refusal of ${r.schema}: [${r.code}] ${r.message}`);
  }
  assert.ok(figures.built >= expected.built, `built ${figures.built}, recorded ${expected.built}`);
  assert.ok(figures.typeFailures.length <= expected.maxTypeFailures, JSON.stringify(figures.typeFailures.slice(0, 3)));
  assert.ok(typeErrors.length <= expected.maxTypeErrors, typeErrors.slice(0, 5).map((e) => e.text).join("\n"));
  assert.ok(figures.disagreements.length <= expected.maxDisagreements, JSON.stringify(figures.disagreements.slice(0, 5)));
});
