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
import { cloneExact } from "../../src/ir/exact.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../../src/ir/json.js";
import { keywordKind } from "../../src/ir/keywords.js";
import { LoadCache, loadSchemaFileMapped } from "../../src/load/index.js";
import { draft, fixtures } from "./helpers.js";
import { REPO_ROOT, tempDir } from "../util/project.js";

const TEXT = new Set(["title", "description", "$comment"]);

/** A copy with each string annotation at a schema position passed through `f` (document order, both sides' count). */
function renamed(schema: JsonValue, f: (text: string, index: number) => string | undefined): JsonValue {
  const copy = cloneExact(schema);
  let index = 0;
  const visit = (node: JsonValue): void => {
    if (!isJsonObject(node)) return;
    for (const key of Object.keys(node)) {
      const value = node[key]!;
      if (TEXT.has(key) && typeof value === "string") {
        const next = f(value, index++);
        if (next === undefined) delete node[key];
        else node[key] = next;
        continue;
      }
      const kind = keywordKind(key);
      if (kind === "schema") visit(value);
      else if ((kind === "schema-array" || kind === "schema-or-array") && Array.isArray(value)) value.forEach(visit);
      else if (kind === "schema-or-array") visit(value);
      else if ((kind === "schema-map" || kind === "dependencies") && isJsonObject(value)) for (const v of Object.values(value)) if (!Array.isArray(v) || kind === "schema-map") visit(v);
    }
  };
  visit(copy);
  return copy;
}

interface Edit {
  readonly name: string;
  /** Keeps which annotations are equal (a one-to-one renaming of their text): the cached result must be reused. */
  readonly renaming: boolean;
  readonly apply: (old: JsonValue, neu: JsonValue) => [JsonValue, JsonValue];
}

const both = (f: (text: string, index: number) => string | undefined) => (o: JsonValue, n: JsonValue): [JsonValue, JsonValue] => [renamed(o, f), renamed(n, f)];

function swapFirstTwo(o: JsonValue, n: JsonValue): [JsonValue, JsonValue] {
  const distinct = [...new Set(annotationTokens([o, n]).annotations)];
  if (distinct.length < 2) return [o, n];
  const [a, b] = distinct as [string, string];
  const f = (t: string): string => (t === a ? b : t === b ? a : t);
  return [renamed(o, f), renamed(n, f)];
}

const EDITS: readonly Edit[] = [
  { name: "every annotation reworded", renaming: true, apply: both((t) => `${t} (edited)`) },
  { name: "hostile text", renaming: true, apply: both((t) => `*/ @0 "${t}" \u2028 \\ ${t} */`) },
  { name: "two texts swapped", renaming: true, apply: swapFirstTwo },
  { name: "the new side's first annotation reworded", renaming: false, apply: (o, n) => [o, renamed(n, (t, i) => (i === 0 ? "A fresh text." : t))] },
  { name: "every annotation made alike", renaming: false, apply: both(() => "same") },
  { name: "the new side's first annotation removed", renaming: false, apply: (o, n) => [o, renamed(n, (t, i) => (i === 0 ? undefined : t))] },
  { name: "a description added at the new root", renaming: false, apply: (o, n) => [o, isJsonObject(n) ? { ...(n as JsonObject), description: "Added." } : n] },
];

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
  const stored = (): number => (existsSync(path.join(dir, "diff")) ? readdirSync(path.join(dir, "diff")).length : 0);
  const all = pairs();
  assert.ok(all.length >= 50, `${all.length} pairs`);
  let reused = 0;
  let renamings = 0;
  for (const p of all) {
    // The first run computes and stores the pair; each edit is asked in a run of its own (a later `check`).
    const first = await withRunCache({ store } as RunCache, () => diffSchemas(p.old, p.neu, p.options));
    const quoted = annotationTokens([p.old.schema, p.neu.schema]).annotations.some((a) => a !== "" && JSON.stringify(first).includes(JSON.stringify(a).slice(1, -1)));
    for (const edit of EDITS) {
      const [o, n] = edit.apply(p.old.schema, p.neu.schema) as [JsonObject, JsonObject];
      const old = { schema: o, draft: p.old.draft };
      const neu = { schema: n, draft: p.neu.draft };
      const before = stored();
      const cached = await withRunCache({ store } as RunCache, () => diffSchemas(old, neu, p.options));
      const computed = await computeDiff(old, neu, p.options);
      assert.deepEqual(cached, computed, `${p.name}, ${edit.name}`);
      // A renaming finds the first result unless it quoted an annotation (then it was not stored under the texts).
      const hit = stored() === before;
      if (edit.renaming && annotationTokens([o, n]).texts.join() === annotationTokens([p.old.schema, p.neu.schema]).texts.join()) {
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
