/**
 * `diffSchemas` memoised per pair of schemas: the key is both bundled schemas (canonical JSON), their drafts and
 * the options, so a drift comparison is redone only when one of the two versions changed. Within one run the
 * result is also kept in memory (drift and the migration gate ask for the same pairs), and the canonical text of
 * a schema object is computed once.
 */
import type { DiffOptions, SchemaInput } from "./diff.js";
import type { DiffResult } from "./types.js";
import { exactCanonicalJson } from "../ir/exact.js";
import type { JsonObject } from "../ir/json.js";
import { runCache, type RunCache } from "../cache/context.js";

/*
 * Why the engine is imported on a miss only: it compiles witness validators with ajv (src/emit/validators), and a
 * `check` whose pairs are all cached (a migration edited, say) must not load ajv to read verdicts.
 */
async function computeDiff(old: SchemaInput, neu: SchemaInput, options: DiffOptions): Promise<DiffResult> {
  return (await import("./diff.js")).diffSchemas(old, neu, options);
}

const canonical = new WeakMap<JsonObject, string>();
const results = new WeakMap<RunCache, Map<string, DiffResult>>();

function canonicalOf(schema: JsonObject): string {
  let text = canonical.get(schema);
  if (text === undefined) {
    // Numbers as written: schemas that differ only beyond double precision are different keys (src/ir/exact.ts).
    text = exactCanonicalJson(schema);
    canonical.set(schema, text);
  }
  return text;
}

export async function diffSchemas(old: SchemaInput, neu: SchemaInput, options: DiffOptions = {}): Promise<DiffResult> {
  const cache = runCache();
  if (cache === undefined) return computeDiff(old, neu, options);
  const key = cache.store.key("diff", old.draft, canonicalOf(old.schema), neu.draft, canonicalOf(neu.schema), JSON.stringify(options));
  let run = results.get(cache);
  if (run === undefined) results.set(cache, (run = new Map()));
  const known = run.get(key) ?? cache.store.get<DiffResult>(key);
  if (known !== undefined) {
    run.set(key, known);
    return known;
  }
  const result = await computeDiff(old, neu, options);
  cache.store.set(key, result);
  run.set(key, result);
  return result;
}
