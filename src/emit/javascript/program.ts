/**
 * The whole-program way to the JavaScript flavour: one TypeScript program over every module, emitted at once. It is
 * the fallback of `javascriptPlan` (index.ts) for a module whose declarations cannot be written from its own text
 * (isolated.ts), and the reference the per-file way is tested against (test/emit/javascript).
 */
import { ts } from "../../typescript.js";
import { JAVASCRIPT_COMPILER_OPTIONS } from "./options.js";
import { specifierRewriter } from "./specifiers.js";
import type { EmitInput, Emitted } from "./isolated.js";

/** Every module of `input` compiled by one program: `emitted(absFile, text)` receives each output file. */
export function emitWithProgram(input: EmitInput, emitted: Emitted): void {
  const { sources, norm, relocate } = input;
  const host = ts.createCompilerHost(JAVASCRIPT_COMPILER_OPTIONS, true);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => sources.has(norm(f)) || fileExists(f);
  host.readFile = (f) => sources.get(norm(f)) ?? readFile(f);
  host.getSourceFile = (f, lang, onError, create) => {
    const text = sources.get(norm(f));
    return text !== undefined ? ts.createSourceFile(f, text, lang, true) : getSourceFile(f, lang, onError, create);
  };
  const program = ts.createProgram({ rootNames: [...sources.keys()].sort(), options: JAVASCRIPT_COMPILER_OPTIONS, host });
  program.emit(undefined, (fileName, text) => emitted(fileName, text), undefined, false, { before: [specifierRewriter(relocate)] });
}
