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
import { sizeBits } from "../../../src/compile/validator-cache.js";
import type { JsonObject } from "../../../src/ir/json.js";

const dir = corpusDir(REPO_ROOT);

/** Every corpus schema that loads, with its file name; `unloadable` counts the others (the loader refused them). */
function* loadedCorpus(counts: { unloadable: number }): Generator<[string, ReturnType<typeof loadSchemaFile>]> {
  const schemasDir = path.join(dir!, "schemas");
  for (const file of corpusFiles(dir!)) {
    try {
      yield [file, loadSchemaFile(path.join(schemasDir, file), { schemasDir, rootDir: dir! })];
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      counts.unloadable++;
    }
  }
}

test("types skeleton › every SchemaStore schema prints as directly", { skip: dir === undefined ? "../shared/corpus/schemastore is absent" : false, timeout: 600_000 }, async () => {
  let [printed, unprintable] = [0, 0];
  const counts = { unloadable: 0 };
  for (const [file, loaded] of loadedCorpus(counts)) {
    if (await samePrint({ schema: loaded.schema, draft: loaded.draft, rootName: typeNameFrom(file.replace(/\.json$/, "")) }, file)) printed++;
    else unprintable++;
  }
  console.log(`skeleton corpus: ${printed} printed alike, ${unprintable} unprintable both ways, ${counts.unloadable} not loadable`);
  assert.ok(printed >= 150, `only ${printed} schemas printed`);
});

/** Each ASCII letter to the next one (z to a): other text of the same JSON length. */
const rotate = (t: string): string => t.replace(/[a-zA-Z]/g, (c) => (c === "z" ? "a" : c === "Z" ? "A" : String.fromCharCode(c.charCodeAt(0) + 1)));

test("annotation-blind › every SchemaStore schema compiles to the same validator with other annotation text of its key", { skip: dir === undefined ? "../shared/corpus/schemastore is absent" : false, timeout: 600_000 }, () => {
  let [same, annotated, moved] = [0, 0, 0];
  for (const [file, loaded] of loadedCorpus({ unloadable: 0 })) {
    const key = (schema: JsonObject): string => `${sizeBits(schema)}\n${annotationBlind(schema).text}`;
    const original = compileValidator(loaded.schema, loaded.draft, file);
    if (annotationBlind(loaded.schema).blanked.length > 0) annotated++;
    // Text of the same length: the same key, so the same validator.
    const rotated = reannotated(loaded.schema, rotate);
    assert.equal(key(rotated), key(loaded.schema), file);
    assert.deepEqual(compileValidator(rotated, loaded.draft, file), original, `${file}: rotated`);
    // Longer, hostile text: where the key stays, the same validator; a node moved across the fast path's inline
    // limit changes the key (validator-cache.ts), and the fast path's code may then differ.
    const longer = reannotated(loaded.schema, (t) => `${t} (edited */ \u2028 ${t.length})`);
    if (key(longer) === key(loaded.schema)) assert.deepEqual(compileValidator(longer, loaded.draft, file), original, `${file}: longer`);
    else moved++;
    same++;
  }
  console.log(`annotation-blind corpus: ${same} schemas compiled alike (${annotated} with annotations; ${moved} with a longer text moved across the inline limit)`);
  assert.ok(same >= 150 && annotated >= 100, `${same} / ${annotated}`);
});
