/**
 * The drift result cached under a pair's annotation-renamed texts (src/drift/cached-diff.ts) against a fresh
 * `diffSchemas`, on real schemas: every eighth SchemaStore corpus schema (about 20) paired with one mutation of
 * itself (the operators of drift/corpus/mutate.ts, rotating), under each annotation edit of annotation-edits.ts. annotation-key.test.ts
 * keeps the quick check (fixtures and the demo).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import type { RunCache } from "../../src/cache/context.js";
import { withRunCache } from "../../src/cache/context.js";
import { CacheStore } from "../../src/cache/store.js";
import { diffSchemas } from "../../src/drift/cached-diff.js";
import { diffSchemas as computeDiff, type DiffOptions } from "../../src/drift/diff.js";
import type { DiffResult } from "../../src/drift/types.js";
import { InputError } from "../../src/errors.js";
import type { JsonObject } from "../../src/ir/json.js";
import { loadSchemaFile } from "../../src/load/index.js";
import { corpusDir, corpusFiles } from "../corpus/schemastore-run.js";
import { REPO_ROOT, tempDir } from "../util/project.js";
import { EDITS, quotes, sameTokens, storedDiffs } from "./annotation-edits.js";
import { OPERATORS, mutations } from "./corpus/mutate.js";

const dir = corpusDir(REPO_ROOT);
/** A small work budget: what is compared is the two ways to an answer, not how far the engine gets. */
const OPTIONS: DiffOptions = { maxSteps: 20_000, timeoutMs: 20_000 };

/*
 * Why a pair cut by the clock is left out: its answer depends on how fast this run was (the time budget), so a
 * second computation may differ from the first whichever way it is reached. A cut by the work budget (steps) is
 * deterministic and stays in.
 */
const byClock = (r: DiffResult): boolean => r.changes.some((c) => c.message.includes("time budget"));

test("drift corpus › annotation-renamed results equal fresh diffs on mutated SchemaStore schemas under every annotation edit", { skip: dir === undefined ? "../shared/corpus/schemastore is absent" : false }, async () => {
  const cacheDir = tempDir("llm-contracts-annotation-corpus-");
  const store = new CacheStore(cacheDir, "tool");
  const schemasDir = path.join(dir!, "schemas");
  let pairs = 0;
  let compared = 0;
  let reused = 0;
  let clock = 0;
  for (const [index, file] of corpusFiles(dir!).entries()) {
    if (index % 8 !== 0) continue;
    let loaded;
    try {
      loaded = loadSchemaFile(path.join(schemasDir, file), { schemasDir, rootDir: dir! });
    } catch (e) {
      if (e instanceof InputError) continue;
      throw e;
    }
    const old04or07 = loaded.draft === "draft-04" || loaded.draft === "draft-06" || loaded.draft === "draft-07";
    const made = mutations(loaded.schema, file, 20261207, [OPERATORS[index % OPERATORS.length]!, OPERATORS[(index + 1) % OPERATORS.length]!], 1, old04or07)[0];
    if (made === undefined) continue;
    const A = loaded.schema;
    const B = made.schema;
    const side = (schema: JsonObject) => ({ schema, draft: loaded.draft });
    let first: DiffResult;
    try {
      first = await withRunCache({ store } as RunCache, () => diffSchemas(side(A), side(B), OPTIONS));
    } catch (e) {
      if (e instanceof InputError) continue;
      throw e;
    }
    pairs++;
    for (const edit of EDITS) {
      const [o, n] = edit.apply(A, B) as [JsonObject, JsonObject];
      const before = storedDiffs(cacheDir);
      const cached = await withRunCache({ store } as RunCache, () => diffSchemas(side(o), side(n), OPTIONS));
      const computed = await computeDiff(side(o), side(n), OPTIONS);
      if (byClock(first) || byClock(cached) || byClock(computed)) {
        clock++;
        continue;
      }
      compared++;
      assert.deepEqual(cached, computed, `${file} (${made.operator} at ${made.site || "/"}), ${edit.name}`);
      if (edit.renaming && sameTokens([o, n], [A, B]) && !quotes(first, [A, B])) {
        assert.equal(storedDiffs(cacheDir), before, `${file}, ${edit.name}: taken from the cache`);
        reused++;
      }
    }
  }
  console.log(`# annotation corpus: ${pairs} pairs, ${compared} edits compared (${reused} taken from the cache), ${clock} left out (cut by the clock)`);
  assert.ok(pairs >= 15, `pairs: ${pairs}`);
  assert.ok(reused >= 30, `reused: ${reused}`);
  assert.ok(clock <= compared / 20, `cut by the clock: ${clock} of ${compared + clock}`);
});
