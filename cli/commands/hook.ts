import path from "node:path";
import { relevantFiles } from "../../src/hook/relevant.js";
import { stagedDeletions } from "../../src/hook/staged.js";
import { EXIT_CODE_TABLE } from "../../src/exit-codes.js";
import { parse, UsageError } from "../args.js";
import { projectFrom, type Io } from "../output.js";

export const HOOK_HELP = `llm-contracts hook <check|drift> [--all] [--root DIR | --config FILE] [other flags of the command] [FILE...]

For git hooks (pre-commit, lint-staged, .git/hooks/pre-commit): runs \`check\` or \`drift\` when at least one FILE lies
in the configured schemasDir, outDir or a contract's migrationsDir, or is the config file; otherwise prints a skip
line and exits 0. Without FILEs it always runs. The hook passes every changed file, so the folders can be anything.
Flags go before the files: \`--\` or the first FILE ends the flags, and every later argument is a file, also one
that starts with \`-\`.

\`hook check\` is focused: it checks the contracts the FILEs belong to, and those of the files the commit deletes (from
git), as \`check\` does, and takes every other contract as the last check left it, without reading its files or
reporting its findings. A FILE no single contract owns (the config, a new contract, the output folder's own files),
no previous check, or no git answer: the whole project. --all: always the whole project (CI runs \`check\`).

${EXIT_CODE_TABLE}`;

const COMMANDS = {
  check: async () => (await import("./check.js")).checkCommand,
  drift: async () => (await import("./drift.js")).driftCommand,
} as const satisfies Record<string, () => Promise<(argv: string[], io: Io, focus?: readonly string[]) => Promise<number>>>;

/** The flags of each command, so a misspelt flag is exit 2 with "did you mean" even when the run would be skipped. */
const FLAGS = {
  check: async () => (await import("./check.js")).CHECK_OPTIONS,
  drift: async () => (await import("./drift.js")).DRIFT_OPTIONS,
} as const;

/** Flags forwarded with a value (everything else that starts with `--` is a boolean flag). */
const VALUE_FLAGS = new Set(["--root", "--config", "--format", "--against", "--cache-dir", "--timeout"]);

export async function hookCommand(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") {
    io.out(HOOK_HELP);
    return name === undefined ? 2 : 0;
  }
  if (name !== "check" && name !== "drift") throw new UsageError(`hook runs check or drift (got ${JSON.stringify(name)})`);
  const flags: string[] = [];
  const files: string[] = [];
  // Flags come first, then the changed files (a hook appends them): from `--` or the first file on, every argument
  // is a file, so a changed file named `--root=x` can never point the hook at another project.
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--") files.push(...rest.slice(i + 1)), (i = rest.length);
    else if (files.length > 0) files.push(arg);
    else if (arg.startsWith("-")) {
      flags.push(arg);
      if (VALUE_FLAGS.has(arg) && !arg.includes("=") && i + 1 < rest.length) flags.push(rest[++i]!);
    } else files.push(arg);
  }
  const whole = flags.includes("--all");
  if (whole) flags.splice(flags.indexOf("--all"), 1);
  // A hook is never passed the files a commit deletes: git names them (asked now, answered while check loads).
  const deleted = name === "check" && !whole && files.length > 0 ? stagedDeletions(io.cwd) : undefined;
  const run = await COMMANDS[name]();
  if (files.length === 0 || flags.includes("--help")) return run(flags, io);
  parse(flags, await FLAGS[name]());
  const value = (flag: string): string | undefined => {
    const at = flags.findIndex((f) => f === flag || f.startsWith(`${flag}=`));
    if (at < 0) return undefined;
    return flags[at] === flag ? flags[at + 1] : flags[at]!.slice(flag.length + 1);
  };
  const root = value("--root");
  const config = value("--config");
  const project = projectFrom({ ...(root !== undefined ? { root } : {}), ...(config !== undefined ? { config } : {}) }, io);
  const relevant = relevantFiles(project, files, io.cwd);
  if (relevant.length === 0) {
    io.out(`llm-contracts ${name}: none of the ${files.length} changed file(s) is a contract, generated or migration file; skipped`);
    return 0;
  }
  // Without git's answer the check is a whole one.
  const gone = await deleted;
  return run(flags, io, gone === undefined ? undefined : [...relevant, ...gone].map((f) => path.resolve(io.cwd, f)));
}
