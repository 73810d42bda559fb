/**
 * The one exit-code table of every command and of the git hook. A low module (it imports nothing): `src/api`
 * classifies findings with it and `cli/` prints it in `--help`.
 *
 * Why schema problems are exit 2 in `check` too: a misspelt keyword, a schema invalid against its meta-schema or a
 * version gap is input the tool cannot compile, so `build` cannot run on it; `check` on the same input must give
 * the same code (a hook or CI step keyed on the code would otherwise see two answers for one input). Exit 1 is
 * kept for what a gate finds in a project that compiles: stale output, failing examples, drift, lint errors,
 * migrations, changed published versions.
 */

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_CANNOT_RUN = 2;
export type ExitCode = typeof EXIT_OK | typeof EXIT_PROBLEMS | typeof EXIT_CANNOT_RUN;

/** Finding codes a gate reports about a project that compiles (exit 1). Every other diagnostic is bad input (exit 2). */
export const GATE_FINDINGS = /^(example\.|generated\.(edited|extra|missing|stale)$|drift\.|lint\.|migration\.|publish\.(changed|removed)$)/;

/** 0 for no problems, 1 when each is a gate finding, 2 when any is bad input. */
export function exitCodeOf(problems: readonly { readonly code: string }[]): ExitCode {
  if (problems.length === 0) return EXIT_OK;
  return problems.every((p) => GATE_FINDINGS.test(p.code)) ? EXIT_PROBLEMS : EXIT_CANNOT_RUN;
}

/** The table as printed by `--help` and in the README (keep both in step: test/cli/exit-codes.test.ts). */
export const EXIT_CODE_TABLE = `Exit codes (the same for every command and for the hook, for the same input):
  0  nothing to report (hook: also when no changed file concerns the contracts)
  1  the project compiles and a gate found problems: generated/ stale or edited, golden examples failing,
     drift breaks or unknowns, lint errors, migrations missing or not type-checking, a published version
     changed or removed; documents rejected by validate, replay or migrate
  2  cannot run or bad input: unknown command or flag, unreadable or invalid file, a schema that does not
     compile (meta-schema, strict mode such as a misspelt keyword, a version gap), invalid config or lock;
     nothing is written`;
