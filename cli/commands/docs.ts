import path from "node:path";
import { buildDocs } from "../../src/api/docs.js";
import { COMMON_OPTIONS, outputFormat, parse, UsageError } from "../args.js";
import { CACHE_HELP, CACHE_OPTIONS, cacheOptions } from "../cache-flags.js";
import { printDiagnostics, printJson, projectFrom, type Io } from "../output.js";
import { timeoutMs } from "./diff.js";

export const DOCS_HELP = `llm-contracts docs --out DIR [--root DIR | --config FILE] [--format text|json] [--timeout SECONDS] [--no-cache] [--cache-dir DIR]

Writes the contract catalogue, a static site, into DIR: index.html lists every contract (kind, tool name, latest
version, compatibility, providers); contracts/<name>.html shows each version's schema tree, TypeScript type,
golden examples and provider matrix, and the change between consecutive versions (verdict, each breaking change
with its witness, the migration's status). No network; readable without JavaScript (the index's filter box is
the one script); works from file:// under a strict CSP.
DIR is replaced as a whole (atomically) and must be new, empty, or a catalogue written before. The same inputs
give the same bytes. Exit 0 written, 2 usage or input error (nothing is written).
${CACHE_HELP}`;

const OPTIONS = { ...COMMON_OPTIONS, ...CACHE_OPTIONS, out: { type: "string" }, timeout: { type: "string" } } as const;

export async function docsCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parse(argv, OPTIONS);
  if (values.help === true) {
    io.out(DOCS_HELP);
    return 0;
  }
  const format = outputFormat(values.format);
  if (values.out === undefined || values.out.trim() === "") throw new UsageError("docs needs --out DIR (the folder the catalogue is written to)");
  const project = projectFrom(values, io);
  const timeout = timeoutMs(values.timeout, project.drift.timeout);
  const result = await buildDocs(project, path.resolve(io.cwd, values.out), { cache: cacheOptions(values, io.cwd), ...(timeout !== undefined ? { timeoutMs: timeout } : {}) });
  if (format === "json") {
    printJson(io, result);
    return result.ok ? 0 : 2;
  }
  if (!result.ok) {
    printDiagnostics(io, result.problems);
    io.err(`docs failed: ${result.problems.length} problem(s); nothing was written`);
    return 2;
  }
  io.out(`${result.changed ? "wrote" : "up to date:"} catalogue of ${result.contracts} contract(s), ${result.versions} version(s) in ${result.outDir}/ (open ${result.outDir}/index.html)`);
  return 0;
}
