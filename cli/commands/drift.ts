import { driftProject } from "../../src/drift/project.js";
import { EXIT_CODE_TABLE, exitCodeOf } from "../../src/exit-codes.js";
import { render, REPORT_FORMATS, type ReportFormat } from "../../src/report/index.js";
import { COMMON_OPTIONS, outputFormat, parse } from "../args.js";
import { printDiagnostics, projectFrom, type Io } from "../output.js";
import { colourFor, packageVersion, timeoutMs } from "./diff.js";

export const DRIFT_HELP = `llm-contracts drift [--transitive] [--against GIT-REF] [--allow-unknown] [--timeout SECONDS] [--format text|json|markdown|github|sarif|html]

Checks every contract's consecutive versions in its compatibility mode (contract.json). --transitive compares
each version with all earlier ones. --against REF reads schemas/ at a git ref (no checkout): a published version
whose meaning changed, or a deleted version or contract, is an error; new versions are checked against their
predecessor. Intended breaks are acknowledged in schemas/drift-acknowledgements.json. --timeout (config
drift.timeout, default 10) bounds each comparison: past it that pair's verdict is unknown.
Exit 0 nothing breaks, 1 a break or an unknown (unless --allow-unknown), 2 usage or input error.

${EXIT_CODE_TABLE}`;

export const DRIFT_OPTIONS = {
  ...COMMON_OPTIONS,
  transitive: { type: "boolean" },
  against: { type: "string" },
  "allow-unknown": { type: "boolean" },
  timeout: { type: "string" },
} as const;

export async function driftCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, DRIFT_OPTIONS);
  if (values.help === true) {
    io.out(DRIFT_HELP);
    return 0;
  }
  const format = outputFormat(values.format, REPORT_FORMATS) as ReportFormat;
  const project = projectFrom(values, io);
  const timeout = timeoutMs(values.timeout, project.drift.timeout);
  const report = await driftProject(project, {
    ...(timeout !== undefined ? { timeoutMs: timeout } : {}),
    transitive: values.transitive === true,
    allowUnknown: values["allow-unknown"] === true,
    ...(values.against !== undefined ? { against: values.against } : {}),
  });
  // A keyword the drift checker does not understand may be a misspelt one: then the input is bad (exit 2, the same
  // line build and check print), not a compatibility finding. Compiled only on this rare path.
  if (report.pairs.some((p) => p.changes.some((c) => c.failing && c.rule === "unsupported-keyword"))) {
    const { compileProject } = await import("../../src/api/compile.js");
    const compiled = await compileProject(project);
    if (exitCodeOf(compiled.problems) === 2) {
      printDiagnostics(io, compiled.problems);
      return 2;
    }
  }
  const text = render(report, format, { colour: colourFor(format), version: packageVersion() });
  if (text.length > 0) io.out(text);
  return report.ok ? 0 : 1;
}
