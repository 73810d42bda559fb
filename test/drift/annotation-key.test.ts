/**
 * The drift result cached under a pair's annotation-renamed texts (src/drift/cached-diff.ts,
 * src/ir/annotation-tokens.ts) is the result the engine computes: over every drift fixture and the demo's version
 * pairs, each with a corpus of annotation edits (renamings that keep which annotations are equal, which are taken
 * from the cache, and edits that change it, which are not), the cached answer equals a fresh `diffSchemas`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { RunCache } from "../../src/cache/context.js";
import { withRunCache } from "../../src/cache/context.js";
import { CacheStore } from "../../src/cache/store.js";
import { diffSchemas } from "../../src/drift/cached-diff.js";
import { diffSchemas as computeDiff, type DiffOptions, type SchemaInput } from "../../src/drift/diff.js";
import { annotationTokens } from "../../src/ir/annotation-tokens.js";
import type { JsonObject } from "../../src/ir/json.js";
import { LoadCache, loadSchemaFileMapped } from "../../src/load/index.js";
import { draft, fixtures } from "./helpers.js";
import { EDITS, quotes, sameTokens, storedDiffs } from "./annotation-edits.js";
import { REPO_ROOT, tempDir } from "../util/project.js";

interface Pair {
  readonly name: string;
  readonly old: SchemaInput;
  readonly neu: SchemaInput;
  readonly options: DiffOptions;
}

function pairs(): Pair[] {
  const out: Pair[] = fixtures().map((f) => ({
    name: `fixture ${f.id}`,
    old: { schema: f.before, draft: draft(f.before) },
    neu: { schema: f.after, draft: draft(f.after) },
    options: f.expected.modelOutput === true ? { modelOutput: true } : {},
  }));
  const schemasDir = path.join(REPO_ROOT, "schemas");
  const ctx = { schemasDir, rootDir: REPO_ROOT, cache: new LoadCache() };
  for (const contract of readdirSync(schemasDir).filter((d) => !d.startsWith("_")).sort()) {
    const files = [1, 2, 3].map((v) => path.join(schemasDir, contract, `v${v}.json`)).filter((f) => existsSync(f));
    for (let i = 1; i < files.length; i++) {
      const a = loadSchemaFileMapped(files[i - 1]!, ctx).loaded;
      const b = loadSchemaFileMapped(files[i]!, ctx).loaded;
      for (const modelOutput of [false, true]) out.push({ name: `${contract} v${i} → v${i + 1}${modelOutput ? " (model output)" : ""}`, old: a, neu: b, options: { modelOutput } });
    }
  }
  return out;
}

test("drift › a pair's result under its annotation-renamed texts is the engine's, for every fixture and demo pair and each annotation edit", async () => {
  const dir = tempDir("llm-contracts-annotation-key-");
  const store = new CacheStore(dir, "tool");
  const all = pairs();
  assert.ok(all.length >= 50, `${all.length} pairs`);
  let reused = 0;
  let renamings = 0;
  for (const p of all) {
    // The first run computes and stores the pair; each edit is asked in a run of its own (a later `check`).
    const first = await withRunCache({ store } as RunCache, () => diffSchemas(p.old, p.neu, p.options));
    const quoted = quotes(first, [p.old.schema, p.neu.schema]);
    for (const edit of EDITS) {
      const [o, n] = edit.apply(p.old.schema, p.neu.schema) as [JsonObject, JsonObject];
      const old = { schema: o, draft: p.old.draft };
      const neu = { schema: n, draft: p.neu.draft };
      const before = storedDiffs(dir);
      const cached = await withRunCache({ store } as RunCache, () => diffSchemas(old, neu, p.options));
      const computed = await computeDiff(old, neu, p.options);
      assert.deepEqual(cached, computed, `${p.name}, ${edit.name}`);
      // A renaming finds the first result unless it quoted an annotation (then it was not stored under the texts).
      const hit = storedDiffs(dir) === before;
      if (edit.renaming && sameTokens([o, n], [p.old.schema, p.neu.schema])) {
        renamings++;
        if (!quoted) {
          assert.ok(hit, `${p.name}, ${edit.name}: taken from the cache`);
          reused++;
        }
      }
    }
  }
  assert.ok(reused >= renamings / 2 && reused > 40, `${reused} of ${renamings} renamings reused`);
});

test("drift › annotation tokens: equal strings share a token across both schemas, data and property names are kept", () => {
  const a = { title: "T", properties: { description: { description: "T", enum: [{ description: "T" }] } }, const: "T" };
  const b = { description: "U", $defs: { x: { $comment: "T" } }, items: [{ title: "U" }] };
  const { texts, annotations } = annotationTokens([a, b]);
  assert.deepEqual(annotations, ["T", "U"]);
  assert.equal(texts[0], '{"title":@0,"properties":{"description":{"description":@0,"enum":[{"description":"T"}]}},"const":"T"}');
  assert.equal(texts[1], '{"description":@1,"$defs":{"x":{"$comment":@0}},"items":[{"title":@1}]}');
  // Not a string: kept as it is (the meta-schema refuses it later), and a key's order is part of the text.
  assert.equal(annotationTokens([{ description: 5 }]).texts[0], '{"description":5}');
  assert.notEqual(annotationTokens([{ a: 1, b: 2 }]).texts[0], annotationTokens([{ b: 2, a: 1 }]).texts[0]);
});
