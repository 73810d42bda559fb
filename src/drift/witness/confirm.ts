/**
 * Witness confirmation with the validators we generate: the code `emitValidator` ships in `generated/` (not
 * in-memory ajv, whose deep-equal differs on objects with own `toString`/`constructor`), loaded with
 * `loadValidator` (src/emit/validators/load-module.ts). A witness is kept only when it is valid under one schema and invalid under the other.
 *
 * Why `emitDecider`: only the yes or no is asked, which its first-failure compile answers as the all-errors
 * validator does; `emitValidator`'s second compile and fast path were half of a cold `check`'s drift time.
 */
import { isJsonObject, type Draft, type JsonObject, type JsonValue } from "../../ir/json.js";
import { keywordKind, mapKeyword } from "../../ir/keywords.js";
import { dialectOf } from "../dialect.js";
import type { RawValidator } from "../../runtime/runtime.js";
import { loadValidator } from "../../emit/validators/load-module.js";
import { shipped, validatorKey } from "./shipped.js";

export { offerShipped, validatorKey } from "./shipped.js";

const cache = new Map<string, Promise<RawValidator>>();
const MAX_CACHED = 256;

export type Check = (value: JsonValue) => boolean;


/**
 * Recent build rates in this process, in ms per 1,000 characters of schema text (small schemas are rated as if
 * they had MIN_RATED characters, so their fixed cost does not count). The estimate is their median: one build
 * slowed by a busy machine or a garbage collection does not make every later one look too dear.
 */
const rates: number[] = [];
const RATES_KEPT = 9;
const MIN_RATED = 20_000;

function msPerKChar(): number {
  if (rates.length === 0) return 0;
  const sorted = [...rates].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * What building the validator of this schema is expected to cost (0 once built): the budget asks before building,
 * since a build cannot be cut halfway (diff.ts).
 */
export function buildEstimateMs(schema: JsonObject | boolean, draft: Draft, known?: string): number {
  if (typeof schema === "boolean") return 0;
  const key = known ?? validatorKey(schema, draft);
  return cache.has(key) || shipped.has(key) ? 0 : (msPerKChar() * key.length) / 1000;
}

export async function validatorFor(schema: JsonObject | boolean, draft: Draft, known?: string): Promise<Check> {
  if (typeof schema === "boolean") return () => schema;
  const key = known ?? validatorKey(schema, draft);
  let pending = cache.get(key);
  if (pending === undefined) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    const built = shipped.get(key);
    if (built !== undefined) {
      pending = loadValidator(built);
      cache.set(key, pending);
      return answer(await pending);
    }
    const started = performance.now();
    // strict: false only relaxes what ajv refuses to compile; validation semantics are the pinned ones. inMemory:
    // the code is never written out, so refs are compiled once instead of inlined and ajv's optimisation pass is
    // skipped: 40% less build time on large schemas, the same answers (test/drift/witness-confirm.test.ts).
    // Imported on first build: a diff whose validators are all shipped (or none needed) loads no ajv.
    const { emitDecider } = await import("../../emit/validators/index.js");
    pending = loadValidator(emitDecider({ schema: dialectOf(draft).idKeyword === "id" ? schema : withoutId(schema), draft, strict: false, inMemory: true }));
    cache.set(key, pending);
    await pending;
    rates.push(((performance.now() - started) * 1000) / Math.max(key.length, MIN_RATED));
    if (rates.length > RATES_KEPT) rates.shift();
  }
  return answer(await pending);
}

function answer(validate: RawValidator): Check {
  return (value) => {
    try {
      return validate(value) === true;
    } catch {
      return false; // a value too deep for the validator's stack confirms nothing
    }
  };
}

/**
 * Without string `id` keywords (draft-06 and later: an unknown keyword, which ajv refuses by name). They hold no
 * assertion and the bundled schema has only local refs, so the validator's meaning does not change.
 */
function withoutId(schema: JsonObject): JsonObject {
  const walk = (node: JsonValue): JsonValue => {
    if (!isJsonObject(node)) return node;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "id" && typeof v === "string") continue;
      const kind = keywordKind(k);
      out[k] = kind === undefined ? v : mapKeyword(kind, v, "", (x) => walk(x), (x) => x);
    }
    return out;
  };
  return walk(schema) as JsonObject;
}
