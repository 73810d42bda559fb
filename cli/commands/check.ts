import { displayPath, resolveProject } from "../../src/config/config.js";
import { compileProject } from "../../src/compile/compile.js";
import type { Diagnostic } from "../../src/errors.js";
import { diffPlan } from "../../src/write/plan.js";
import { COMMON_OPTIONS, outputFormat, parse } from "../args.js";
import { printDiagnostics, printJson, type Io } from "../output.js";

export const CHECK_HELP = `llm-contracts check [--root DIR | --config FILE] [--format text|json]

Writes nothing. Exit 1 listing every problem: generated/ stale or hand-edited, schemas invalid against their
meta-schema or in strict mode, golden examples that fail, version gaps. Exit 2 when an input cannot be read.`;

/** Problems `check` exists to find (exit 1). Anything else it meets is an input error (exit 2). */
const CHECK_FINDINGS = /^(schema\.(meta|strict|compile)|example\.|generated\.|contract\.version-(gap|duplicate))/;

export async function checkCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, COMMON_OPTIONS);
  if (values.help === true) {
    io.out(CHECK_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  const project = resolveProject({ cwd: io.cwd, ...(values.root !== undefined ? { root: values.root } : {}), ...(values.config !== undefined ? { config: values.config } : {}) });
  const result = await compileProject(project);
  const outDisplay = displayPath(project.rootDir, project.outDir);
  const problems: Diagnostic[] = [...result.problems];
  // Only a complete build can be compared: with input problems the plan is partial and every file would differ.
  if (problems.length === 0) {
    const diff = diffPlan(project.outDir, result.plan);
    const hint = "run `llm-contracts build`";
    for (const rel of diff.missing) problems.push({ code: "generated.missing", file: `${outDisplay}/${rel}`, message: `not generated yet: ${hint}` });
    for (const rel of diff.stale) problems.push({ code: "generated.stale", file: `${outDisplay}/${rel}`, message: `out of date with schemas/: ${hint}` });
    for (const rel of diff.edited) problems.push({ code: "generated.edited", file: `${outDisplay}/${rel}`, message: `edited by hand; generated files are overwritten by every build: ${hint}` });
    for (const rel of diff.extra) problems.push({ code: "generated.extra", file: `${outDisplay}/${rel}`, message: `left over from a removed contract or version: ${hint}` });
  }
  const exit = problems.length === 0 ? 0 : problems.every((p) => CHECK_FINDINGS.test(p.code)) ? 1 : 2;
  if (format === "json") {
    printJson(io, { ok: exit === 0, contracts: result.contracts.length, versions: result.versions.length, examples: result.examples, problems });
  } else if (exit === 0) {
    io.out(`check passed: ${result.contracts.length} contracts, ${result.versions.length} versions, ${result.examples} golden examples, ${outDisplay}/ up to date`);
  } else {
    printDiagnostics(io, problems);
    io.err(`check failed: ${problems.length} problem(s)`);
  }
  return exit;
}
