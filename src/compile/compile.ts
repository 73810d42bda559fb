import { displayPath, type Project } from "../config/config.js";
import { cmp, discoverContracts, discoverNamed, type ContractSource, type VersionSource } from "../discover/discover.js";
import type { Diagnostic } from "../errors.js";
import { renderContractIndex } from "../emit/modules/indexes.js";
import { renderRuntimeModules } from "../emit/modules/runtime.js";
import { renderUpgradeModule } from "../migrate/upgrade-module.js";
import { readVersion, schemaKey, versionKey, writeOutcome, type CompileCache } from "../cache/version.js";
import { examplesAgain, type CachedOutcome } from "./examples-again.js";
import type { CompiledOutcome, CompiledVersion, CompileResult, CompileScope, ContractIndexInput, ContractSlice } from "../shapes/compiled.js";
import type { Extensions } from "../shapes/extension.js";
import type { LoadContext } from "../load/index.js";
import type { JobResult } from "../parallel/in-thread.js";
import { cachedNameCollisions } from "./names-cached.js";
import { cachedRootIndex } from "./root-index.js";
import { projectFileMemo } from "./project-memo.js";
import { storeEntries } from "./skeletons.js";
import { codeByReference } from "./validator-ref.js";

export type { CompiledOutcome, CompiledVersion, CompileResult, CompileScope, ContractSlice } from "../shapes/compiled.js";
export { importValidator } from "../emit/validators/load-module.js";

export interface CompileOptions {
  readonly cache?: CompileCache;
  /** Worker threads for the versions that must be compiled (1: in this thread). See src/parallel. */
  readonly workers?: number;
  /** Compile only these contracts (src/incremental); the others are unchanged since the run that gave their slices. */
  readonly scope?: CompileScope;
  /** Called as versions finish (cache hits count as done at once): for a progress display only, never a result. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Called with each compiled version's planned files as its result arrives, in completion order, while the
   * workers compile the rest (build streams a cold output folder with it: src/write/stream.ts). The plan returned
   * is still the one result: every file handed here is in it unless a later one of the same path replaces it.
   */
  readonly onFiles?: (files: readonly (readonly [string, string])[]) => void;
}

/**
 * discover → load (bundle) → schema checks → emit types and validators → golden examples → plan.
 * Problems are collected per contract version, so one bad file does not hide the others. Versions the cache holds
 * are taken from it; the others are compiled (in worker threads when there are many) and the results are
 * assembled in discovery order, so the output never depends on how the work was split.
 *
 * `extensions` are the further generated files (src/shapes/extension.ts), listed by the composition root
 * (src/api/extensions.ts; `compileProject` in src/api/compile.ts passes them). Worker threads cannot be handed
 * functions: they compile with that same list (src/parallel/worker.ts).
 */
export async function compileProjectWith(project: Project, extensions: Extensions, options: CompileOptions = {}): Promise<CompileResult> {
  const { cache, scope } = options;
  const discovery = scope === undefined ? discoverContracts(project) : discoverNamed(project, scope.names, scope.proven);
  const problems: Diagnostic[] = [...discovery.problems];
  const warnings: Diagnostic[] = [];
  const plan = new Map<string, string>();
  const compiled: CompiledVersion[] = [];
  const slices: ContractSlice[] = [];
  let examples = 0;

  const jobs: { contract: ContractSource; source: VersionSource; key: string | undefined; hit: CachedOutcome | Diagnostic | undefined }[] = [];
  // When the first versions all miss the cache (a cold run), the workers are started at once and load the compilers
  // while this thread lists the rest (src/parallel/pool.ts `startEarly`); a run that hits starts none before it knows.
  // What compiles in this thread (src/parallel/in-thread.ts, with the loader it hands the compile) is imported on the
  // first miss, the pool with its threads only for a compile that may need them: a run that hits throughout (a
  // golden example edit, see `examplesAgain`) loads neither, nor the version compiler (version.ts), and a run of a
  // few misses (an annotation-only edit) no thread machinery.
  let inThread: typeof import("../parallel/in-thread.js") | undefined;
  let versionCompilerImport: Promise<typeof import("./version.js")> | undefined;
  let pool: typeof import("../parallel/pool.js") | undefined;
  const total = discovery.contracts.reduce((n, c) => n + c.versions.length, 0);
  let started: ReturnType<(typeof import("../parallel/pool.js"))["startEarly"]>;
  try {
    for (const contract of discovery.contracts) {
      for (const source of contract.versions) {
        const key = cache === undefined ? undefined : versionKey(cache, project, contract, source);
        const hit = key === undefined ? undefined : (readVersion(cache!, project, key) ?? (await examplesAgain(project, cache!, key, contract, source)));
        jobs.push({ contract, source, key, hit });
        if (hit !== undefined) continue;
        // On the first miss the version compiler's import starts too, beside the in-thread runner's: the loader reads
        // one's files while it compiles the other's (an annotation-only edit's one miss waited for each in turn).
        if (versionCompilerImport === undefined) {
          versionCompilerImport = import("./version.js");
          versionCompilerImport.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
        }
        inThread ??= await import("../parallel/in-thread.js");
        if (jobs.length === 2 * inThread.MIN_PER_WORKER && jobs.every((j) => j.hit === undefined)) {
          pool ??= await import("../parallel/pool.js");
          started = pool.startEarly(project, total, options.workers);
        }
      }
    }
  } catch (error) {
    pool?.stopWorkers(started ?? []);
    throw error;
  }
  const misses = jobs.filter((j) => j.hit === undefined);
  let done = jobs.length - misses.length;
  options.onProgress?.(done, jobs.length);
  const versionCompiler = await (misses.length === 0 ? undefined : versionCompilerImport);
  // Cache entries are written as results arrive, while the workers compile the rest (this thread is idle then).
  const onResult = (i: number, r: JobResult): void => {
    options.onProgress?.(++done, jobs.length);
    const job = misses[i]!;
    if ("diagnostic" in r) return;
    options.onFiles?.(r.outcome.files);
    if (cache === undefined) return;
    const codeIn = job.key === undefined ? undefined : writeOutcome(cache, project, job.key, schemaKey(cache, project, job.contract, job.source), r.read.slice(1), r.outcome);
    // The validator entry points at the outcome's entry for its code, which it holds once (validator-ref.ts).
    storeEntries(cache, r.entries === undefined ? undefined : codeByReference(r.entries, r.outcome.compiled?.validatorCode, codeIn));
    // Stored: the results list keeps every outcome to the end of the compile, it need not keep these too.
    delete (r as { entries?: unknown }).entries;
  };
  const compileOne = (contract: ContractSource, source: VersionSource, ctx: LoadContext) => versionCompiler!.compileVersionOutcome(project, extensions.plan, contract, source, ctx, cache);
  // Threads started early are handed to the pool (which uses or stops them); without them, as few misses as these
  // are compiled here by the pool too (`inThreadAlways`), so the pool is not loaded for them.
  let results: readonly JobResult[] = [];
  if (inThread !== undefined && versionCompiler !== undefined) {
    if (started === undefined && inThread.inThreadAlways(misses.length)) results = await inThread.inThread(project, misses, onResult, compileOne);
    else results = await (pool ??= await import("../parallel/pool.js")).compileVersions(project, misses, options.workers, onResult, compileOne, started);
  }
  const outcomes = new Map<(typeof jobs)[number], CompiledOutcome | Diagnostic>();
  misses.forEach((job, i) => {
    const r = results[i]!;
    outcomes.set(job, "diagnostic" in r ? r.diagnostic : { outcome: r.outcome, read: r.read.slice(1) });
  });

  let at = 0;
  for (const contract of discovery.contracts) {
    const folder = `${contract.name}/`;
    const own = { problems: [] as Diagnostic[], warnings: [] as Diagnostic[], examples: 0, compiled: [] as number[], files: 0, read: new Set<string>() };
    for (const source of contract.versions) {
      const job = jobs[at++]!;
      const got = job.hit ?? outcomes.get(job)!;
      own.read.add(source.display);
      if (!("outcome" in got)) {
        own.problems.push(got);
        continue;
      }
      const result = got.outcome;
      for (const display of got.read) own.read.add(display);
      for (const [rel, text] of result.files) {
        plan.set(rel, text);
        // Extensions may also plan project files (`_standard.ts`): those are counted once, with the project's.
        if (rel.startsWith(folder)) own.files++;
      }
      own.problems.push(...result.problems);
      own.warnings.push(...result.warnings);
      own.examples += result.examples;
      if (result.compiled !== undefined) {
        compiled.push({ contract, source, ...result.compiled });
        if (result.problems.length === 0) own.compiled.push(source.version);
      }
    }
    problems.push(...own.problems);
    warnings.push(...own.warnings);
    examples += own.examples;
    const slice = { name: contract.name, problems: own.problems, warnings: own.warnings, examples: own.examples, compiled: own.compiled, versions: contract.versions.length, read: [...own.read].sort(cmp) };
    if (own.compiled.length !== contract.versions.length) {
      slices.push({ ...slice, files: own.files });
      continue;
    }
    const index: ContractIndexInput = {
      contract: contract.name,
      kind: contract.manifest.kind,
      ...(contract.manifest.description !== undefined ? { description: contract.manifest.description } : {}),
      versions: contract.versions.map((v) => v.version),
      source: displayPath(project.rootDir, contract.dir),
    };
    plan.set(`${contract.name}/index.ts`, renderContractIndex(index));
    plan.set(`${contract.name}/upgrade.ts`, renderUpgradeModule(project, contract));
    slices.push({ ...slice, files: own.files + 2, index });
  }
  const all = scope === undefined ? slices : [...slices, ...scope.others].sort((a, b) => cmp(a.name, b.name));
  const listing = all.map((s) => ({ contract: s.name, compiled: s.compiled, versions: s.versions }));
  for (const extension of extensions.project) {
    const out = await extension.files({ project, versions: compiled, listing, ...(cache !== undefined ? { memo: projectFileMemo(cache.store, extension.name) } : {}) });
    for (const [rel, text] of out.files) plan.set(rel, text);
    problems.push(...out.problems);
  }
  for (const [rel, text] of renderRuntimeModules()) plan.set(rel, text);
  const indexes = all.flatMap((s) => (s.index !== undefined ? [s.index] : []));
  // One registry for every shared generated name and file name: a collision refuses the build, naming both sources.
  problems.push(...cachedNameCollisions(project, indexes, plan, cache?.store));
  plan.set("index.ts", cachedRootIndex(indexes, displayPath(project.rootDir, project.schemasDir), cache?.store));
  return { plan, versions: compiled, contracts: discovery.contracts, problems, warnings, examples, slices, ...(scope !== undefined ? { scope } : {}) };
}
