import path from "node:path";
import { EXIT_CODE_TABLE } from "../../src/exit-codes.js";
import { DEFAULT_DRAFT_CHOICES } from "../../src/drift/dialect.js";
import { diffSchemas } from "../../src/drift/diff.js";
import type { Draft } from "../../src/ir/json.js";
import { uniqueDiagnostics } from "../../src/errors.js";
import { fileLocator, judge, type DriftReport } from "../../src/drift/project.js";
import type { Mode } from "../../src/drift/types.js";
import { loadSchemaFile } from "../../src/load/index.js";
import { packageVersion } from "../../src/paths.js";
import { render, REPORT_FORMATS, type ReportFormat } from "../../src/report/index.js";
import { COMMON_OPTIONS, outputFormat, parse, UsageError } from "../args.js";
import { printWarnings, projectFrom, type Io } from "../output.js";

export const DIFF_HELP = `llm-contracts diff OLD NEW [--mode backward|forward|full] [--model-output] [--allow-unknown]
                      [--format text|json|markdown|github|sarif|html] [--timeout SECONDS]
                      [--default-draft draft-04|draft-06|draft-07|2019-09|2020-12] [--root DIR | --config FILE]

Compares two schema files (any draft, mixed drafts allowed) and proves each direction compatible, incompatible
(with a witness value checked by the generated validators) or unknown. backward: everything OLD accepted, NEW
accepts; forward: the reverse; full (default): both. --model-output reports description/order changes as prompt
changes; --allow-unknown passes unproven directions. --timeout (config drift.timeout, default 10) bounds the
time of the comparison: past it the verdict is unknown. --default-draft (config drift.defaultDraft, default
2020-12, as the build) is the draft of a file without $schema. Exit 0 compatible in the mode, 1 not, 2 usage/input error.

${EXIT_CODE_TABLE}`;

const OPTIONS = {
  ...COMMON_OPTIONS,
  mode: { type: "string" },
  "model-output": { type: "boolean" },
  "allow-unknown": { type: "boolean" },
  timeout: { type: "string" },
  "default-draft": { type: "string" },
} as const;

/** `--timeout SECONDS`, else the config's, as milliseconds. */
export function timeoutMs(flag: string | undefined, configured: number | undefined): number | undefined {
  if (flag === undefined) return configured === undefined ? undefined : configured * 1000;
  const seconds = Number(flag);
  if (flag.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds (got ${JSON.stringify(flag)})`);
  return seconds * 1000;
}

export function colourFor(format: string): boolean {
  const noColor = process.env["NO_COLOR"];
  return format === "text" && process.stdout.isTTY === true && (noColor === undefined || noColor === "");
}

export { packageVersion };

export async function diffCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, true);
  if (values.help === true) {
    io.out(DIFF_HELP);
    return 0;
  }
  const format = outputFormat(values.format, REPORT_FORMATS) as ReportFormat;
  const mode = (values.mode ?? "full") as Mode;
  if (!["backward", "forward", "full"].includes(mode)) throw new UsageError(`--mode must be backward, forward or full (got ${JSON.stringify(values.mode)})`);
  if (positionals.length !== 2) throw new UsageError("diff takes two schema files: llm-contracts diff OLD NEW");
  const project = projectFrom(values, io);
  const defaultDraft = values["default-draft"] ?? project.drift.defaultDraft;
  if (defaultDraft !== undefined && !DEFAULT_DRAFT_CHOICES.includes(defaultDraft)) {
    throw new UsageError(`--default-draft must be one of ${DEFAULT_DRAFT_CHOICES.join(", ")} (got ${JSON.stringify(defaultDraft)})`);
  }
  const timeout = timeoutMs(values.timeout, project.drift.timeout);
  const [oldFile, newFile] = positionals.map((f) => path.resolve(io.cwd, f)) as [string, string];
  const load = (abs: string) => {
    const inside = abs.startsWith(project.schemasDir + path.sep);
    const schemasDir = inside ? project.schemasDir : path.dirname(abs);
    const rootDir = inside ? project.rootDir : io.cwd;
    return loadSchemaFile(abs, { schemasDir, rootDir, ...(defaultDraft !== undefined ? { defaultDraft: defaultDraft as Draft } : {}) });
  };
  const a = load(oldFile);
  const b = load(newFile);
  // Read generously (a variant `$schema` spelling): said once per file, on stderr, before the verdict.
  printWarnings(io, uniqueDiagnostics([...(a.warnings ?? []), ...(b.warnings ?? [])]));
  const keywords = project.drift.keywords;
  const result = await diffSchemas(a, b, { modelOutput: values["model-output"] === true, ...(timeout !== undefined ? { timeoutMs: timeout } : {}), ...(keywords !== undefined ? { keywords } : {}) });
  const judged = judge(result, mode, values["allow-unknown"] === true, () => undefined, fileLocator(newFile, b.file));
  const report: DriftReport = {
    ok: judged.ok,
    problems: [],
    pairs: [{ check: "files", mode, oldFile: a.file, newFile: b.file, verdict: result.verdict, changes: judged.changes, ok: judged.ok }],
  };
  const text = render(report, format, { colour: colourFor(format), single: true, version: packageVersion() });
  if (text.length > 0) io.out(text);
  return report.ok ? 0 : 1;
}
