import ts from "typescript";
import { libCachingHost } from "./lib-cache.js";
import { MODULE_SETTINGS, STRICT_FLAGS } from "./strict.js";

/** The strict flags plus the checks a careful consumer adds; real lib files are checked too (no skipLibCheck). */
const STRICT: ts.CompilerOptions = {
  ...STRICT_FLAGS,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  skipLibCheck: false,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
};

export const MODULE_MODES: Readonly<Record<string, ts.CompilerOptions>> = {
  NodeNext: MODULE_SETTINGS.nodenext,
  Bundler: MODULE_SETTINGS.bundler,
};

/** Type-checks files on disk; returns formatted diagnostics (empty when clean). */
export function typecheckFiles(rootNames: readonly string[], mode: keyof typeof MODULE_MODES): string[] {
  const options = { ...STRICT, ...MODULE_MODES[mode] };
  const program = ts.createProgram(rootNames, options, libCachingHost(options));
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (d.file === undefined || d.start === undefined) return text;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}:${line + 1}:${character + 1}: ${text}`;
  });
}

/** Transpiles a folder of generated .ts to .js (ESM) so tests can import and run it. */
export function transpileTo(files: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [rel, text] of files) {
    if (!rel.endsWith(".ts")) continue;
    const js = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    }).outputText;
    out.set(rel.replace(/\.ts$/, ".js"), js);
  }
  return out;
}
