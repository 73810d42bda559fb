import { ts } from "../../typescript.js";
import { STRICT_FLAGS } from "../codegen/strict.js";

/**
 * Compiler options of the JavaScript flavour (`"emit": "js"`), pinned here (STYLE.md habit 7). ESM output with the
 * same relative `.js` specifiers as the TypeScript modules, ES2022 like the generated code's own target, comments
 * kept (the doc comments are the API documentation), LF newlines so a rebuild is byte-identical on every OS.
 */
export const JAVASCRIPT_COMPILER_OPTIONS: ts.CompilerOptions = {
  ...STRICT_FLAGS,
  noEmit: false,
  declaration: true,
  noEmitOnError: false,
  removeComments: false,
  sourceMap: false,
  declarationMap: false,
  newLine: ts.NewLineKind.LineFeed,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts"],
  skipLibCheck: true,
  types: [],
};

/** The options of a module compiled with its declarations (isolated.ts): isolated declarations on. */
export const DECLARATION_OPTIONS: ts.CompilerOptions = { ...JAVASCRIPT_COMPILER_OPTIONS, isolatedDeclarations: true };

/** Those options as text: part of every key of a compiled module (the cache's, the shipped table's). */
export const DECLARATION_OPTIONS_ID = JSON.stringify(DECLARATION_OPTIONS);
