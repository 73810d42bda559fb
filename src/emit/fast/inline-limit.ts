/**
 * How large a `$ref` target the fast path inlines (refs.ts). Its own module because the blind-validator cache
 * (src/compile/validator-cache.ts) keys on which side of it every node of a schema lies, and an annotation-only
 * edit's compile makes that key without loading the fast path's emitter.
 */

/** Targets up to this size (JSON characters) are inlined at each non-recursive use; larger ones get a function. */
export const INLINE_LIMIT = 1500;
