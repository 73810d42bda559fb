/**
 * The cache of the `check` run in progress, for the steps that run after the compile (drift comparisons, the
 * migration type-check). A module-level slot rather than a parameter so that the `CheckStep` interface stays the
 * same for every step; `withRunCache` always clears it, also when a step throws.
 */
import type { CacheSession } from "./session.js";
import type { CacheStore } from "./store.js";
import type { FileHasher } from "./files.js";

export interface RunCache {
  readonly store: CacheStore;
  readonly hasher: FileHasher;
  readonly session: CacheSession<unknown>;
}

let current: RunCache | undefined;

export function runCache(): RunCache | undefined {
  return current;
}

export async function withRunCache<T>(cache: RunCache | undefined, run: () => Promise<T>): Promise<T> {
  const before = current;
  current = cache;
  try {
    return await run();
  } finally {
    current = before;
  }
}
