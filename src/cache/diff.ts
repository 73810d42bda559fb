/**
 * `diffSchemas` memoised per pair of schemas: the key is both bundled schemas (canonical JSON), their drafts and
 * the options, so a drift comparison is redone only when one of the two versions changed.
 */
import { diffSchemas as computeDiff, type DiffOptions, type SchemaInput } from "../drift/diff.js";
import type { DiffResult } from "../drift/types.js";
import { canonicalJson } from "../ir/json.js";
import { runCache } from "./context.js";

export async function diffSchemas(old: SchemaInput, neu: SchemaInput, options: DiffOptions = {}): Promise<DiffResult> {
  const cache = runCache();
  if (cache === undefined) return computeDiff(old, neu, options);
  const key = cache.store.key("diff", old.draft, canonicalJson(old.schema), neu.draft, canonicalJson(neu.schema), JSON.stringify(options));
  const hit = cache.store.get<DiffResult>(key);
  if (hit !== undefined) return hit;
  const result = await computeDiff(old, neu, options);
  cache.store.set(key, result);
  return result;
}
