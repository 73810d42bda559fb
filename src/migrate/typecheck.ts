/**
 * `check`'s type-check of the upgrade chain: the user's migrations against the types `build` would generate.
 * Why: when a schema changes, a migration body written for the old types may no longer fit; the report names the
 * file and line, the way the compiler would, before the chain is shipped.
 *
 * Why batches with shared source files instead of one program for everything: one program over a thousand
 * contracts holds every syntax tree and type at once (gigabytes). Roots are checked in batches of BATCH, and the
 * files every batch needs (the standard library, `_runtime.ts`) are parsed once and shared between programs.
 * Each root's result is cached under the hashes of every file it imports (see imports.ts), so a run re-checks
 * only the contracts whose chain changed; nothing is parsed or checked when none did.
 *
 * Why the validator modules are seen as their declarations: `v<N>.validate.ts` is generated JavaScript under
 * `@ts-nocheck` (ajv's standalone code, about seven tenths of every chain's text), and `v<N>.ts` reaches it only
 * through casts to the declared shape (`as unknown as RawValidator`). Parsing and binding it for every chain
 * was most of a cold check's time; the shape the JavaScript flavour declares (validatorDeclarations) is what the
 * checker sees instead, so a migration is held to the same types and the results do not change.
 *
 * Why only the roots and the user's files are checked: the other generated modules (types, runtime) are the tool's
 * own output, type-checked under the same flags by the golden tests, and a migration cannot change them. Checking
 * them was half of every batch's time (the runtime once per batch); their declarations are still read wherever a
 * migration or an upgrade module uses them, so a migration that does not fit them is reported as before.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type ts from "typescript";
import { runCache, type RunCache } from "../cache/context.js";
import { displayPath, type Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import { STRICT_FLAGS } from "../emit/codegen/strict.js";
import { validatorDeclarations } from "../emit/modules/version.js";
import { importClosure, type ImportScan } from "./imports.js";
import { cachedSpecifiers, ChainKeys, plainFirst } from "./typecheck-key.js";
import type { Batcher, Miss } from "./typecheck-run.js";

export { chainCompilerOptions } from "./typecheck-options.js";

const BATCH = 64;
/** Roots keyed between two looks at the threads' replies (see `startTypecheck`): a few milliseconds of keying. */
const YIELD_EVERY = 8;

/**
 * Type-checks `roots` with `overlay` (absolute path → text) standing in for files on disk, so generated modules
 * are taken from the plan rather than from a possibly stale output folder. Diagnostics are sorted by file and
 * position and deduplicated, so the result does not depend on how roots were batched or cached.
 */
export async function typecheckChain(
  project: Project,
  overlay: ReadonlyMap<string, string>,
  roots: readonly string[],
  /** Roots per program and threads to spread the programs over (tests set them; the results do not depend on them). */
  split: { readonly batch?: number; readonly workers?: number } = {},
): Promise<Diagnostic[]> {
  return (await startTypecheck(project, overlay, roots, split)).finish();
}

/**
 * `typecheckChain` in two parts. This call keys every chain and, when the misses need threads, hands them their
 * batches as they fill; `finish` waits for the threads (or checks the one batch here) and gives the diagnostics.
 * Between the two, this thread is free for other work (`check`'s other steps) while the threads check, and nothing
 * of the type-check runs in this thread meanwhile. While keying, once threads run, it lets their replies in now
 * and then (YIELD_EVERY roots), so a thread that finished a batch gets the next one instead of waiting for the
 * last key.
 */
export async function startTypecheck(
  project: Project,
  overlay: ReadonlyMap<string, string>,
  roots: readonly string[],
  split: { readonly batch?: number; readonly workers?: number } = {},
): Promise<{ finish(): Promise<Diagnostic[]> }> {
  const size = split.batch ?? BATCH;
  const files = new Map([...overlay].map(([f, t]) => [path.resolve(f), declaredValidator(project, f, t)]));
  const cache = runCache();
  // Loaded only when a chain must be scanned or checked (see typecheck-key.ts).
  let loaded: typeof ts | undefined;
  const load = (): typeof ts => (loaded ??= createRequire(import.meta.url)("typescript") as typeof ts);
  const specifiers = plainFirst(cachedSpecifiers(cache?.store, load));
  const found: Diagnostic[] = [];
  const misses: Miss[] = [];
  // Files shared by many chains (the runtime, shared definitions) are scanned and hashed once per run.
  const scanned = new Map<string, ImportScan>();
  const keys = new ChainKeys(project.outDir);
  // Made on the first miss (typecheck-run.ts, with the thread machinery): a run whose chains all hit loads neither.
  // With a cache, every chain's closure is worked out for its key, so each thread batch can carry just its files.
  let batcher: Batcher | undefined;
  try {
    for (const [i, root] of roots.entries()) {
      const closure = cache === undefined ? undefined : importClosure(specifiers, root, files, scanned, (f) => displayPath(project.rootDir, f));
      const key = closure === undefined ? undefined : cache!.store.key("typecheck", JSON.stringify(STRICT_FLAGS), project.rootDir, ...keys.parts(closure));
      const hit = key === undefined ? undefined : cache!.store.get<Diagnostic[]>(key);
      if (hit !== undefined) found.push(...hit);
      else {
        misses.push({ root, key, closure: closure === undefined ? undefined : [...closure.keys()], reach: new Set([...(closure?.keys() ?? [])].map((f) => displayPath(project.rootDir, f))) });
        batcher ??= (await import("./typecheck-run.js")).batcherFor(project, files, cache !== undefined, size, split.workers);
      }
      batcher?.keyed(misses, roots.length - i - 1);
      if (batcher?.started === true && i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    batcher?.abort(error);
    throw error;
  }
  const batches: Miss[][] = [];
  for (let i = 0; i < misses.length; i += size) batches.push(misses.slice(i, i + size));
  // Threads started while keying get their batches now; one batch is checked in this thread, in `finish`.
  const inThreads = batcher?.started === true ? batcher.run(batches) : undefined;
  inThreads?.catch(() => undefined); // awaited in finish; not an unhandled rejection meanwhile
  return {
    finish: async () => {
      const results = await (inThreads ?? (batcher !== undefined && batches.length > 0 ? batcher.run(batches) : Promise.resolve([])));
      return finishTypecheck(cache, found, batches, results);
    },
  };
}

/** Each batch's diagnostics added to the cached ones, and stored per root; sorted and deduplicated. */
function finishTypecheck(cache: RunCache | undefined, found: Diagnostic[], batches: readonly (readonly Miss[])[], results: readonly Diagnostic[][]): Diagnostic[] {
  batches.forEach((batch, i) => {
    const all = results[i]!;
    found.push(...all);
    // A root owns the diagnostics of the files it reaches; a batch-wide one (no file) belongs to every root. A
    // diagnostic no root owns means a closure missed a file: then nothing of the batch is cached.
    const owned = (d: Diagnostic): boolean => d.file === "." || batch.some((m) => m.reach.has(d.file));
    if (!all.every(owned)) return;
    for (const miss of batch) if (miss.key !== undefined) cache!.store.set(miss.key, all.filter((d) => d.file === "." || miss.reach.has(d.file)));
  });
  return sortUnique(found);
}

/** A generated validator module (`<outDir>/<contract>/v<N>.validate.ts`, `@ts-nocheck`) as its declarations; any other file as is. */
export function declaredValidator(project: Project, file: string, text: string): string {
  const rel = path.relative(project.outDir, path.resolve(file)).split(path.sep);
  if (rel.length !== 2 || rel[0] === ".." || !/^v\d+\.validate\.ts$/.test(rel[1]!)) return text;
  return /^\/\/ @ts-nocheck$/m.test(text) ? `${validatorDeclarations(text)}\n` : text;
}

function sortUnique(list: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): string => `${d.file}\u0000${String(d.line ?? 0).padStart(9, "0")}\u0000${String(d.column ?? 0).padStart(9, "0")}\u0000${d.message}`;
  const byKey = new Map(list.map((d) => [key(d), d]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k)!);
}
