/**
 * What the modules around a validator need to know of its worded collector (`validateWorded`, index.ts): its
 * export's name, whether a module's code holds it, and which keywords it leaves raw. Its own module, apart from
 * the collector's writing context (context.ts, which words errors with the runtime's rules at build time), so that
 * rendering a version module from a cached validator (an annotation-only edit's compile) loads neither that
 * context nor the runtime's error wording (src/runtime/errors.ts, limits.ts).
 */

/**
 * Name of the collector recording `parse…`'s errors (index.ts): coded and worded where the error is known at build
 * time (`record`), raw (as `validate`'s) where its params hold the value's own data; the runtime words those.
 */
export const WORDED_EXPORT = "validateWorded";

/** Whether validator module code holds the worded collector (the version module's `parse…` then runs it). */
export function hasWordedCollector(code: string): boolean {
  return code.includes(`export function ${WORDED_EXPORT}(`);
}

/**
 * Keywords whose params hold the value's own data (a property name, item indexes, the passing branches): their
 * errors are recorded raw by `validateWorded` too and worded by the runtime (`rulesApplied`), so a version module
 * whose collector is ours passes `runContract` only these keywords' rules (src/emit/modules/keyword-rules.ts).
 */
export const RAW_WORDED_KEYWORDS: ReadonlySet<string> = new Set(["additionalProperties", "propertyNames", "uniqueItems", "oneOf"]);
