import { InputError, formatDiagnostic } from "../src/errors.js";
import { environmentError } from "../src/fault/environment.js";
import { EXIT_CODE_TABLE } from "../src/exit-codes.js";
import { packageVersion } from "../src/paths.js";
import { closest } from "../src/suggest/did-you-mean.js";
import { UsageError } from "./args.js";
import type { Io } from "./output.js";

type Command = (argv: string[], io: Io) => Promise<number>;

/**
 * Each command with its one-line summary for `--help` (the full text is the command's own `--help`). Commands are
 * loaded on demand: `--help`, `validate` or `replay` need not load the TypeScript compiler that `build` uses.
 */
const COMMANDS: Readonly<Record<string, { load: () => Promise<Command>; summary: string }>> = {
  init: { load: async () => (await import("./commands/init.js")).initCommand, summary: "set up a project: config, one example contract of each kind, next steps" },
  build: { load: async () => (await import("./commands/build.js")).buildCommand, summary: "compile schemas/ into generated/ (types, validators, upgrade chain)" },
  check: { load: async () => (await import("./commands/check.js")).checkCommand, summary: "write nothing; list every problem (stale output, schemas, examples, drift, lint, migrations)" },
  diff: { load: async () => (await import("./commands/diff.js")).diffCommand, summary: "compare two schema files: compatible, incompatible (with a witness) or unknown" },
  drift: { load: async () => (await import("./commands/drift.js")).driftCommand, summary: "check every contract's versions in its compatibility mode; --against a git ref" },
  lint: { load: async () => (await import("./commands/lint.js")).lintCommand, summary: "lint schemas against provider profiles (OpenAI, Anthropic, Gemini, MCP, portable)" },
  validate: { load: async () => (await import("./commands/validate.js")).validateCommand, summary: "validate JSON or JSONL documents against a contract version" },
  replay: { load: async () => (await import("./commands/replay.js")).replayCommand, summary: "would version N reject the outputs we stored? (streams JSONL)" },
  migrate: { load: async () => (await import("./commands/migrate.js")).migrateCommand, summary: "upgrade stored documents through the migrations; rejects kept apart" },
  export: { load: async () => (await import("./commands/export.js")).exportCommand, summary: "print a provider's request-ready fragment with its loss manifest, or --openapi" },
  publish: { load: async () => (await import("./commands/publish.js")).publishCommand, summary: "lock released versions (schemas/published.lock.json): check then refuses any change to them" },
  hook: { load: async () => (await import("./commands/hook.js")).hookCommand, summary: "for git hooks: run check or drift when a changed file is a contract, generated or migration file" },
  docs: { load: async () => (await import("./commands/docs.js")).docsCommand, summary: "write the contract catalogue: a static site of contracts, versions and what changed" },
  import: { load: async () => (await import("./commands/import.js")).importCommand, summary: "create contracts from an OpenAPI document's components.schemas" },
};

const USAGE = `llm-contracts: versioned JSON Schema contracts for LLM outputs and tool arguments

Usage: llm-contracts <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join("\n")}

Every command takes --root DIR (the folder holding schemas/; default: current folder) or --config FILE,
--format text|json, --debug (stack traces), --help. \`llm-contracts <command> --help\` describes one command.

${EXIT_CODE_TABLE}`;

/** Runs one CLI invocation and returns its exit code. Nothing calls process.exit: cli/main.ts sets the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const debug = rest.includes("--debug");
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      io.out(USAGE);
      return name === undefined ? 2 : 0;
    }
    if (name === "--version" || name === "-v") {
      io.out(packageVersion());
      return 0;
    }
    const command = COMMANDS[name];
    if (command === undefined) {
      const near = closest(name, Object.keys(COMMANDS));
      throw new UsageError(`unknown command ${JSON.stringify(name)}${near !== undefined ? `; did you mean "${near}"?` : ""} (llm-contracts --help lists the commands)`);
    }
    return await (await command.load())(rest, io);
  } catch (thrown) {
    // A full disk, a permission or a file where a folder must be is the environment's, not ours: exit 2, one line.
    const error = environmentError(thrown, undefined, io.cwd);
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

