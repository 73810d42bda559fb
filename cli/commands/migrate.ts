import { EXIT_CODE_TABLE } from "../../src/exit-codes.js";
import path from "node:path";
import { formatDiagnostic } from "../../src/errors.js";
import { compileForCommand, loadChainForCommand } from "../../src/api/compile.js";
import { inputFile, isJsonLines } from "../../src/migrate/command-support.js";
import { readDocument } from "../../src/migrate/jsonl.js";
import { migrateLines, migrateText } from "../../src/migrate/migrate-file.js";
import { writeAtomic } from "../../src/migrate/sync.js";
import { parseVersion, resolveTarget } from "../../src/migrate/target.js";
import { COMMON_OPTIONS, outputFormat, parse, UsageError } from "../args.js";
import { printDiagnostics, printJson, projectFrom, type Io } from "../output.js";

export const MIGRATE_HELP = `llm-contracts migrate <contract> <in.json|in.jsonl> [--from vN] [--to vM] [--out FILE] [--root DIR | --config FILE] [--format text|json]

Upgrades stored documents through the contract's migrations, validating after every step. Without --from, each
document's version is detected (the contract's versionField, else the newest version that accepts it); --to
defaults to the latest version. A .json document is written to --out (default: stdout). For .jsonl, migrated
lines go to --out (default: <in>.v<M>.jsonl) and every line that cannot be migrated goes unchanged, with its line
number and reason, to <out>.rejects.jsonl. The input is never modified. Exit 1 when anything was rejected.

${EXIT_CODE_TABLE}`;

const OPTIONS = { ...COMMON_OPTIONS, from: { type: "string" }, to: { type: "string" }, out: { type: "string" } } as const;

export async function migrateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, true);
  if (values.help === true) {
    io.out(MIGRATE_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  if (positionals.length !== 2) throw new UsageError("migrate takes <contract> and one input file (try --help)");
  const [name, fileArg] = positionals as [string, string];
  if (name.includes("@")) throw new UsageError("migrate takes a contract name; use --from / --to for versions");
  const project = projectFrom(values, io);
  const file = inputFile(io.cwd, fileArg);
  const { compiled, blocking } = await compileForCommand(project, name);
  if (blocking.length > 0) {
    printDiagnostics(io, blocking);
    return 2;
  }
  // The chain is built only when every version of the contract passed (src/compile): a failing golden example
  // leaves it out, and migrating with it would run migrations the build has not accepted.
  if (!compiled.plan.has(`${name}/upgrade.ts`) && compiled.problems.length > 0) {
    printDiagnostics(io, compiled.problems);
    io.err(`migrate needs every version of ${name} to pass its golden examples: fix the problems above (llm-contracts check lists them)`);
    return 1;
  }
  const latest = resolveTarget(compiled, name);
  const from = values.from === undefined ? undefined : resolveTarget(compiled, `${name}@${parseVersion(values.from, "--from")}`).version.source.version;
  const to = values.to === undefined ? latest.version.source.version : resolveTarget(compiled, `${name}@${parseVersion(values.to, "--to")}`).version.source.version;
  if (from !== undefined && from > to) throw new UsageError(`--from v${from} is newer than --to v${to}: migrations only go forward`);
  const chain = await loadChainForCommand(project, compiled, latest.contract);
  const options = { ...(from !== undefined ? { from } : {}), to };

  if (!isJsonLines(file)) {
    const read = readDocument(file, fileArg);
    const result = read.error !== undefined ? { ok: false as const, errors: [read.error] } : migrateText(chain, read.text, options);
    if (!result.ok) {
      if (format === "json") printJson(io, result);
      else for (const e of result.errors) io.err(formatDiagnostic({ file: fileArg, ...(e.instancePath !== "" ? { pointer: e.instancePath } : {}), code: e.code, message: e.message }));
      return 1;
    }
    const text = `${JSON.stringify(result.value, null, 2)}\n`;
    if (values.out !== undefined) {
      const out = path.resolve(io.cwd, values.out);
      if (out === file) throw new UsageError("--out must differ from the input: the input is never modified in place");
      writeAtomic(out, text);
    }
    if (format === "json") printJson(io, { ok: true, fromVersion: result.fromVersion, detectedBy: result.detectedBy, toVersion: to, ...(values.out !== undefined ? { out: values.out } : { value: result.value }) });
    else if (values.out === undefined) io.out(text);
    else io.out(`migrated ${fileArg} from v${result.fromVersion} (${result.detectedBy}) to v${to}: ${values.out}`);
    return 0;
  }

  const outArg = values.out ?? `${fileArg.replace(/\.(jsonl|ndjson)$/i, "")}.v${to}.jsonl`;
  const rejectsArg = `${outArg.replace(/\.(jsonl|ndjson)$/i, "")}.rejects.jsonl`;
  const r = await migrateLines(chain, file, path.resolve(io.cwd, outArg), path.resolve(io.cwd, rejectsArg), options);
  const result = { ...r, out: outArg, rejects: rejectsArg };
  if (format === "json") printJson(io, { ok: r.rejected === 0, toVersion: to, ...result });
  else {
    const sources = Object.entries(r.fromVersions).map(([v, n]) => `${n} from ${v}`).join(", ");
    const line = `migrate ${name} → v${to}: ${r.total} line(s): ${r.migrated} migrated${sources !== "" ? ` (${sources})` : ""} → ${outArg}; ${r.rejected} rejected → ${rejectsArg}${r.blank > 0 ? `; ${r.blank} blank` : ""}`;
    const codes = Object.entries(r.byCode).map(([c, n]) => `  ${c.padEnd(28)} ${n} line(s)`);
    if (r.rejected > 0) io.err([line, ...codes].join("\n"));
    else io.out(line);
  }
  return r.rejected > 0 ? 1 : 0;
}
