/**
 * The types printer's skeletons (src/emit/types/skeleton.ts) in the compile's cache. A compile looks skeletons up
 * only in this thread (a worker has no cache); what it printed travels back with its outcome (`skeletons`) and is
 * stored here, so a cold build's workers fill the cache that the next annotation edit reads.
 *
 * The cache is hostile input: an entry that is not `{printed: string}` is a miss, and a text that does not fill
 * with the schema's comment lines is printed anew (`emitTypes`), so no entry can change a result.
 */
import type { CompileCache } from "../cache/version.js";
import type { SkeletonStore } from "../emit/types/index.js";

const NAMESPACE = "types-skeleton";

/** A store over the cache that also collects what was printed (for the outcome), or only collects without a cache. */
export function skeletonStore(cache: CompileCache | undefined, printed: [string, string][]): SkeletonStore {
  return {
    get(hash) {
      if (cache === undefined) return undefined;
      const entry = cache.store.get<{ printed?: unknown }>(cache.store.key(NAMESPACE, hash));
      return typeof entry?.printed === "string" ? entry.printed : undefined;
    },
    set(hash, text) {
      printed.push([hash, text]);
    },
  };
}

/** Stores the skeletons a compile printed. */
export function storeSkeletons(cache: CompileCache, printed: readonly (readonly [string, string])[] | undefined): void {
  for (const [hash, text] of printed ?? []) cache.store.set(cache.store.key(NAMESPACE, hash), { printed: text });
}
