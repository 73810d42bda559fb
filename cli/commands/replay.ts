import { formatDiagnostic } from "../../src/errors.js";
import { compileForCommand } from "../../src/api/compile.js";
import { inputFile } from "../../src/migrate/command-support.js";
import { EXIT_CODE_TABLE } from "../../src/exit-codes.js";
import { replayFile } from "../../src/migrate/replay.js";
import { resolveTarget } from "../../src/migrate/target.js";
import { COMMON_OPTIONS, outputFormat, parse, UsageError } from "../args.js";
import { printDiagnostics, printJson, projectFrom, type Io } from "../output.js";

export const REPLAY_HELP = `llm-contracts replay <contract>@vN <outputs.jsonl> [--show N] [--root DIR | --config FILE] [--format text|json]

Would version N reject the outputs we stored? Streams the file (bounded memory), prints counts by outcome and by
error code and the first --show failing lines (default 5). Exit 1 if any line fails.

${EXIT_CODE_TABLE}`;

const OPTIONS = { ...COMMON_OPTIONS, show: { type: "string" } } as const;

export async function replayCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, true);
  if (values.help === true) {
    io.out(REPLAY_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  if (positionals.length !== 2) throw new UsageError("replay takes <contract>@vN and one .jsonl file (try --help)");
  const [spec, fileArg] = positionals as [string, string];
  if (!spec.includes("@")) throw new UsageError("replay needs a version: <contract>@vN");
  const show = values.show === undefined ? 5 : Number(values.show);
  if (!Number.isInteger(show) || show < 0) throw new UsageError("--show must be a whole number");
  const project = projectFrom(values, io);
  const file = inputFile(io.cwd, fileArg);
  const { compiled, blocking } = await compileForCommand(project, spec.split("@")[0]);
  if (blocking.length > 0) {
    printDiagnostics(io, blocking);
    return 2;
  }
  const target = resolveTarget(compiled, spec);
  const r = await replayFile(target.version, file, { show });
  const failed = r.invalid + r.unparsable;
  if (format === "json") {
    printJson(io, { ok: failed === 0, ...r, linesPerSecond: Math.round(r.total / Math.max(r.seconds, 1e-9)) });
    return failed > 0 ? 1 : 0;
  }
  const name = `${r.contract}@v${r.version}`;
  const lines = [
    `replay ${name} on ${fileArg}: ${r.total} line(s): ${r.valid} valid, ${r.invalid} rejected by the schema, ${r.unparsable} not JSON, ${r.blank} blank`,
  ];
  for (const [code, n] of Object.entries(r.byCode).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) lines.push(`  ${code.padEnd(28)} ${n} line(s)`);
  if (r.failures.length > 0) lines.push(`first ${r.failures.length} failing line(s):`);
  for (const f of r.failures) {
    for (const e of f.errors.slice(0, 3)) lines.push(`  ${formatDiagnostic({ file: fileArg, line: f.line, ...(e.instancePath !== "" ? { pointer: e.instancePath } : {}), code: e.code, message: e.message })}`);
    if (f.errors.length > 3) lines.push(`  ${fileArg}:${f.line}: … ${f.errors.length - 3} more error(s)`);
  }
  if (failed > 0) io.err(lines.join("\n"));
  else io.out(lines.join("\n"));
  return failed > 0 ? 1 : 0;
}
