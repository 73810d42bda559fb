import { check } from "../../src/api/build.js";
import { EXIT_CODE_TABLE } from "../../src/exit-codes.js";
import { displayPath } from "../../src/config/config.js";
import { outputFormat, parse, COMMON_OPTIONS } from "../args.js";
import { CACHE_HELP, CACHE_OPTIONS, cacheOptions } from "../cache-flags.js";
import { progressFor } from "../progress.js";
import { printDiagnostics, printJson, printWarnings, projectFrom, type Io } from "../output.js";

export const CHECK_HELP = `llm-contracts check [--root DIR | --config FILE] [--format text|json] [--no-cache] [--cache-dir DIR]

Writes nothing; the gate CI and the git hook run. Compiles every contract as build would (a schema that does not
compile, e.g. a misspelt keyword or a version gap, is exit 2 as from build), then lists every problem (exit 1):
  - generated/ missing, stale, hand-edited or with leftovers            (generated.*)
  - golden examples that fail                                           (example.*)
  - published versions changed or removed (schemas/published.lock.json) (publish.*; see \`llm-contracts publish\`)
  - provider lint errors, toolset request budgets                       (lint.*; as \`llm-contracts lint\`)
  - drift breaks between consecutive versions in each contract's mode   (drift.*; as \`llm-contracts drift\`)
  - migrations missing, unimplemented for a breaking step, or not type-checking (migration.*)
Only what changed since the last run is checked again (the build cache); the result is the same either way.
${CACHE_HELP}

${EXIT_CODE_TABLE}`;

/** check's flags (the hook validates the flags it forwards against them before deciding to skip). */
export const CHECK_OPTIONS = { ...COMMON_OPTIONS, ...CACHE_OPTIONS } as const;

/** `focus`: the changed files the hook passes (absolute), for a check focused on their contracts (see HOOK_HELP). */
export async function checkCommand(argv: string[], io: Io, focus?: readonly string[]): Promise<number> {
  const { values } = parse(argv, CHECK_OPTIONS);
  if (values.help === true) {
    io.out(CHECK_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  const project = projectFrom(values, io);
  const progress = progressFor(process.stderr);
  const result = await check(project, {
    cache: cacheOptions(values, io.cwd),
    ...(progress !== undefined ? { onProgress: (d: number, t: number) => progress.update(d, t) } : {}),
    ...(focus !== undefined ? { focus } : {}),
  });
  progress?.end();
  if (format === "json") {
    printJson(io, { ok: result.exitCode === 0, ...result });
    return result.exitCode;
  }
  printWarnings(io, result.warnings);
  if (result.exitCode === 0) {
    const out = displayPath(project.rootDir, project.outDir);
    io.out(`check passed: ${result.contracts} contracts, ${result.versions} versions, ${result.examples} golden examples, ${out}/ up to date${focusNote(result.focused, result.contracts)}`);
  } else {
    printDiagnostics(io, result.problems);
    io.err(`check failed: ${result.problems.length} problem(s)${focusNote(result.focused, result.contracts)}`);
  }
  return result.exitCode;
}

/** What a focused check proved, and what it took over (src/incremental/focus.ts). */
function focusNote(focused: readonly string[] | undefined, contracts: number): string {
  if (focused === undefined) return "";
  const named = focused.length <= 3 ? focused.join(", ") : `${focused.slice(0, 3).join(", ")} and ${focused.length - 3} more`;
  return ` (the changed files' contracts proved: ${named}; the other ${contracts - focused.length} as the last check left them)`;
}
