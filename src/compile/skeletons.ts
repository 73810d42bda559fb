/**
 * The types printer's skeletons (src/emit/types/skeleton.ts) in the compile's cache. A compile looks skeletons up
 * only in this thread (a worker has no cache); what it printed travels back with its outcome (`entries`) and is
 * stored by the main thread (`storeEntries`), so a cold build's workers fill the cache that the next annotation
 * edit reads.
 *
 * The cache is hostile input: an entry that is not `{printed: string}` is a miss, and a text that does not fill
 * with the schema's comment lines is printed anew (`emitTypes`), so no entry can change a result.
 */
import type { CompileCache } from "../cache/version.js";
import type { SkeletonStore } from "../emit/types/index.js";
import type { CacheEntryOut } from "./validator-cache.js";

const NAMESPACE = "types-skeleton";

/** A store over the cache (none in a worker) that pushes what was printed to `out`. */
export function skeletonStore(cache: CompileCache | undefined, out: CacheEntryOut[]): SkeletonStore {
  return {
    get(hash) {
      if (cache === undefined) return undefined;
      const entry = cache.store.get<{ printed?: unknown }>(cache.store.key(NAMESPACE, hash));
      return typeof entry?.printed === "string" ? entry.printed : undefined;
    },
    set(hash, text) {
      out.push([NAMESPACE, hash, { printed: text }]);
    },
  };
}

/** Stores the entries a compile made. */
export function storeEntries(cache: CompileCache, entries: readonly CacheEntryOut[] | undefined): void {
  for (const [namespace, hash, payload] of entries ?? []) cache.store.set(cache.store.key(namespace, hash), payload);
}
