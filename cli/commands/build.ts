import { displayPath, resolveProject } from "../../src/config/config.js";
import { compileProject } from "../../src/compile/compile.js";
import { applyPlan } from "../../src/write/apply.js";
import { COMMON_OPTIONS, outputFormat, parse } from "../args.js";
import { printDiagnostics, printJson, type Io } from "../output.js";

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
  const project = resolveProject({ cwd: io.cwd, ...(values.root !== undefined ? { root: values.root } : {}), ...(values.config !== undefined ? { config: values.config } : {}) });
  const result = await compileProject(project);
  const outDisplay = displayPath(project.rootDir, project.outDir);
  if (result.problems.length > 0) {
    if (format === "json") printJson(io, { ok: false, problems: result.problems });
    else {
      printDiagnostics(io, result.problems);
      io.err(`build failed: ${result.problems.length} problem(s); nothing was written`);
    }
    return 2;
  }
  const applied = applyPlan(project.outDir, result.plan, outDisplay);
  const summary = {
    contracts: result.contracts.length,
    versions: result.versions.length,
    examples: result.examples,
    files: result.plan.size,
    changed: applied.changed,
    written: applied.diff.missing.length + applied.diff.stale.length + applied.diff.edited.length,
    removed: applied.diff.extra.length,
  };
  if (format === "json") printJson(io, { ok: true, outDir: outDisplay, ...summary });
  else if (!applied.changed) io.out(`${outDisplay}/ is up to date (${summary.contracts} contracts, ${summary.versions} versions)`);
  else {
    io.out(
      `built ${summary.contracts} contracts, ${summary.versions} versions into ${outDisplay}/: ` +
        `${summary.written} file(s) written, ${summary.removed} removed, ${summary.examples} golden example(s) passed`,
    );
  }
  return 0;
}
