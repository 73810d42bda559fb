/**
 * The types skeleton on the SchemaStore corpus (../shared/corpus/schemastore): every schema that loads prints
 * through the skeleton exactly as directly (skeleton-compare.ts), from the store too.
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
