import { compileForCommand, compileProject } from "../../src/api/compile.js";
import type { CompiledVersion } from "../../src/shapes/compiled.js";
import { EXIT_CODE_TABLE } from "../../src/exit-codes.js";
import type { ProviderProfile } from "../../src/config/config.js";
import { exportVersion } from "../../src/export/export.js";
import { fragmentPlace } from "../../src/export/fragment.js";
import { isProfileId, PROFILE_IDS } from "../../src/lint/profiles/index.js";
import { openapiDocument } from "../../src/openapi/export.js";
import { COMMON_OPTIONS, outputFormat, parse, UsageError } from "../args.js";
import { printDiagnostics, printJson, projectFrom, type Io } from "../output.js";

export const EXPORT_HELP = `llm-contracts export <contract>[@vN] --provider P [--root DIR | --config FILE] [--format text|json]
       llm-contracts export --openapi [--title T] [--api-version V]

Prints the request-ready fragment for one provider (${PROFILE_IDS.join(", ")}), lowered to what it accepts, and
the loss manifest: every change made to the canonical schema (on stderr in text format). Exit 1 when the schema
cannot be sent to that provider at all (the lint errors are listed). --openapi prints an OpenAPI 3.1 document with
every contract's latest version under components.schemas.

${EXIT_CODE_TABLE}`;

const OPTIONS = { ...COMMON_OPTIONS, provider: { type: "string" }, openapi: { type: "boolean" }, title: { type: "string" }, "api-version": { type: "string" } } as const;

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, true);
  if (values.help === true) {
    io.out(EXPORT_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  const project = projectFrom(values, io);
  if (values.openapi === true) {
    if (positionals.length > 0 || values.provider !== undefined) throw new UsageError("--openapi exports every contract; give no contract or --provider");
    const compiled = await compileProject(project);
    if (compiled.problems.length > 0) return (printDiagnostics(io, compiled.problems), 2);
    const latest = new Map<string, CompiledVersion>();
    for (const v of compiled.versions) latest.set(v.contract.name, v);
    printJson(io, openapiDocument([...latest.values()], { title: values.title ?? "llm-contracts", version: values["api-version"] ?? "1" }));
    return 0;
  }
  const [spec, ...extra] = positionals;
  if (spec === undefined || extra.length > 0) throw new UsageError("export needs exactly one <contract>[@vN] (or --openapi)");
  if (values.provider === undefined || !isProfileId(values.provider)) throw new UsageError(`--provider must be one of ${PROFILE_IDS.join(", ")}`);
  const profile: ProviderProfile = values.provider;
  const m = /^([a-z][a-z0-9-]*)(?:@v([1-9][0-9]*))?$/.exec(spec);
  if (m === null) throw new UsageError(`expected <contract>[@vN], got ${JSON.stringify(spec)}`);
  // Like validate: a version that does not compile is an input problem (exit 2), never skipped for an older one; a
  // failing golden example does not stop the export of a schema that compiles.
  const { compiled, blocking } = await compileForCommand(project, m[1]!);
  if (blocking.length > 0) return (printDiagnostics(io, blocking), 2);
  const versions = compiled.versions.filter((v) => v.contract.name === m[1]);
  if (versions.length === 0) throw new UsageError(`unknown contract ${JSON.stringify(m[1])}`);
  const version = m[2] === undefined ? versions[versions.length - 1]! : versions.find((v) => v.source.version === Number(m[2]));
  if (version === undefined) throw new UsageError(`${m[1]} has no version ${m[2]}`);
  const e = exportVersion(version, profile);
  if (format === "json") {
    printJson(io, { ok: e.fragment !== undefined, contract: e.contract, version: e.version, provider: profile, fragment: e.fragment ?? null, losses: e.changes, errors: e.errors });
    return e.fragment === undefined ? 1 : 0;
  }
  if (e.fragment === undefined) {
    for (const f of e.errors) io.err(`${version.source.display}#${f.pointer}: [${profile}] ${f.message} [lint.${f.ruleId}]`);
    io.err(`export failed: ${e.contract}@v${e.version} cannot be sent to ${profile}`);
    return 1;
  }
  io.out(JSON.stringify(e.fragment, null, 2));
  io.err(`${e.contract}@v${e.version} for ${profile}: send as ${fragmentPlace(profile, version.contract.manifest.kind)}`);
  if (e.changes.length === 0) io.err("loss manifest: nothing changed");
  else {
    io.err(`loss manifest (${e.changes.filter((c) => c.action === "dropped").length} dropped, ${e.changes.filter((c) => c.action === "lowered").length} lowered; the contract's validator still enforces everything):`);
    for (const c of e.changes) io.err(`  ${c.action.padEnd(7)} ${c.pointer || "/"} ${c.why}`);
  }
  return 0;
}
