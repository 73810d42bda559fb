import { build } from "../../src/api/build.js";
import { displayPath } from "../../src/config/config.js";
import { outputFormat, parse, COMMON_OPTIONS } from "../args.js";
import { printDiagnostics, printJson, printWarnings, projectFrom, type Io } from "../output.js";

export const BUILD_HELP = `llm-contracts build [--root DIR | --config FILE] [--format text|json]

Compiles every contract under schemas/ into generated/: TypeScript types, standalone validators, indexes.
Writes nothing when any input has a problem (exit 2), and nothing when generated/ is already up to date.`;

export async function buildCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, COMMON_OPTIONS);
  if (values.help === true) {
    io.out(BUILD_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  const project = projectFrom(values, io);
  const result = await build(project);
  const out = displayPath(project.rootDir, project.outDir);
  if (format === "json") {
    printJson(io, result.ok ? { ...result, outDir: out } : result);
    return result.ok ? 0 : 2;
  }
  printWarnings(io, result.warnings);
  if (!result.ok) {
    printDiagnostics(io, result.problems);
    io.err(`build failed: ${result.problems.length} problem(s); nothing was written`);
    return 2;
  }
  if (!result.changed) io.out(`${out}/ is up to date (${result.contracts} contracts, ${result.versions} versions)`);
  else {
    io.out(
      `built ${result.contracts} contracts, ${result.versions} versions into ${out}/: ` +
        `${result.written} file(s) written, ${result.removed} removed; ${result.examples} golden example(s) passed`,
    );
  }
  // Migration modules are the user's files: say which ones the build touched.
  for (const file of result.migrations.created) io.out(`created migration stub ${file}: implement the marked decisions`);
  for (const file of result.migrations.updated) io.out(`updated imports/signature of ${file} (body unchanged)`);
  return 0;
}
