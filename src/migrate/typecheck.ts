/**
 * `check`'s type-check of the upgrade chain: the user's migrations against the types `build` would generate.
 * Why: when a schema changes, a migration body written for the old types may no longer fit; the report names the
 * file and line, the way the compiler would, before the chain is shipped.
 *
 * Why batches with shared source files instead of one program for everything: one program over a thousand
 * contracts holds every syntax tree and type at once (gigabytes). Roots are checked in batches of BATCH, and the
 * files every batch needs (the standard library, `_runtime.ts`) are parsed once and shared between programs.
 * Each root's result is cached under the hashes of every file it imports (see imports.ts), so a run re-checks
 * only the contracts whose chain changed; nothing is parsed or checked when none did.
 *
 * Why the validator modules are seen as their declarations: `v<N>.validate.ts` is generated JavaScript under
 * `@ts-nocheck` (ajv's standalone code, about seven tenths of every chain's text), and `v<N>.ts` reaches it only
 * through casts to the declared shape (`as unknown as RawValidator`). Parsing and binding it for every chain
 * was most of a cold check's time; the shape the JavaScript flavour declares (VALIDATOR_DECLARATIONS) is what the
 * checker sees instead, so a migration is held to the same types and the results do not change.
 *
 * Why only the roots and the user's files are checked: the other generated modules (types, runtime) are the tool's
 * own output, type-checked under the same flags by the golden tests, and a migration cannot change them. Checking
 * them was half of every batch's time (the runtime once per batch); their declarations are still read wherever a
 * migration or an upgrade module uses them, so a migration that does not fit them is reported as before.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type ts from "typescript";
import { runCache } from "../cache/context.js";
import { displayPath, type Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import { STRICT_FLAGS } from "../emit/codegen/strict.js";
import { VALIDATOR_DECLARATIONS } from "../emit/modules/version.js";
import { importClosure, type ImportScan } from "./imports.js";
import { cachedSpecifiers, ChainKeys } from "./typecheck-key.js";

const BATCH = 64;

/** The strict settings generated code is held to (README: "The generated code compiles with ..."); see `chainOptions`. */
export async function chainCompilerOptions(): Promise<ts.CompilerOptions> {
  const { ts: tsc } = await import("../typescript.js");
  return {
    ...STRICT_FLAGS,
    skipLibCheck: true,
    lib: ["lib.es2022.d.ts"],
    // Bundler resolution: same relative `.js` specifiers as NodeNext, without needing the user's package.json type.
    module: tsc.ModuleKind.ESNext,
    moduleResolution: tsc.ModuleResolutionKind.Bundler,
  };
}

/**
 * Type-checks `roots` with `overlay` (absolute path → text) standing in for files on disk, so generated modules
 * are taken from the plan rather than from a possibly stale output folder. Diagnostics are sorted by file and
 * position and deduplicated, so the result does not depend on how roots were batched or cached.
 */
export async function typecheckChain(project: Project, overlay: ReadonlyMap<string, string>, roots: readonly string[]): Promise<Diagnostic[]> {
  const files = new Map([...overlay].map(([f, t]) => [path.resolve(f), declaredValidator(project, f, t)]));
  const cache = runCache();
  // Loaded only when a chain must be scanned or checked (see typecheck-key.ts).
  let loaded: typeof ts | undefined;
  const load = (): typeof ts => (loaded ??= createRequire(import.meta.url)("typescript") as typeof ts);
  const specifiers = cachedSpecifiers(cache?.store, load);
  const found: Diagnostic[] = [];
  const misses: { root: string; key: string | undefined; reach: ReadonlySet<string> }[] = [];
  // Files shared by many chains (the runtime, shared definitions) are scanned and hashed once per run.
  const scanned = new Map<string, ImportScan>();
  const keys = new ChainKeys(project.outDir);
  for (const root of roots) {
    const closure = cache === undefined ? undefined : importClosure(specifiers, root, files, scanned);
    const key = closure === undefined ? undefined : cache!.store.key("typecheck", JSON.stringify(STRICT_FLAGS), project.rootDir, ...keys.parts(closure));
    const hit = key === undefined ? undefined : cache!.store.get<Diagnostic[]>(key);
    if (hit !== undefined) found.push(...hit);
    else misses.push({ root, key, reach: new Set([...(closure?.keys() ?? [])].map((f) => displayPath(project.rootDir, f))) });
  }
  if (misses.length > 0) {
    const tsc = load();
    const options = await chainCompilerOptions();
    const shared = new Map<string, ts.SourceFile>();
    const runtime = path.resolve(project.outDir, "_runtime.ts");
    for (let i = 0; i < misses.length; i += BATCH) {
      const batch = misses.slice(i, i + BATCH);
      const program = createProgram(tsc, options, files, shared, runtime, batch.map((m) => m.root));
      const all = chainDiagnostics(tsc, program, toolOwned(project, batch.map((m) => m.root))).map((d) => toDiagnostic(tsc, project, d));
      found.push(...all);
      // A root owns the diagnostics of the files it reaches; a batch-wide one (no file) belongs to every root. A
      // diagnostic no root owns means a closure missed a file: then nothing of the batch is cached.
      const owned = (d: Diagnostic): boolean => d.file === "." || batch.some((m) => m.reach.has(d.file));
      if (!all.every(owned)) continue;
      for (const miss of batch) if (miss.key !== undefined) cache!.store.set(miss.key, all.filter((d) => d.file === "." || miss.reach.has(d.file)));
    }
  }
  return sortUnique(found);
}

/** Files the tool generated (under the output folder), except `roots`: see the file comment. */
function toolOwned(project: Project, roots: readonly string[]): (file: string) => boolean {
  const out = path.resolve(project.outDir) + path.sep;
  const keep = new Set(roots.map((r) => path.resolve(r)));
  return (file) => {
    const abs = path.resolve(file);
    return abs.startsWith(out) && !keep.has(abs);
  };
}

/** `getPreEmitDiagnostics` (options, syntax, global, semantics) of every file in `program` but those `skip` names. */
function chainDiagnostics(tsc: typeof ts, program: ts.Program, skip: (file: string) => boolean): readonly ts.Diagnostic[] {
  const found: ts.Diagnostic[] = [...program.getConfigFileParsingDiagnostics(), ...program.getOptionsDiagnostics()];
  for (const sf of program.getSourceFiles()) {
    if (skip(sf.fileName)) continue;
    found.push(...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf));
  }
  found.push(...program.getGlobalDiagnostics());
  return tsc.sortAndDeduplicateDiagnostics(found);
}

/** A generated validator module (`<outDir>/<contract>/v<N>.validate.ts`, `@ts-nocheck`) as its declarations; any other file as is. */
export function declaredValidator(project: Project, file: string, text: string): string {
  const rel = path.relative(project.outDir, path.resolve(file)).split(path.sep);
  if (rel.length !== 2 || rel[0] === ".." || !/^v\d+\.validate\.ts$/.test(rel[1]!)) return text;
  return /^\/\/ @ts-nocheck$/m.test(text) ? `${VALIDATOR_DECLARATIONS}\n` : text;
}

function createProgram(
  tsc: typeof ts,
  options: ts.CompilerOptions,
  files: ReadonlyMap<string, string>,
  shared: Map<string, ts.SourceFile>,
  runtime: string,
  roots: readonly string[],
): ts.Program {
  const host = tsc.createCompilerHost(options, true);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => files.has(path.resolve(f)) || fileExists(f);
  host.readFile = (f) => files.get(path.resolve(f)) ?? readFile(f);
  host.getSourceFile = (f, lang, onError, create) => {
    const abs = path.resolve(f);
    const known = shared.get(abs);
    if (known !== undefined) return known;
    const text = files.get(abs);
    const sf = text !== undefined ? tsc.createSourceFile(f, text, lang, true) : getSourceFile(f, lang, onError, create);
    // Parsed once for every batch: the standard library and the shared runtime.
    if (sf !== undefined && (abs === runtime || text === undefined)) shared.set(abs, sf);
    return sf;
  };
  return tsc.createProgram({ rootNames: [...roots], options, host });
}

function sortUnique(list: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): string => `${d.file}\u0000${String(d.line ?? 0).padStart(9, "0")}\u0000${String(d.column ?? 0).padStart(9, "0")}\u0000${d.message}`;
  const byKey = new Map(list.map((d) => [key(d), d]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k)!);
}

function toDiagnostic(tsc: typeof ts, project: Project, d: ts.Diagnostic): Diagnostic {
  const message = `does not type-check: ${tsc.flattenDiagnosticMessageText(d.messageText, " ")} (TS${d.code})`;
  if (d.file === undefined || d.start === undefined) return { code: "migration.type-error", file: ".", message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { code: "migration.type-error", file: displayPath(project.rootDir, d.file.fileName), line: line + 1, column: character + 1, message };
}
