/**
 * Type-checks TypeScript sources in memory with the strictest settings a consumer may use, under both module
 * systems a consumer may compile with. Reused for golden files: `typecheck({"types.ts": golden}, mode)`.
 *
 * Files live in a virtual folder with a `package.json` of `"type": "module"`, so under NodeNext they are ES modules
 * (import each other as `./name.js`). Only the TypeScript lib files are read from disk.
 */
import ts from "typescript";
import path from "node:path";
import { MODULE_SETTINGS, STRICT_FLAGS } from "../../util/strict.js";

export type TypecheckMode = "nodenext" | "bundler";
export const TYPECHECK_MODES: readonly TypecheckMode[] = ["nodenext", "bundler"];

export interface TypeDiagnostic {
  /** File name as passed in, or undefined for a global diagnostic. */
  readonly file: string | undefined;
  readonly code: number;
  /** `file:line:col TS<code>: message`. */
  readonly text: string;
}

const ROOT = "/virtual/";

const STRICT: ts.CompilerOptions = { ...STRICT_FLAGS, lib: ["lib.es2022.d.ts"], skipLibCheck: true };

const MODES: Readonly<Record<TypecheckMode, ts.CompilerOptions>> = MODULE_SETTINGS;

const libDir = path.dirname(ts.getDefaultLibFilePath(STRICT)) + path.sep;
const libCache = new Map<string, ts.SourceFile>();

/** All diagnostics (options, syntax, semantics) for the given files; empty when they type-check. */
export function typecheck(files: Readonly<Record<string, string>>, mode: TypecheckMode): TypeDiagnostic[] {
  const options = { ...STRICT, ...MODES[mode] };
  const virtual = new Map<string, string>([[`${ROOT}package.json`, '{"type":"module"}']]);
  for (const [name, text] of Object.entries(files)) virtual.set(ROOT + name, text);

  const host: ts.CompilerHost = {
    getSourceFile(fileName, languageVersion) {
      const text = virtual.get(fileName);
      if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
      if (!fileName.startsWith(libDir)) return undefined;
      const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
      let lib = libCache.get(key);
      if (lib === undefined) {
        const libText = ts.sys.readFile(fileName);
        if (libText === undefined) return undefined;
        lib = ts.createSourceFile(fileName, libText, languageVersion, true);
        libCache.set(key, lib);
      }
      return lib;
    },
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    writeFile: () => undefined,
    getCurrentDirectory: () => ROOT,
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (f) => virtual.has(f) || (f.startsWith(libDir) && ts.sys.fileExists(f)),
    readFile: (f) => virtual.get(f) ?? (f.startsWith(libDir) ? ts.sys.readFile(f) : undefined),
  };
  const rootNames = Object.keys(files).map((name) => ROOT + name);
  const program = ts.createProgram({ rootNames, options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const file = d.file?.fileName.startsWith(ROOT) ? d.file.fileName.slice(ROOT.length) : d.file?.fileName;
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    let where = file ?? "(global)";
    if (d.file !== undefined && d.start !== undefined) {
      const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
      where += `:${line + 1}:${character + 1}`;
    }
    return { file, code: d.code, text: `${where} TS${d.code}: ${message}` };
  });
}
