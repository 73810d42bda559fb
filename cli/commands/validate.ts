import { importValidators } from "../../src/emit/validators/load-module.js";
import { EXIT_CODE_TABLE } from "../../src/exit-codes.js";
import { formatDiagnostic, type Diagnostic } from "../../src/errors.js";
import { compileForCommand } from "../../src/api/compile.js";
import { inputFile, isJsonLines } from "../../src/migrate/command-support.js";
import { classifyLine, count, newTally, readDocument, readLines } from "../../src/migrate/jsonl.js";
import { resolveTarget } from "../../src/migrate/target.js";
import type { ContractError } from "../../src/runtime/runtime.js";
import { COMMON_OPTIONS, outputFormat, parse, UsageError } from "../args.js";
import { printDiagnostics, printJson, projectFrom, type Io } from "../output.js";

export const VALIDATE_HELP = `llm-contracts validate <contract>[@vN] <file.json|file.jsonl> [--root DIR | --config FILE] [--format text|json]

Validates documents against one version (default: the latest) and prints classified errors; for JSONL, one line
per failing line with its line number. Lines that are cut off or not JSON get json.truncated / json.invalid.
Exit 1 when any document fails.

${EXIT_CODE_TABLE}`;

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, COMMON_OPTIONS, true);
  if (values.help === true) {
    io.out(VALIDATE_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  if (positionals.length !== 2) throw new UsageError("validate takes <contract>[@vN] and one file (try --help)");
  const [spec, fileArg] = positionals as [string, string];
  const project = projectFrom(values, io);
  const file = inputFile(io.cwd, fileArg);
  const { compiled, blocking } = await compileForCommand(project, spec.split("@")[0]);
  if (blocking.length > 0) {
    printDiagnostics(io, blocking);
    return 2;
  }
  const target = resolveTarget(compiled, spec);
  const validate = await importValidators(target.version.validatorCode);
  const tally = newTally();
  const failures: { line?: number; errors: readonly ContractError[] }[] = [];
  const report = (line: number | undefined, errors: readonly ContractError[]): void => {
    if (format === "json") failures.push({ ...(line !== undefined ? { line } : {}), errors });
    else for (const e of errors) io.err(formatDiagnostic(toDiagnostic(fileArg, line ?? e.line, e)));
  };
  if (isJsonLines(file)) {
    for await (const read of readLines(file)) {
      const { line } = read;
      const outcome = classifyLine(read, validate);
      count(tally, outcome);
      if (outcome.kind === "invalid" || outcome.kind === "unparsable") report(line, outcome.errors);
    }
  } else {
    const outcome = classifyLine(readDocument(file, fileArg), validate);
    count(tally, outcome.kind === "blank" ? { kind: "unparsable", errors: [] } : outcome);
    if (outcome.kind === "blank") report(undefined, [{ code: "json.invalid", instancePath: "", schemaPath: "", message: "the file is empty: expected a JSON value" }]);
    if (outcome.kind === "invalid" || outcome.kind === "unparsable") report(undefined, outcome.errors);
  }
  const failed = tally.invalid + tally.unparsable;
  const name = `${target.contract.name}@v${target.version.source.version}`;
  if (format === "json") printJson(io, { ok: failed === 0, contract: target.contract.name, version: target.version.source.version, ...tally, failures });
  else {
    const summary = `validate ${name}: ${tally.total - tally.blank} document(s), ${tally.valid} valid, ${tally.invalid} invalid, ${tally.unparsable} not JSON${tally.blank > 0 ? `, ${tally.blank} blank line(s) skipped` : ""}`;
    if (failed > 0) io.err(summary);
    else io.out(summary);
  }
  return failed > 0 ? 1 : 0;
}

function toDiagnostic(file: string, line: number | undefined, e: ContractError): Diagnostic {
  return { file, ...(line !== undefined ? { line } : {}), ...(e.instancePath !== "" ? { pointer: e.instancePath } : {}), code: e.code, message: e.message };
}
