/**
 * The annotation-only path on the SchemaStore corpus (../shared/corpus/schemastore): every schema that loads prints
 * through the types skeleton exactly as directly (skeleton-compare.ts), from the store too; and its validator
 * compiles to the same result with other annotation text (src/compile/validator-cache.ts reuses it by the blind form).
 */
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { InputError } from "../../../src/errors.js";
import { typeNameFrom } from "../../../src/emit/codegen/escape.js";
import { loadSchemaFile } from "../../../src/load/index.js";
import { corpusDir, corpusFiles } from "../../corpus/schemastore-run.js";
import { REPO_ROOT } from "../../util/project.js";
import { samePrint } from "./skeleton-compare.js";
import { compileValidator } from "../../../src/emit/validators/index.js";
import { annotationBlind } from "../../../src/ir/annotations.js";
import { reannotated } from "../../compile/reannotate.js";

const dir = corpusDir(REPO_ROOT);

test("types skeleton › every SchemaStore schema prints as directly", { skip: dir === undefined ? "../shared/corpus/schemastore is absent" : false, timeout: 600_000 }, async () => {
  const schemasDir = path.join(dir!, "schemas");
  let [printed, unprintable, unloadable] = [0, 0, 0];
  for (const file of corpusFiles(dir!)) {
    let loaded;
    try {
      loaded = loadSchemaFile(path.join(schemasDir, file), { schemasDir, rootDir: dir! });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      unloadable++;
      continue;
    }
    if (await samePrint({ schema: loaded.schema, draft: loaded.draft, rootName: typeNameFrom(file.replace(/\.json$/, "")) }, file)) printed++;
    else unprintable++;
  }
  console.log(`skeleton corpus: ${printed} printed alike, ${unprintable} unprintable both ways, ${unloadable} not loadable`);
  assert.ok(printed >= 150, `only ${printed} schemas printed`);
});

test("annotation-blind › every SchemaStore schema compiles to the same validator with other annotation text", { skip: dir === undefined ? "../shared/corpus/schemastore is absent" : false, timeout: 600_000 }, () => {
  const schemasDir = path.join(dir!, "schemas");
  let [same, annotated] = [0, 0];
  for (const file of corpusFiles(dir!)) {
    let loaded;
    try {
      loaded = loadSchemaFile(path.join(schemasDir, file), { schemasDir, rootDir: dir! });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      continue;
    }
    const edited = reannotated(loaded.schema, (t) => `${t} (edited */ \u2028 ${t.length})`);
    assert.equal(annotationBlind(edited).text, annotationBlind(loaded.schema).text, file);
    if (annotationBlind(loaded.schema).blanked.length > 0) annotated++;
    assert.deepEqual(compileValidator(edited, loaded.draft, file), compileValidator(loaded.schema, loaded.draft, file), file);
    same++;
  }
  console.log(`annotation-blind corpus: ${same} schemas compiled alike (${annotated} with annotations)`);
  assert.ok(same >= 150 && annotated >= 100, `${same} / ${annotated}`);
});
