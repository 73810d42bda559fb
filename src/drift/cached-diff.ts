/**
 * `diffSchemas` memoised per pair of schemas: the key is both bundled schemas (canonical JSON), their drafts and
 * the options, so a drift comparison is redone only when one of the two versions changed. Within one run the
 * result is also kept in memory (drift and the migration gate ask for the same pairs), and the canonical text of
 * a schema object is computed once.
 */
import type { DiffOptions, SchemaInput } from "./diff.js";
import type { DiffResult } from "./types.js";
import { annotationTokens } from "../ir/annotation-tokens.js";
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

/**
 * The key of a pair under its annotation-renamed texts (src/ir/annotation-tokens.ts), and the strings renamed.
 *
 * Why: an edit of one description changes both schemas' exact keys' pair, but not which annotations of the pair
 * are equal, and that is all the diff reads of their text: the annotation rules compare them (`description
 * changed`), nothing else reads them (the validators and input checks are keyed by the annotation-blind form,
 * witnesses are generated from assertions). So the result of a pair is the result of every pair with the same
 * renamed texts, and an annotation-only edit is judged without the engine, its pattern analysis (refa) or a witness
 * search. test/drift/annotation-key.test.ts compares both ways over the bundled schemas and a corpus of edits.
 */
function annotationKey(cache: RunCache, old: SchemaInput, neu: SchemaInput, options: DiffOptions): { key: string; annotations: readonly string[] } | undefined {
  let tokens: ReturnType<typeof annotationTokens>;
  try {
    tokens = annotationTokens([old.schema, neu.schema]);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
  return { key: cache.store.key("diffrenamed", old.draft, tokens.texts[0]!, neu.draft, tokens.texts[1]!, JSON.stringify(options)), annotations: tokens.annotations };
}

/** Whether a result holds any of these strings (then it is not stored under the renamed key: it may quote them). */
function quotes(result: DiffResult, annotations: readonly string[]): boolean {
  const text = JSON.stringify(result);
  return annotations.some((a) => a !== "" && text.includes(JSON.stringify(a).slice(1, -1)));
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
  const renamed = annotationKey(cache, old, neu, options);
  const alike = renamed === undefined ? undefined : (run.get(renamed.key) ?? cache.store.get<DiffResult>(renamed.key));
  if (alike !== undefined) {
    run.set(key, alike);
    return alike;
  }
  const result = await computeDiff(old, neu, options);
  cache.store.set(key, result);
  run.set(key, result);
  if (renamed !== undefined && !quotes(result, renamed.annotations)) {
    cache.store.set(renamed.key, result);
    run.set(renamed.key, result);
  }
  return result;
}
