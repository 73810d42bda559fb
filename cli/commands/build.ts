import path from "node:path";
import { build, type Unexampled } from "../../src/api/build.js";
import { displayPath, type Project } from "../../src/config/config.js";
import { EXIT_CODE_TABLE, exitCodeOf } from "../../src/exit-codes.js";
import { readRegular } from "../../src/contain/read-regular.js";
import { MAX_FILE_BYTES } from "../../src/load/limits.js";
import { outputFormat, parse, COMMON_OPTIONS, UsageError } from "../args.js";
import { CACHE_HELP, CACHE_OPTIONS, cacheOptions } from "../cache-flags.js";
import { progressFor } from "../progress.js";
import { printDiagnostics, printJson, printWarnings, projectFrom, type Io } from "../output.js";

export const BUILD_HELP = `llm-contracts build [--root DIR | --config FILE] [--format text|json] [--watch] [--verbose] [--no-cache] [--cache-dir DIR]

Compiles every contract under schemas/ into generated/: TypeScript types, standalone validators, indexes.
Writes nothing when any input has a problem, and nothing when generated/ is already up to date.
Only contracts that changed since the last run are compiled again (the build cache); the output is the same.
  --watch          build, then rebuild what changed whenever a file under schemas/ changes (one line per
                   rebuild; a failing build is reported and watching goes on)
  --verbose        list every migration module created or updated (default: one summary line each)
${CACHE_HELP}

${EXIT_CODE_TABLE}`;

export async function buildCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { ...COMMON_OPTIONS, ...CACHE_OPTIONS, watch: { type: "boolean" }, verbose: { type: "boolean" } });
  if (values.help === true) {
    io.out(BUILD_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  const project = projectFrom(values, io);
  const cache = cacheOptions(values, io.cwd);
  if (values.watch === true) {
    if (format !== "text") throw new UsageError("--watch prints text lines; it cannot be combined with --format json");
    const { watchBuild } = await import("../../src/watch/watch.js");
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    await watchBuild(project, { cache, signal: stop.signal, out: (l) => io.out(l), err: (l) => io.err(l) });
    return 0;
  }
  const progress = progressFor(process.stderr);
  const result = await build(project, { cache, ...(progress !== undefined ? { onProgress: (d: number, t: number) => progress.update(d, t) } : {}) });
  progress?.end();
  const out = displayPath(project.rootDir, project.outDir);
  if (format === "json") {
    // The JSON result is the documented one: the hint's list stays out of it.
    const { unexampled: _hint, ...shown } = result.ok ? result : { ...result, unexampled: undefined };
    printJson(io, result.ok ? { ...shown, outDir: out } : shown);
    return result.ok ? 0 : exitCodeOf(result.problems);
  }
  printWarnings(io, result.warnings);
  if (!result.ok) {
    printDiagnostics(io, result.problems);
    io.err(`build failed: ${result.problems.length} problem(s); nothing was written`);
    return exitCodeOf(result.problems);
  }
  if (!result.changed) io.out(`${out}/ is up to date (${result.contracts} contracts, ${result.versions} versions)`);
  else {
    io.out(
      `built ${result.contracts} contracts, ${result.versions} versions into ${out}/: ` +
        `${result.written} file(s) written, ${result.removed} removed; ${result.examples} golden example(s) passed`,
    );
  }
  await examplesHint(project, values.verbose === true, io, result.unexampled);
  // Migration modules are the user's files: say which ones the build touched, in one line each kind (--verbose: each file).
  const { created, updated } = result.migrations;
  const marked = created.filter((file) => hasMarkers(path.resolve(project.rootDir, file)));
  if (values.verbose === true) {
    for (const file of created) io.out(`created migration stub ${file}${marked.includes(file) ? ": implement the marked decisions" : " (nothing to decide)"}`);
    for (const file of updated) io.out(`updated imports/signature of ${file} (body unchanged)`);
  } else {
    const more = " (--verbose lists them)";
    if (created.length === 1) io.out(`created migration stub ${created[0]}${marked.length > 0 ? ": implement the marked decisions" : " (nothing to decide)"}`);
    else if (created.length > 1) {
      const decide = marked.length === 0 ? "none has decisions to make" : `${marked.length} with notImplemented(...) decisions to implement (\`llm-contracts check\` lists them)`;
      io.out(`created ${created.length} migration stubs: ${decide}${more}`);
    }
    if (updated.length === 1) io.out(`updated imports/signature of ${updated[0]} (body unchanged)`);
    else if (updated.length > 1) io.out(`updated imports/signatures of ${updated.length} migrations (bodies unchanged)${more}`);
  }
  return 0;
}

/**
 * Whether a migration module still calls the marker (a text scan: the header's {@link} is not a call). Read like
 * every project file (src/contain): a module that is now a pipe or too large is no hint, never a wait.
 */
function hasMarkers(file: string): boolean {
  const read = readRegular(file, { limit: MAX_FILE_BYTES });
  return read.ok && /\bnotImplemented\(/.test(read.bytes.toString("utf8"));
}

/**
 * A hint (stdout, never failing) for versions with no golden examples: build checks the generated validator
 * against them, so a version without any is only as tested as its schema. One line; --verbose names every version.
 */
async function examplesHint(project: Project, verbose: boolean, io: Io, known: Unexampled | undefined): Promise<void> {
  // A result recorded by an older version of the tool does not carry the list: then it is read here.
  const { versions, firstFolder } = known ?? (await unexampledOnDisk(project));
  if (versions.length === 0 || firstFolder === undefined) return;
  const named = verbose || versions.length <= 3 ? versions.join(", ") : `${versions.slice(0, 3).join(", ")} and ${versions.length - 3} more (--verbose lists them)`;
  io.out(`hint: ${versions.length} version(s) have no golden examples (${named}): add documents the model may return to ${firstFolder}/valid/ and ones it must reject to ${firstFolder}/invalid/; build then checks the validator against them`);
}

async function unexampledOnDisk(project: Project): Promise<Unexampled> {
  const { discoverContracts } = await import("../../src/discover/discover.js");
  const { versionsWithoutExamples } = await import("../../src/api/compile.js");
  return versionsWithoutExamples(project, discoverContracts(project).contracts);
}
