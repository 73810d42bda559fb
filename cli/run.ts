import { readFileSync } from "node:fs";
import path from "node:path";
import { InputError, formatDiagnostic } from "../src/errors.js";
import { packageRoot } from "../src/paths.js";
import { UsageError } from "./args.js";
import { BUILD_HELP, buildCommand } from "./commands/build.js";
import { CHECK_HELP, checkCommand } from "./commands/check.js";
import { DIFF_HELP, diffCommand } from "./commands/diff.js";
import { DRIFT_HELP, driftCommand } from "./commands/drift.js";
import { EXPORT_HELP, exportCommand } from "./commands/export.js";
import { IMPORT_HELP, importCommand } from "./commands/import.js";
import { LINT_HELP, lintCommand } from "./commands/lint.js";
import { MIGRATE_HELP, migrateCommand } from "./commands/migrate.js";
import { REPLAY_HELP, replayCommand } from "./commands/replay.js";
import { VALIDATE_HELP, validateCommand } from "./commands/validate.js";
import { processIo, type Io } from "./output.js";

type Command = (argv: string[], io: Io) => Promise<number>;

/** Each command with its one-line summary for `--help` (the full text is the command's own `--help`). */
const COMMANDS: Readonly<Record<string, { run: Command; help: string; summary: string }>> = {
  build: { run: buildCommand, help: BUILD_HELP, summary: "compile schemas/ into generated/ (types, validators, upgrade chain)" },
  check: { run: checkCommand, help: CHECK_HELP, summary: "write nothing; list every problem (stale output, schemas, examples, drift, lint, migrations)" },
  diff: { run: diffCommand, help: DIFF_HELP, summary: "compare two schema files: compatible, incompatible (with a witness) or unknown" },
  drift: { run: driftCommand, help: DRIFT_HELP, summary: "check every contract's versions in its compatibility mode; --against a git ref" },
  lint: { run: lintCommand, help: LINT_HELP, summary: "lint schemas against provider profiles (OpenAI, Anthropic, Gemini, MCP, portable)" },
  validate: { run: validateCommand, help: VALIDATE_HELP, summary: "validate JSON or JSONL documents against a contract version" },
  replay: { run: replayCommand, help: REPLAY_HELP, summary: "would version N reject the outputs we stored? (streams JSONL)" },
  migrate: { run: migrateCommand, help: MIGRATE_HELP, summary: "upgrade stored documents through the migrations; rejects kept apart" },
  export: { run: exportCommand, help: EXPORT_HELP, summary: "print a provider's request-ready fragment with its loss manifest, or --openapi" },
  import: { run: importCommand, help: IMPORT_HELP, summary: "create contracts from an OpenAPI document's components.schemas" },
};

const USAGE = `llm-contracts: versioned JSON Schema contracts for LLM outputs and tool arguments

Usage: llm-contracts <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join("\n")}

Every command takes --root DIR (the folder holding schemas/; default: current folder) or --config FILE,
--format text|json, --debug (stack traces), --help.
Exit codes: 0 fine, 1 problems found, 2 usage or input error.`;

/** Runs one CLI invocation and returns its exit code. The only caller of process.exit is the bottom of this file. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const debug = rest.includes("--debug");
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.out(USAGE);
      return name === undefined ? 2 : 0;
    }
    if (name === "--version" || name === "-v") {
      const pkg = JSON.parse(readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string };
      io.out(pkg.version);
      return 0;
    }
    const command = COMMANDS[name];
    if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(name)} (try --help)`);
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(formatDiagnostic(error.diagnostic));
      if (debug) io.err(error.stack ?? "");
      return 2;
    }
    if (error instanceof UsageError) {
      io.err(`llm-contracts: ${error.message}`);
      return 2;
    }
    io.err(`llm-contracts: internal error: ${(error as Error).message ?? String(error)}${debug ? `\n${(error as Error).stack ?? ""}` : " (run with --debug for details)"}`);
    return 70;
  }
}

