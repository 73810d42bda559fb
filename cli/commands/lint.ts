import { compileForCommand } from "../../src/api/compile.js";
import { EXIT_CODE_TABLE } from "../../src/exit-codes.js";
import type { ProviderProfile } from "../../src/config/config.js";
import { formatDiagnostic } from "../../src/errors.js";
import { isProfileId, PROFILE_IDS } from "../../src/lint/profiles/index.js";
import { lintCompiled, toDiagnostic } from "../../src/lint/project.js";
import { COMMON_OPTIONS, outputFormat, parse, UsageError } from "../args.js";
import { printDiagnostics, printJson, projectFrom, type Io } from "../output.js";

export const LINT_HELP = `llm-contracts lint [--provider P[,P...]] [--toolset a,b,c] [--root DIR | --config FILE] [--format text|json]

Lints every contract version against the provider profiles in its contract.json (or --provider: ${PROFILE_IDS.join(", ")}).
--toolset names tool contracts sent together in one request; their latest versions are checked against the
request-level budgets (tool count, optional and union parameters, total size). Exit 1 when any finding is an
error; warnings are what export lowers or drops (see \`llm-contracts export\`).

${EXIT_CODE_TABLE}`;

const OPTIONS = { ...COMMON_OPTIONS, provider: { type: "string", multiple: true }, toolset: { type: "string" } } as const;

export async function lintCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, OPTIONS);
  if (values.help === true) {
    io.out(LINT_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  const providers = parseProviders(values.provider);
  const toolset = values.toolset?.split(",").map((s) => s.trim()).filter((s) => s !== "");
  const project = projectFrom(values, io);
  // A version that does not compile is not linted, so lint cannot pass it: its problems are printed and lint exits 2.
  // Only failing golden examples (the version compiled; what lint reads is there) let it go on.
  const { compiled, blocking } = await compileForCommand(project);
  if (blocking.length > 0) {
    printDiagnostics(io, blocking);
    return 2;
  }
  const known = new Set(compiled.contracts.map((c) => c.name));
  for (const name of toolset ?? []) if (!known.has(name)) throw new UsageError(`--toolset: unknown contract ${JSON.stringify(name)}`);
  const findings = lintCompiled(project, compiled, { ...(providers !== undefined ? { providers } : {}), ...(toolset !== undefined ? { toolset } : {}) });
  const errors = findings.filter((f) => f.severity === "error").length;
  if (format === "json") printJson(io, { ok: errors === 0, errors, warnings: findings.length - errors, findings });
  else {
    for (const f of findings) {
      const line = formatDiagnostic(toDiagnostic(f));
      if (f.severity === "error") io.err(`error: ${line}`);
      else io.out(`warning: ${line}`);
    }
    const summary = `lint: ${errors} error(s), ${findings.length - errors} warning(s) in ${compiled.versions.length} contract version(s)`;
    if (errors > 0) io.err(summary);
    else io.out(summary);
  }
  return errors > 0 ? 1 : 0;
}

function parseProviders(raw: readonly string[] | undefined): ProviderProfile[] | undefined {
  if (raw === undefined) return undefined;
  const ids = raw.flatMap((r) => r.split(",")).map((s) => s.trim()).filter((s) => s !== "");
  for (const id of ids) if (!isProfileId(id)) throw new UsageError(`--provider must be one of ${PROFILE_IDS.join(", ")} (got ${JSON.stringify(id)})`);
  return [...new Set(ids)] as ProviderProfile[];
}
