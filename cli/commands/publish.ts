import { compileProject } from "../../src/api/compile.js";
import { EXIT_CODE_TABLE, exitCodeOf } from "../../src/exit-codes.js";
import { lockPath } from "../../src/publish/lock.js";
import { parseSelection, publishVersions, type Selection } from "../../src/publish/publish.js";
import { COMMON_OPTIONS, outputFormat, parse, UsageError } from "../args.js";
import { printDiagnostics, printJson, projectFrom, type Io } from "../output.js";

export const PUBLISH_HELP = `llm-contracts publish [<contract>[@v<N>] ...] [--root DIR | --config FILE] [--format text|json]

Records the fingerprint (sha256 of the bundled schema) of versions in schemas/published.lock.json; commit it with
the release. From then on \`check\`, and so every hook and CI run, fails with publish.changed when a published
version's schema changes (in its file or in a shared definition it uses) and with publish.removed when its file
is gone; no git history is needed. A version not in the lock is a draft and may still change.
  (no argument)        publish every version not yet published
  <contract>           publish that contract's unpublished versions
  <contract>@v<N>      publish that version only
Publishing an already published version again changes nothing. The project must compile (exit 2 otherwise);
a published version that has changed is refused (exit 1).

${EXIT_CODE_TABLE}`;

export async function publishCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, COMMON_OPTIONS, true);
  if (values.help === true) {
    io.out(PUBLISH_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  const selection: Selection[] = positionals.map((text) => {
    const s = parseSelection(text);
    if (s === undefined) throw new UsageError(`publish takes <contract> or <contract>@v<N> (got ${JSON.stringify(text)})`);
    return s;
  });
  const project = projectFrom(values, io);
  const compiled = await compileProject(project);
  if (compiled.problems.length > 0) {
    if (format === "json") printJson(io, { ok: false, problems: compiled.problems });
    else {
      printDiagnostics(io, compiled.problems);
      io.err(`publish refused: ${compiled.problems.length} problem(s); the lock was not changed`);
    }
    return exitCodeOf(compiled.problems);
  }
  const result = publishVersions(project, compiled.versions, selection);
  const lock = lockPath(project).display;
  if (format === "json") {
    printJson(io, { ...result, lock });
    return result.ok ? 0 : result.exitCode;
  }
  if (!result.ok) {
    printDiagnostics(io, result.problems);
    io.err(`publish refused: ${result.problems.length} problem(s); ${lock} was not changed`);
    return result.exitCode;
  }
  if (result.published.length === 0) io.out(`nothing to publish: ${result.already} version(s) already in ${lock}`);
  else io.out(`published ${result.published.join(", ")} in ${lock}${result.already > 0 ? ` (${result.already} already published)` : ""}; commit it with the schemas`);
  return 0;
}
