/**
 * `check`'s type-check of the upgrade chain: the user's migrations against the types `build` would generate.
 * Why: when a schema changes, a migration body written for the old types may no longer fit; the report names the
 * file and line, the way the compiler would, before the chain is shipped.
 */
import path from "node:path";
import ts from "typescript";
import { displayPath, type Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import { STRICT_FLAGS } from "../emit/codegen/strict.js";

/** The strict settings generated code is held to (README: "The generated code compiles with ..."). */
export const CHAIN_COMPILER_OPTIONS: ts.CompilerOptions = {
  ...STRICT_FLAGS,
  skipLibCheck: true,
  lib: ["lib.es2022.d.ts"],
  // Bundler resolution: same relative `.js` specifiers as NodeNext, without needing the user's package.json type.
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
};

/**
 * Type-checks `roots` with `overlay` (absolute path → text) standing in for files on disk, so generated modules
 * are taken from the plan rather than from a possibly stale output folder.
 */
export function typecheckChain(project: Project, overlay: ReadonlyMap<string, string>, roots: readonly string[]): Diagnostic[] {
  const host = ts.createCompilerHost(CHAIN_COMPILER_OPTIONS, true);
  const norm = (f: string): string => path.resolve(f);
  const files = new Map([...overlay].map(([f, t]) => [norm(f), t]));
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => files.has(norm(f)) || fileExists(f);
  host.readFile = (f) => files.get(norm(f)) ?? readFile(f);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = files.get(norm(f));
    return text !== undefined ? ts.createSourceFile(f, text, lang, true) : getSourceFile(f, lang, onError, create);
  };
  const program = ts.createProgram({ rootNames: [...roots], options: CHAIN_COMPILER_OPTIONS, host });
  return ts.getPreEmitDiagnostics(program).map((d) => toDiagnostic(project, d));
}

function toDiagnostic(project: Project, d: ts.Diagnostic): Diagnostic {
  const message = `does not type-check: ${ts.flattenDiagnosticMessageText(d.messageText, " ")} (TS${d.code})`;
  if (d.file === undefined || d.start === undefined) return { code: "migration.type-error", file: ".", message };
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return { code: "migration.type-error", file: displayPath(project.rootDir, d.file.fileName), line: line + 1, column: character + 1, message };
}
