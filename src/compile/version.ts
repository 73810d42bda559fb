/**
 * Compiling one contract version: load (bundle) → schema checks → emit types and validators → golden examples.
 * Its own module, apart from the project loop (compile.ts), because it is what costs to load (the loader and
 * bundler, the types emitter, the version module renderer, the blind-validator lookup): a run whose versions all
 * come from the cache (a golden example edit re-runs the examples through the cached validator code) never loads
 * it. compile.ts imports it on the first version that must be compiled; a worker thread (src/parallel/worker.ts)
 * imports it at once.
 */
import type { Project } from "../config/config.js";
import type { ContractSource, VersionSource } from "../discover/discover.js";
import type { Diagnostic } from "../errors.js";
import { renderValidatorModule, renderVersionModule, VERSION_MODULE_TYPE_IMPORTS } from "../emit/modules/version.js";
import { versionNames } from "../emit/modules/names.js";
import { hasWordedCollector } from "../emit/fast/collect/worded.js";
import { isStackOverflow, loadSchemaFileMapped, stackExhausted, type LoadContext } from "../load/index.js";
import { hasExamples } from "./examples.js";
import { cachedExamples } from "./examples-cache.js";
import type { CompileCache } from "../cache/version.js";
import { loadValidator } from "../emit/validators/load-module.js";
import type { CompiledOutcome, CompiledVersion, VersionOutcome } from "../shapes/compiled.js";
import type { PlanExtension } from "../shapes/extension.js";
import { emitTypes, printingLibraries } from "../emit/types/index.js";
import { contractHash } from "./hash.js";
import { skeletonStore } from "./skeletons.js";
import { blindValidator, type CacheEntryOut } from "./validator-cache.js";

/** Compiles one version (no cache). Throws `InputError` for an input that cannot be read. */
export async function compileVersionOutcome(
  project: Project,
  extensions: readonly PlanExtension[],
  contract: ContractSource,
  source: VersionSource,
  ctx?: LoadContext,
  /** Where printed types skeletons are looked up (this thread's cache only); what was printed is in `skeletons`. */
  cache?: CompileCache,
): Promise<CompiledOutcome> {
  const plan = new Map<string, string>();
  const entries: CacheEntryOut[] = [];
  let result: Awaited<ReturnType<typeof compileVersion>>;
  try {
    result = await compileVersion(project, extensions, ctx ?? { schemasDir: project.schemasDir, rootDir: project.rootDir }, contract, source, plan, cache, entries);
  } catch (error) {
    // The loader bounds how deep references nest (src/load/ref-depth.ts); a stack that still runs out (a schema too
    // wide for a generator) is that input error, never the RangeError's text.
    if (isStackOverflow(error)) throw stackExhausted(source.display);
    throw error;
  }
  const outcome: VersionOutcome = {
    files: [...plan],
    ...(result.compiled !== undefined
      ? { compiled: { draft: result.compiled.draft, schema: result.compiled.schema, hash: result.compiled.hash, validatorCode: result.compiled.validatorCode } }
      : {}),
    problems: result.problems,
    warnings: result.warnings,
    examples: result.examples,
  };
  return { outcome, read: result.read, ...(entries.length > 0 ? { entries } : {}) };
}

async function compileVersion(
  project: Project,
  extensions: readonly PlanExtension[],
  ctx: LoadContext,
  contract: ContractSource,
  source: VersionSource,
  plan: Map<string, string>,
  cache: CompileCache | undefined,
  entries: CacheEntryOut[],
): Promise<{ compiled?: CompiledVersion; problems: Diagnostic[]; warnings: Diagnostic[]; examples: number; read: readonly string[] }> {
  const mapped = loadSchemaFileMapped(source.file, ctx);
  const loaded = mapped.loaded;
  const read = loaded.files;
  const validator = await blindValidator(cache, entries, { schema: loaded.schema, draft: loaded.draft, display: source.display, policy: project.strictness }, async () =>
    (await validators()).compileValidator(loaded.schema, loaded.draft, source.display, project.strictness),
  );
  // Strictness findings name the file and pointer the user wrote (a hoisted `_shared` definition, not the bundle).
  const located = (d: Diagnostic): Diagnostic =>
    (d.code.startsWith("strict.") || d.code === "schema.pattern-redos") && d.pointer !== undefined ? { ...d, ...mapped.sourceOf(d.pointer) } : d;
  // In document order, so the list reads top to bottom like the file.
  const warnings = [...(loaded.warnings ?? []), ...validator.warnings.map(located)]
    .sort((x, y) => (x.line ?? 0) - (y.line ?? 0) || (x.column ?? 0) - (y.column ?? 0) || x.code.localeCompare(y.code));
  if (!validator.ok) return { problems: validator.problems.map(located), warnings, examples: 0, read };

  const names = versionNames(contract.name, source.version);
  const validatorCode = validator.code;
  const types = await emitTypes({ schema: loaded.schema, draft: loaded.draft, rootName: names.type, reserved: VERSION_MODULE_TYPE_IMPORTS }, skeletonStore(cache, entries));
  const hash = contractHash(loaded.schema);
  const prefix = `${contract.name}/v${source.version}`;
  plan.set(
    `${prefix}.ts`,
    renderVersionModule({
      contract: contract.name,
      version: source.version,
      kind: contract.manifest.kind,
      draft: loaded.draft,
      source: source.display,
      schema: loaded.schema,
      hash,
      types,
      ...(project.limits !== undefined ? { limits: project.limits } : {}),
      worded: hasWordedCollector(validatorCode),
    }),
  );
  plan.set(`${prefix}.validate.ts`, renderValidatorModule(contract.name, source.version, source.display, validatorCode));

  const compiled: CompiledVersion = { contract, source, draft: loaded.draft, schema: loaded.schema, hash, validatorCode };
  for (const files of await extensionFiles(extensions, compiled)) for (const [rel, text] of files) plan.set(rel, text);
  if (!hasExamples(contract, source.version)) return { compiled, problems: [], warnings, examples: 0, read };
  // Golden examples run through the exact generated validator code, not a re-compiled in-memory one; the outcome of
  // these very files under this very code (an annotation-only edit's) is taken from the cache.
  const ex = await cachedExamples(cache, entries, project, contract, source.version, validatorCode, async () =>
    (await import("./examples-run.js")).checkExamples(project, contract, source.version, await loadValidator(validatorCode)),
  );
  return { compiled, problems: ex.problems, warnings, examples: ex.count, read };
}

/**
 * Every extension's files for `compiled`, in the extensions' order. They are asked all at once, because an
 * extension's module is imported on its first use (src/api/extensions.ts): the first compile of a run (an
 * annotation-only edit's only one) then loads them together instead of one after the other. What each returns does
 * not depend on the others; when some fail, the error is the first failing extension's in order, as one by one.
 */
async function extensionFiles(extensions: readonly PlanExtension[], compiled: CompiledVersion): Promise<ReadonlyMap<string, string>[]> {
  const settled = await Promise.allSettled(extensions.map(async (extension) => extension.files(compiled)));
  return settled.map((s) => {
    if (s.status === "rejected") throw s.reason;
    return s.value;
  });
}

/**
 * The compilers a version's compile loads on first use (ajv and the validator emitter, the types printer's
 * libraries), loaded now: a worker calls it as it starts, so that a worker started early (`startEarly`) loads them
 * while the main thread lists the jobs.
 */
export function preloadCompilers(): Promise<unknown> {
  return Promise.all([validators(), printingLibraries()]);
}

/*
 * Why the validator compiler is imported on first use: with worker threads only the workers compile, and the main
 * thread would otherwise load ajv before it even starts them; and a validator found by its blind schema
 * (validator-cache.ts) needs no ajv at all. The types printer loads its libraries itself, on first use.
 */
let loadedValidators: Promise<typeof import("../emit/validators/index.js")> | undefined;
function validators(): NonNullable<typeof loadedValidators> {
  loadedValidators ??= import("../emit/validators/index.js");
  return loadedValidators;
}
