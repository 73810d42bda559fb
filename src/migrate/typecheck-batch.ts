/**
 * One batch of the upgrade-chain type-check (typecheck.ts): a program over some roots, with the plan's text standing
 * in for files on disk, and its diagnostics as ours. Shared by the main thread and the type-check workers
 * (typecheck-worker.ts), so a batch gives the same diagnostics wherever it runs.
 */
import path from "node:path";
import type ts from "typescript";
import { displayPath, type Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";

/** What every batch of a run shares: the compiler, its options, the overlay, and the parsed files kept across batches. */
export interface BatchContext {
  readonly tsc: typeof ts;
  readonly options: ts.CompilerOptions;
  readonly project: Project;
  /** Absolute path → text, standing in for files on disk (validator modules already as their declarations). */
  readonly files: ReadonlyMap<string, string>;
  /**
   * Every path of the run's overlay, when `files` holds only part of it (a type-check thread: the project-wide
   * modules, each batch bringing its chains' files, see typecheck-pool.ts). A path listed here but in neither is
   * never read from disk instead: the batch fails, since its chains' import closures missed a file.
   */
  readonly overlay?: ReadonlySet<string>;
  /** Parsed once for every batch in this thread: the standard library and the project-wide generated modules. */
  readonly shared: Map<string, ts.SourceFile>;
}

/**
 * Parses what every batch of this thread will need (the standard library, `_runtime.ts` and the runtime modules
 * it re-exports) into `ctx.shared`, without checking anything: a worker does it while the main thread is still
 * working out which chains to check (typecheck.ts), so its first batch does not start by parsing them.
 */
export function warmBatches(ctx: BatchContext): void {
  createProgram(ctx, [path.resolve(ctx.project.outDir, "_runtime.ts")]);
}

/**
 * The diagnostics of one batch of roots, converted and in the compiler's order (sorted and deduplicated). `extra`:
 * the overlay's files this batch's chains reach that `ctx.files` does not hold (a type-check thread's batch).
 */
export function checkBatch(ctx: BatchContext, roots: readonly string[], extra: ReadonlyMap<string, string> = new Map()): Diagnostic[] {
  const { tsc, project } = ctx;
  const program = createProgram(ctx, roots, extra);
  return chainDiagnostics(tsc, program, toolOwned(project, roots)).map((d) => toDiagnostic(tsc, project, d));
}

/** Files the tool generated (under the output folder), except `roots`: see typecheck.ts's file comment. */
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

/*
 * Why these files are parsed once per thread and shared by its programs: a source file's syntax tree and binding
 * do not depend on the program that holds it (TypeScript's language service shares them the same way), and the
 * standard library and the project-wide generated modules (`_runtime.ts`, `_runtime/*.ts`, `_json-schema.ts`...)
 * are read by every batch. A contract's own modules are read by one batch only, so they are not kept.
 *
 * Why JSDoc is parsed only where it can change a diagnostic (`ParseForTypeErrors`, what `tsc` itself uses): in a
 * TypeScript file, a doc comment changes no type; only `@see`/`@link` tags, which can reference names, are parsed.
 * The generated modules carry every schema description as a doc comment, and parsing them was a tenth of a batch.
 * Parent pointers are likewise left to the binder, as `tsc` does (setting them at parse time walks every tree twice).
 */
function createProgram(ctx: BatchContext, roots: readonly string[], extra: ReadonlyMap<string, string> = new Map()): ts.Program {
  const { tsc, options, files, shared, project, overlay } = ctx;
  const host = tsc.createCompilerHost(options);
  host.jsDocParsingMode = tsc.JSDocParsingMode.ParseForTypeErrors;
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  const projectWide = projectWideModule(project);
  // The overlay's text of `abs`; undefined for a file outside it (then read from disk).
  const overlaid = (abs: string): string | undefined => {
    const found = extra.get(abs) ?? files.get(abs);
    if (found === undefined && overlay?.has(abs) === true) throw new Error(`migration type-check: ${displayPath(project.rootDir, abs)} was not handed to this batch (an import closure missed it)`);
    return found;
  };
  host.fileExists = (f) => overlaid(path.resolve(f)) !== undefined || fileExists(f);
  host.readFile = (f) => overlaid(path.resolve(f)) ?? readFile(f);
  host.getSourceFile = (f, lang, onError, create) => {
    const abs = path.resolve(f);
    const known = shared.get(abs);
    if (known !== undefined) return known;
    const text = overlaid(abs);
    const sf = text !== undefined ? tsc.createSourceFile(f, text, lang) : getSourceFile(f, lang, onError, create);
    if (sf !== undefined && (text === undefined || projectWide(abs))) shared.set(abs, sf);
    return sf;
  };
  return tsc.createProgram({ rootNames: [...roots], options, host });
}

/** A generated module outside every contract's folder: directly in the output folder, or in one of its `_` folders. */
export function projectWideModule(project: Project): (abs: string) => boolean {
  const out = path.resolve(project.outDir);
  return (abs) => {
    const rel = path.relative(out, abs).split(path.sep);
    if (rel[0] === ".." || path.isAbsolute(rel[0]!)) return false;
    return rel.length === 1 || rel[0]!.startsWith("_");
  };
}

function toDiagnostic(tsc: typeof ts, project: Project, d: ts.Diagnostic): Diagnostic {
  const message = `does not type-check: ${tsc.flattenDiagnosticMessageText(d.messageText, " ")} (TS${d.code})`;
  if (d.file === undefined || d.start === undefined) return { code: "migration.type-error", file: ".", message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { code: "migration.type-error", file: displayPath(project.rootDir, d.file.fileName), line: line + 1, column: character + 1, message };
}
