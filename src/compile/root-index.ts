/**
 * `generated/index.ts` kept in the cache, keyed by all it is rendered from: each contract's name and versions, in
 * order, and the source line (`renderRootIndex` reads nothing else). Why: at 1,000 contracts it re-exports ~30,000
 * names, rendered on every run that compiles anything, and a commit rarely adds a contract or a version. A pure
 * function of that key and of the tool (every cache key is bound to it), so a hit is the text a render would give.
 */
import type { CacheStore } from "../cache/store.js";
import { renderRootIndex, type ContractIndexInput } from "../emit/modules/indexes.js";

export function cachedRootIndex(indexes: readonly ContractIndexInput[], source: string, store: CacheStore | undefined): string {
  if (store === undefined) return renderRootIndex(indexes, source);
  const key = store.key("rootindex", JSON.stringify([source, indexes.map((c) => [c.contract, c.versions])]));
  const hit = store.get<string>(key);
  if (typeof hit === "string") return hit;
  const text = renderRootIndex(indexes, source);
  store.set(key, text);
  return text;
}
