/**
 * A validator entry's code held once (the entries are src/compile/validator-cache.ts's). Its own module, apart
 * from that one, because the project loop (compile.ts) stores the entries and needs only this, not what computes
 * their keys (the blind form, the emitter's inline limit).
 *
 * Why: the code of a validator entry is the very code the version's outcome holds (src/cache/version.ts keeps it
 * inside the outcome's `v<N>.validate.ts`): 35 KB a version, written twice by every cold compile (#25). So the main
 * thread, which stores both, stores the validator entry as a pointer to the entry holding the outcome (`codeIn`)
 * with the code's SHA-256. Why the hash: that entry's key is the version's schema file, not its bundled schema, so
 * it is rewritten when a `$ref`ed file changes, and the code it then holds is another schema's; a read takes the
 * code only when it gives the recorded hash, and a missing, damaged or rewritten entry is a miss.
 */
import { sha256 } from "../cache/store.js";
import { storedValidatorCode, type CompileCache } from "../cache/version.js";

/** "blind2": the entries' second shape, whose code may be held by reference; entries of the first are never looked up. */
export const VALIDATOR_NAMESPACE = "validator-blind2";

/** What a compile leaves to store: [namespace, hash, payload]. */
export type CacheEntryOut = readonly [string, string, unknown];

/** A validator entry as stored: its code, or where it is held and its hash. */
export interface StoredValidator {
  readonly code?: unknown;
  readonly codeIn?: unknown;
  readonly sha?: unknown;
  readonly warnings?: unknown;
}

/** The entry's code: its own, or the referenced entry's when that gives the recorded hash; undefined otherwise. */
export function storedCode(cache: CompileCache, entry: StoredValidator): string | undefined {
  if (typeof entry.code === "string") return entry.code;
  if (typeof entry.codeIn !== "string" || typeof entry.sha !== "string") return undefined;
  const code = storedValidatorCode(cache, entry.codeIn);
  return code !== undefined && sha256(code) === entry.sha ? code : undefined;
}

/**
 * A compile's entries as the main thread stores them: a validator entry whose code is `code` (the outcome's) points
 * at `codeIn`, the entry that holds it (src/cache/version.ts `writeOutcome`); the others are as they came.
 */
export function codeByReference(entries: readonly CacheEntryOut[], code: string | undefined, codeIn: string | undefined): readonly CacheEntryOut[] {
  if (code === undefined || codeIn === undefined) return entries;
  return entries.map((e) => {
    const payload = e[2] as { code?: unknown; warnings?: unknown };
    if (e[0] !== VALIDATOR_NAMESPACE || payload.code !== code) return e;
    return [e[0], e[1], { codeIn, sha: sha256(code), warnings: payload.warnings } satisfies StoredValidator];
  });
}
