import { lstatSync } from "../contain/stat.js";
import { OUTPUT_FILE_LIMIT, readRegular } from "../contain/read-regular.js";
import path from "node:path";
import { displayPath, type Project } from "../config/config.js";
import type { ContractSource } from "../discover/discover.js";
import type { Diagnostic } from "../errors.js";
import { exitCodeOf } from "../exit-codes.js";
import { CacheSession, type CacheOptions } from "../cache/session.js";
import type { CompileCache } from "../cache/version.js";
import type { CompileOptions } from "../compile/compile.js";
import type { Scope } from "../incremental/run.js";
import type { Changes } from "../incremental/changes.js";
import type { StreamedOutput } from "../write/stream.js";
import { tracePhases, type Phases } from "./phases.js";
import { withRunCache } from "../cache/context.js";
import type { StubSync } from "../migrate/sync.js";
import type { ModuleMemo } from "../emit/javascript/isolated.js";

export type { CacheOptions } from "../cache/session.js";

export interface BuildSummary {
  readonly contracts: number;
  readonly versions: number;
  readonly examples: number;
  readonly files: number;
}

/** The versions with no golden examples (for the CLI's hint), and the examples folder of the first. */
export interface Unexampled {
  readonly versions: readonly string[];
  readonly firstFolder?: string;
}

/** `warnings`: strictness findings that do not refuse the build (see src/strictness), one per file and pointer. */
export type BuildResult =
  | ({ readonly ok: true; readonly changed: boolean; readonly written: number; readonly removed: number; readonly migrations: StubSync; readonly warnings: readonly Diagnostic[]; readonly unexampled?: Unexampled } & BuildSummary)
  | { readonly ok: false; readonly problems: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

export interface RunOptions {
  readonly cache?: CacheOptions;
  /** Worker threads compiling versions (default: `LLM_CONTRACTS_WORKERS`, else the available parallelism). */
  readonly workers?: number;
  /** Versions compiled of the total, as they finish (see cli/progress.ts); never changes a result. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface CheckOptions extends RunOptions {
  /**
   * The files a commit changed (absolute paths; the git hook's): the check proves only the contracts they belong
   * to and takes the others as the previous run left them (src/incremental/focus.ts). Without a previous run, or
   * with a changed file no single contract owns (the config, a new contract), the whole project is checked.
   */
  readonly focus?: readonly string[];
}

/*
 * Why the compiler is imported inside the functions: a run the cache proves to be a no-op replays the previous
 * result and must not pay for loading TypeScript, ts-morph, json-schema-to-typescript or ajv.
 */

/** Compiles a project and writes its output folder atomically. With any input problem nothing is written. */
export async function build(project: Project, options: RunOptions = {}): Promise<BuildResult> {
  const phases = tracePhases("build");
  const session = CacheSession.open<BuildResult>("build", project, options.cache);
  const replayed = session?.replay();
  if (replayed !== undefined) {
    // A dead run's staging beside the output folder is cleared by the next build, also when nothing else changed.
    const { clearDeadRuns, leftovers } = await import("../write/lock.js");
    if (leftovers(project.outDir).length > 0) clearDeadRuns(project.outDir, displayPath(project.rootDir, project.outDir));
    return replayed;
  }
  const { openScope } = await import("../incremental/run.js");
  // Before the cache is opened: the changes walk gives the hash memo and may prove the tool identity (session.ts).
  const opened = session === undefined ? {} : openScope(session, project);
  phases.mark("cache and changes");
  if (session !== undefined && opened.scope !== undefined && opened.changes !== undefined) {
    const unexampledHolds = async (previous: BuildResult, contracts: readonly ContractSource[]): Promise<boolean> =>
      previous.ok && sameUnexampled(previous, contracts, (await import("../compile/examples.js")).hasExamples);
    const kept = await examplesOnlyRun(project, session, opened.scope, opened.changes, phases, unexampledHolds);
    if (kept !== undefined) {
      const { clearDeadRuns, leftovers } = await import("../write/lock.js");
      if (leftovers(project.outDir).length > 0) clearDeadRuns(project.outDir, displayPath(project.rootDir, project.outDir));
      return kept;
    }
  }
  const stream = await streamColdOutput(project);
  try {
    return await buildWith(project, options, session, opened, compileCache(session), stream, phases);
  } finally {
    stream?.discard();
  }
}

async function buildWith(
  project: Project,
  options: RunOptions,
  session: CacheSession<BuildResult> | undefined,
  { scope, changes }: { scope?: Scope | undefined; changes?: Changes | undefined },
  cache: CompileCache | undefined,
  stream: StreamedOutput | undefined,
  phases: Phases,
): Promise<BuildResult> {
  const { unitsText, reuseOthers, keptFolders } = await import("../incremental/run.js");
  const { compileProject } = await import("./compile.js");
  const onFiles = stream === undefined ? {} : { onFiles: (files: readonly (readonly [string, string])[]) => stream.write(files) };
  // A cold output folder comes with cold migration modules: the stub pass after the compile parses them with the
  // TypeScript compiler. Loaded while the workers start and compile, it is not a serial step after them.
  if (stream !== undefined) setImmediate(() => void import("../typescript.js").catch(() => undefined));
  const result = await compileProject(project, { ...compileOptions(cache, options, scope), ...onFiles });
  phases.mark(stream === undefined ? "compile" : "compile (writing as versions arrive)");
  const { nextUnits, totals } = await import("../incremental/assemble.js");
  const all = totals(result, scope);
  if (result.problems.length > 0) {
    const failed: BuildResult = { ok: false, problems: result.problems, warnings: all.warnings };
    session?.record(failed, unitsText(nextUnits(project, result, scope, new Map())), reuseOthers(changes, scope));
    return failed;
  }
  // Migration modules are planned before anything is written: one that is another contract's is refused (exit 2)
  // while generated/ and every module are as they were (src/migrate/cached-stubs.ts).
  const { planStubsCached, writeStubs } = await import("../migrate/cached-stubs.js");
  const stubs = await planStubsCached(project, result, cache?.store);
  const { applyPlan } = await import("../write/apply.js");
  const { outputPlan } = await import("../emit/javascript/plan.js");
  const hashOf = cache?.hasher === undefined ? undefined : (f: string) => cache.hasher.hash(f);
  const applied = applyPlan(project.outDir, await outputPlan(project, result, moduleMemo(cache)), displayPath(project.rootDir, project.outDir), hashOf, keptFolders(scope), stream);
  phases.mark("write");
  // The hashes taken to compare are of the files just replaced: the snapshot must record the new ones.
  if (applied.changed) cache?.hasher.forgetUnder(project.outDir);
  // Migration modules belong to the user: created when missing, imports and signatures kept in step, bodies untouched.
  const migrations = await writeStubs(stubs, cache?.store);
  phases.mark("migration stubs");
  const unexampled = await unexampledOf(project, result.contracts, scope, session?.previousResult());
  phases.mark("unexampled");
  const summary = { contracts: all.contracts, versions: all.versions, examples: all.examples, files: all.files, unexampled };
  // What the same build reports once it has run: nothing to write.
  if (session !== undefined) {
    await dependOnMigrations(session, project, result.contracts, scope);
    const recorded: BuildResult = { ok: true, changed: false, migrations: { created: [], updated: [] }, warnings: all.warnings, written: 0, removed: 0, ...summary };
    session.record(recorded, unitsText(nextUnits(project, result, scope, new Map())), reuseOthers(changes, scope));
    phases.mark("snapshot");
  }
  return {
    ok: true,
    changed: applied.changed || migrations.created.length + migrations.updated.length > 0,
    migrations,
    warnings: all.warnings,
    written: applied.diff.missing.length + applied.diff.stale.length + applied.diff.edited.length,
    removed: applied.diff.extra.length,
    ...summary,
  };
}


export interface CheckResult extends BuildSummary {
  readonly problems: readonly Diagnostic[];
  /** Strictness findings that are not problems (printed, never failing). */
  readonly warnings: readonly Diagnostic[];
  /** 0 nothing wrong, 1 problems found, 2 some input could not be read. */
  readonly exitCode: 0 | 1 | 2;
  /** A focused check (`CheckOptions.focus`): the contracts it proved; the others stand as the previous run left them. */
  readonly focused?: readonly string[];
}

/** Everything `build` would do, compared with what is on disk. Writes nothing (but the cache). */
export async function check(project: Project, options: CheckOptions = {}): Promise<CheckResult> {
  const phases = tracePhases("check");
  const session = CacheSession.open<CheckResult>("check", project, options.cache);
  const focus = session === undefined || options.focus === undefined ? undefined : (await import("../incremental/run.js")).focusSession(session, project, options.focus);
  const focused = async (result: CheckResult): Promise<CheckResult> => {
    if (focus === undefined) return result;
    const { withinFocus } = await import("../incremental/focus.js");
    const problems = withinFocus(focus, project.rootDir, result.problems);
    return { ...result, problems, warnings: withinFocus(focus, project.rootDir, result.warnings), exitCode: exitCodeOf(problems), focused: [...focus.names].sort() };
  };
  // A focused run walks the snapshot once, for its changes: none at all is its replay.
  const replayed = focus === undefined ? session?.replay() : undefined;
  phases.mark(focus === undefined ? "snapshot read and replay" : `snapshot and units read, focused on ${focus.names.size} contract(s)`);
  if (replayed !== undefined) return replayed;
  const { openScope, keptFolders, unitsText, reuseOthers } = await import("../incremental/run.js");
  // Before the cache is opened: the changes walk gives the hash memo and may prove the tool identity (session.ts).
  const { scope, changes, unchanged } = session === undefined ? {} : openScope(session, project);
  phases.mark("changes and scope");
  const previous = unchanged === true ? session?.previousResult() : undefined;
  if (previous !== undefined) return focused(previous);
  if (session !== undefined && scope !== undefined && changes !== undefined) {
    const kept = await examplesOnlyRun(project, session, scope, changes, phases, () => true);
    if (kept !== undefined) return focused(kept);
  }
  const cache = compileCache(session);
  const { compileProject } = await import("./compile.js");
  phases.mark("cache and compiler loaded");
  const result = await compileProject(project, compileOptions(cache, options, scope));
  phases.mark("compile");
  const { nextUnits, orderFindings, totals } = await import("../incremental/assemble.js");
  const all = totals(result, scope);
  const out = displayPath(project.rootDir, project.outDir);
  const problems: Diagnostic[] = [...result.problems];
  let units: string | undefined;
  // Only a complete build can be compared: with input problems the plan is partial and every file would differ.
  if (problems.length === 0) {
    const { diffPlan } = await import("../write/plan.js");
    const { outputPlan } = await import("../emit/javascript/plan.js");
    const diff = diffPlan(project.outDir, await outputPlan(project, result, moduleMemo(cache)), cache === undefined ? undefined : (f) => cache.hasher.hash(f), keptFolders(scope));
    const hint = "run `llm-contracts build`";
    const as = (code: string, files: readonly string[], message: string): Diagnostic[] => files.map((rel) => ({ code, file: `${out}/${rel}`, message }));
    // Loaded only when some file is left over: a check with nothing extra never reads a banner.
    const banner = diff.extra.length === 0 ? undefined : (await import("../emit/codegen/module.js")).readBanner;
    const foreign = (rel: string): boolean => banner !== undefined && foreignFile(banner, project.outDir, rel);
    const found: Diagnostic[][] = [
      as("generated.missing", diff.missing, `not generated yet: ${hint}`),
      as("generated.stale", diff.stale, `out of date with the schemas: ${hint}`),
      as("generated.edited", diff.edited, `edited by hand; generated files are overwritten by every build: ${hint}`),
      as("generated.extra", diff.extra.filter((rel) => !foreign(rel)), `left over from a removed contract or version: ${hint}`),
      // What build refuses to replace: "run build" would not resolve it (see assertOwned in src/write/apply.ts).
      as("generated.foreign-file", diff.extra.filter((rel) => foreign(rel)), FOREIGN_FILE_HINT),
    ];
    // Contracts whose golden examples alone changed keep their step findings: no step runs for them (settled.ts).
    phases.mark("compare generated/");
    const { settledContracts, stepInput, carrySettled } = await import("../incremental/settled.js");
    const settled = settledContracts(project, scope, changes);
    const input = stepInput(result, settled);
    const firstStep = found.length;
    const { CHECK_STEPS, runSteps } = await import("./steps.js");
    // With nothing to check (every redone contract settled, no toolset finding to make again) no step runs.
    const idle = settled.size > 0 && input.contracts.length === 0 && Object.keys(project.toolsets).length === 0;
    const run = session === undefined || cache === undefined ? undefined : { session, store: cache.store, hasher: cache.hasher };
    await withRunCache(run, async () => {
      if (idle) found.push(...CHECK_STEPS.map(() => []));
      else found.push(...(await runSteps(CHECK_STEPS, project, input)));
      phases.mark(`steps (${CHECK_STEPS.map((s) => s.name).join(", ")})`);
    });
    carrySettled(scope, settled, firstStep, found);
    const ordered = orderFindings(project, result, scope, found);
    problems.push(...ordered.problems);
    units = unitsText(nextUnits(project, result, scope, ordered.owned));
  } else units = unitsText(nextUnits(project, result, scope, undefined));
  const exitCode = exitCodeOf(problems);
  const checked: CheckResult = {
    problems,
    warnings: all.warnings,
    exitCode,
    contracts: all.contracts,
    versions: all.versions,
    examples: all.examples,
    files: all.files,
  };
  if (session !== undefined) {
    await dependOnMigrations(session, project, result.contracts, scope);
    session.record(checked, units, reuseOthers(changes, scope));
    phases.mark("snapshot");
  }
  return focused(checked);
}

/**
 * The examples-only lane (src/incremental/examples-lane.ts): when the changes are golden examples whose outcome the
 * previous run's result already holds (and `holds` agrees: build's also names the versions without examples), that
 * result, recorded again with the same units; undefined otherwise (the usual path runs, and meets whatever stopped
 * the lane: an error thrown here is not this run's answer). Why build may take it: nothing it writes depends on an
 * example, so the previous build, which left the output folder and migrations as the walk proved them, wrote all.
 */
async function examplesOnlyRun<R extends object>(
  project: Project,
  session: CacheSession<R>,
  scope: Scope,
  changes: Changes,
  phases: Phases,
  holds: (previous: R, contracts: readonly ContractSource[]) => boolean | Promise<boolean>,
): Promise<R | undefined> {
  // A first sieve before anything is loaded for it (examplesOnly decides): every change has an examples folder on its way.
  const within = `${path.sep}examples${path.sep}`;
  if (!changes.changed.every((abs) => abs.includes(within))) return undefined;
  const previous = session.previousResult();
  const units = session.unitsReadText;
  if (previous === undefined || units === undefined) return undefined;
  // Both loaded at once (their files are read while the other compiles): the lane runs the second whenever it runs
  // an example, and the usual path, should the lane not be taken, loads it with the compile (compile.ts).
  const [{ examplesOnly }, { cachedExamplesOutcome }] = await Promise.all([import("../incremental/examples-lane.js"), import("../compile/examples-again.js")]);
  const cache = compileCache(session)!;
  let contracts: readonly ContractSource[] | undefined;
  try {
    contracts = await examplesOnly(project, scope, changes, (contract, source) => cachedExamplesOutcome(project, cache, contract, source));
    if (contracts !== undefined && !(await holds(previous, contracts))) contracts = undefined;
  } catch {
    return undefined;
  }
  if (contracts === undefined) return undefined;
  phases.mark("examples only: the previous result stands");
  const { reuseOthers } = await import("../incremental/run.js");
  await dependOnMigrations(session, project, contracts, scope);
  session.record(previous, units, reuseOthers(changes, scope));
  phases.mark("snapshot");
  return previous;
}

/** Whether a build's recorded versions without examples are still those of `contracts` (a version's folder added or removed). */
/**
 * Listed by build, not by the CLI, so that a build the cache replays carries it and reads no contract again. A
 * whole-project compile discovered every contract already; an incremental one only those it redid, and the others'
 * entries are the previous build's (src/incremental/unexampled.ts), else found by discovering the whole project.
 */
async function unexampledOf(project: Project, compiled: readonly ContractSource[], scope: Scope | undefined, previous: BuildResult | undefined): Promise<Unexampled> {
  const { versionsWithoutExamples } = await import("./compile.js");
  const redone = versionsWithoutExamples(project, compiled);
  if (scope === undefined) return redone;
  const { carryUnexampled } = await import("../incremental/unexampled.js");
  const carried = carryUnexampled(project, previous?.ok === true ? previous.unexampled : undefined, scope.names, redone);
  if (carried !== undefined) return carried;
  const { discoverContracts } = await import("../discover/discover.js");
  return versionsWithoutExamples(project, discoverContracts(project).contracts);
}

function sameUnexampled(previous: BuildResult & { ok: true }, contracts: readonly ContractSource[], hasExamples: (c: ContractSource, version: number) => boolean): boolean {
  if (previous.unexampled === undefined) return false;
  const listed = new Set(previous.unexampled.versions);
  return contracts.every((c) => c.versions.every((v) => listed.has(`${c.name} v${v.version}`) !== hasExamples(c, v.version)));
}

/**
 * A cold build (no output folder yet, the TypeScript flavour, whose plan is written as compiled) writes each
 * version's files while the others compile (src/write/stream.ts); any other build writes after the compile, where
 * most files are compared and carried rather than written.
 */
async function streamColdOutput(project: Project): Promise<StreamedOutput | undefined> {
  if (project.emit === "js") return undefined;
  try {
    if (lstatSync(project.outDir, { throwIfNoEntry: false }) !== undefined) return undefined;
  } catch {
    return undefined; // a file where a parent folder must be: the apply reports it
  }
  const { openStream } = await import("../write/stream.js");
  return openStream(project.outDir);
}

function compileOptions(cache: CompileCache | undefined, options: RunOptions, scope: Scope | undefined): CompileOptions {
  return {
    ...(cache !== undefined ? { cache } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(scope !== undefined ? { scope } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
  };
}

/** Migration folders may live outside the schemas folder (`migrationsDir`); the result depends on them too. */
async function dependOnMigrations(session: CacheSession<unknown>, project: Project, contracts: readonly ContractSource[], scope: Scope | undefined): Promise<void> {
  const { migrationSettings } = await import("../migrate/layout.js");
  const { otherMigrationFolders } = await import("../incremental/run.js");
  for (const dir of otherMigrationFolders(scope)) session.dependOnTree(dir);
  for (const contract of contracts) {
    try {
      session.dependOnTree(migrationSettings(project, contract).migrationsDir);
    } catch {
      // reported by the run itself
    }
  }
}

/** The JavaScript flavour's compiled modules, kept in the cache (`"emit": "js"`; the TypeScript flavour never asks). */
function moduleMemo(cache: CompileCache | undefined): ModuleMemo | undefined {
  if (cache === undefined) return undefined;
  const { store } = cache;
  return { get: (key) => store.get<unknown>(store.key("js-module", key)), set: (key, value) => store.set(store.key("js-module", key), value) };
}

function compileCache(session: CacheSession<unknown> | undefined): CompileCache | undefined {
  return session === undefined ? undefined : { store: session.store(), hasher: session.hasher };
}

/** The advice for a file in the output folder that llm-contracts did not generate (the same words as build's refusal). */
const FOREIGN_FILE_HINT = "the output folder holds a file llm-contracts did not generate; move it away or choose another outDir";

/**
 * A file in the output folder without the generated banner: build refuses to replace the folder while it is there.
 * Read as build's refusal reads it (src/write/apply.ts): a link, a pipe or a file too large to be ours has no banner.
 */
function foreignFile(readBanner: (text: string) => unknown, outDir: string, rel: string): boolean {
  const read = readRegular(path.join(outDir, ...rel.split("/")), { limit: OUTPUT_FILE_LIMIT, noFollow: true });
  if (!read.ok) return read.why !== "absent";
  return readBanner(read.bytes.toString("utf8")) === undefined;
}
