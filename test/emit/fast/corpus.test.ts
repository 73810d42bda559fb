/**
 * The fast path against ajv on the SchemaStore corpus (../shared/corpus/schemastore): every instance document,
 * and each valid one with its first scalar leaf, then every scalar leaf, given a value of another type (so the
 * failure branches of large real schemas are reached too). Schemas are loaded and bundled as a build would; ajv
 * in memory checks the same bundled schema (strict off, formats on). Any disagreement fails.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../../util/project.js";
import { corpusDir, corpusFiles, readInstances } from "../../corpus/schemastore-run.js";
import { loadSchemaFile } from "../../../src/load/index.js";
import { pair, type AjvError } from "./load.js";
import { emitFast } from "../../../src/emit/fast/index.js";
import { schemaErrors } from "../../../src/runtime/errors.js";
import type { RawError } from "../../../src/runtime/types.js";

function strip(errors: readonly AjvError[] | null | undefined): unknown[] {
  return (errors ?? []).map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
}

/** Scalar leaves replaced by a value of another type: the first one only, or all of them. */
function mutate(value: unknown, all: boolean): unknown {
  let done = false;
  const visit = (v: unknown): unknown => {
    if (done && !all) return v;
    if (Array.isArray(v)) return v.map(visit);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, visit(x)]));
    done = true;
    return typeof v === "string" ? 12345 : "not-the-type";
  };
  return visit(value);
}

const dir = corpusDir(REPO_ROOT);

test("fast path › agrees with ajv on every SchemaStore instance document and its mutations", { skip: dir === undefined ? "../shared/corpus/schemastore is absent" : false }, async (t) => {
  const disagreements: string[] = [];
  const uncovered = new Map<string, string[]>();
  let schemas = 0;
  let fastSchemas = 0;
  let answered = 0;
  let documents = 0;
  // Our all-errors collector (src/emit/fast/collect): where it is used, the same error list as ajv's.
  const collectorFallback = new Map<string, string[]>();
  let collectorSchemas = 0;
  let comparedErrors = 0;
  for (const file of corpusFiles(dir!)) {
    const stem = file.replace(/\.json$/, "");
    if (!existsSync(path.join(dir!, "instances", stem))) continue;
    let loaded;
    try {
      loaded = loadSchemaFile(path.join(dir!, "schemas", file), { schemasDir: path.join(dir!, "schemas"), rootDir: dir! });
    } catch {
      continue;
    }
    let validators;
    try {
      validators = await pair(loaded.schema, loaded.draft);
    } catch {
      continue;
    }
    if (validators === undefined) continue;
    schemas++;
    const reason = /The fast path does not cover (.*): always ask/.exec(validators.code)?.[1];
    if (reason !== undefined) uncovered.set(reason, [...(uncovered.get(reason) ?? []), stem]);
    else fastSchemas++;
    const ours = validators.code.includes("fastCollect");
    if (ours) collectorSchemas++;
    else if (reason === undefined) {
      const fast = emitFast({ schema: loaded.schema, draft: loaded.draft });
      const why = fast.kind === "fast" && "unsupported" in fast.collector ? fast.collector.unsupported : "?";
      collectorFallback.set(why, [...(collectorFallback.get(why) ?? []), stem]);
    }
    const { documents: docs } = readInstances(dir!, stem);
    for (const doc of docs) {
      const variants = doc.expected ? [doc.value, mutate(doc.value, false), mutate(doc.value, true)] : [doc.value];
      for (const [i, value] of variants.entries()) {
        documents++;
        if (ours) {
          const verdict = validators.ajv(value);
          const want = strip(validators.ajvErrors());
          const got = validators.module.validate(value);
          if (got !== verdict || JSON.stringify(strip(validators.module.validate.errors)) !== JSON.stringify(verdict ? [] : want))
            disagreements.push(`${doc.display}${i === 0 ? "" : i === 1 ? " (one leaf changed)" : " (every leaf changed)"}: our all-errors list differs from ajv's`);
          // What parse… runs (src/emit/fast/collect `validateWorded`): the same errors, worded as the runtime words ajv's.
          const worded = validators.module.validateWorded!;
          const wordedGot = worded(value);
          if (wordedGot !== verdict || JSON.stringify(schemaErrors(worded.errors ?? [])) !== JSON.stringify(schemaErrors((validators.module.validate.errors ?? []) as readonly RawError[])))
            disagreements.push(`${doc.display}${i === 0 ? "" : i === 1 ? " (one leaf changed)" : " (every leaf changed)"}: the worded collector differs from the raw one`);
          comparedErrors += verdict ? 0 : want.length;
        }
        const fast = validators.module.validateFast(value);
        if (fast === undefined) continue;
        answered++;
        const ajv = validators.ajv(value);
        if (fast !== ajv) disagreements.push(`${doc.display}${i === 0 ? "" : i === 1 ? " (one leaf changed)" : " (every leaf changed)"}: fast ${fast}, ajv ${ajv}`);
      }
    }
  }
  t.diagnostic(`${schemas} schemas with instances, ${fastSchemas} on the fast path; ${answered}/${documents} documents answered by it`);
  for (const [feature, stems] of [...uncovered].sort()) t.diagnostic(`falls back to ajv's code: ${feature} (${stems.length}: ${stems.join(", ")})`);
  t.diagnostic(`our all-errors collector on ${collectorSchemas} of ${fastSchemas} fast-path schemas, ${comparedErrors} errors compared with ajv's`);
  for (const [feature, stems] of [...collectorFallback].sort()) t.diagnostic(`all-errors list from ajv's code: ${feature} (${stems.length}: ${stems.join(", ")})`);
  assert.deepEqual(disagreements, []);
  assert.ok(fastSchemas >= schemas / 2, `only ${fastSchemas} of ${schemas} corpus schemas on the fast path`);
});
