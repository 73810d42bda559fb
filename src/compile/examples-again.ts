/**
 * A version whose golden examples alone changed: its schema's cached outcome with the examples run again through
 * the cached validator code, exactly as `compileVersion` (version.ts) runs them. Its own module, apart from the
 * project loop (compile.ts), because `check`'s examples-only lane (src/incremental/examples-lane.ts, handed it by
 * src/api/build.ts) runs it without loading the compiler: no compile.ts, no output plan, no version compiler.
 */
import type { Project } from "../config/config.js";
import type { ContractSource, VersionSource } from "../discover/discover.js";
import { InputError, type Diagnostic } from "../errors.js";
import { hasExamples } from "./examples.js";
import { readVersion, schemaKey, versionKey, writeOutcome, type CompileCache } from "../cache/version.js";
import { loadValidator } from "../emit/validators/load-module.js";
import type { VersionOutcome } from "../shapes/compiled.js";

/** A cached outcome with the display paths of the files it was loaded from besides the schema file. */
export type CachedOutcome = { readonly outcome: VersionOutcome; readonly read: readonly string[] };

/**
 * The schema's cached outcome (`schemaKey`) with the version's examples run again; undefined when the schema's
 * outcome is not cached either; an unreadable example is its diagnostic, as from a compile. The whole outcome is
 * cached under `key` (the version's key, `versionKey`) for the next run.
 */
export async function examplesAgain(project: Project, cache: CompileCache, key: string, contract: ContractSource, source: VersionSource): Promise<CachedOutcome | Diagnostic | undefined> {
  const own = schemaKey(cache, project, contract, source);
  const hit = own === undefined ? undefined : readVersion(cache, project, own);
  const compiled = hit?.outcome.compiled;
  if (hit === undefined || compiled === undefined || !hasExamples(contract, source.version)) return hit;
  let ex: { problems: Diagnostic[]; count: number };
  try {
    ex = await (await import("./examples-run.js")).checkExamples(project, contract, source.version, await loadValidator(compiled.validatorCode));
  } catch (error) {
    if (error instanceof InputError) return error.diagnostic;
    throw error;
  }
  const outcome: VersionOutcome = { ...hit.outcome, problems: ex.problems, examples: ex.count };
  writeOutcome(cache, project, key, own, hit.read, outcome, true);
  return { outcome, read: hit.read };
}

/**
 * What a compile takes for a version from the cache without compiling it (compile.ts does the same: the version's
 * own entry, else `examplesAgain`): its examples' problems and count, and the files its schema was loaded from.
 * undefined when the cache cannot say (nothing cached for the schema, the schema's own compile failed, an example
 * that cannot be read): the caller then compiles as usual.
 */
export async function cachedExamplesOutcome(project: Project, cache: CompileCache, contract: ContractSource, source: VersionSource): Promise<{ problems: readonly Diagnostic[]; examples: number; read: readonly string[] } | undefined> {
  const key = versionKey(cache, project, contract, source);
  if (key === undefined) return undefined;
  const got = readVersion(cache, project, key) ?? (await examplesAgain(project, cache, key, contract, source));
  if (got === undefined || !("outcome" in got) || got.outcome.compiled === undefined) return undefined;
  return { problems: got.outcome.problems, examples: got.outcome.examples, read: got.read };
}
