import { check } from "../../src/api/build.js";
import { displayPath } from "../../src/config/config.js";
import { outputFormat, parse, COMMON_OPTIONS } from "../args.js";
import { CACHE_HELP, CACHE_OPTIONS, cacheOptions } from "../cache-flags.js";
import { printDiagnostics, printJson, printWarnings, projectFrom, type Io } from "../output.js";

export const CHECK_HELP = `llm-contracts check [--root DIR | --config FILE] [--format text|json] [--no-cache] [--cache-dir DIR]

Writes nothing. Exit 1 listing every problem: generated/ stale or hand-edited, schemas invalid against their
meta-schema or in strict mode, golden examples that fail, version gaps. Exit 2 when an input cannot be read.
Only what changed since the last run is checked again (the build cache); the result is the same either way.
${CACHE_HELP}`;

export async function checkCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, { ...COMMON_OPTIONS, ...CACHE_OPTIONS });
  if (values.help === true) {
    io.out(CHECK_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  const project = projectFrom(values, io);
  const result = await check(project, { cache: cacheOptions(values, io.cwd) });
  if (format === "json") {
    printJson(io, { ok: result.exitCode === 0, ...result });
    return result.exitCode;
  }
  printWarnings(io, result.warnings);
  if (result.exitCode === 0) {
    const out = displayPath(project.rootDir, project.outDir);
    io.out(`check passed: ${result.contracts} contracts, ${result.versions} versions, ${result.examples} golden examples, ${out}/ up to date`);
  } else {
    printDiagnostics(io, result.problems);
    io.err(`check failed: ${result.problems.length} problem(s)`);
  }
  return result.exitCode;
}
