/**
 * The per-module way to the JavaScript flavour: each module's `.js` from its own text (`transpileModule`) and its
 * `.d.ts` from its own text (`transpileDeclaration`, TypeScript's isolated declarations), with no program and no
 * type checker. A module's output then depends on that module alone, so it costs what the module costs, and one
 * module's change redoes one module. The generated modules are written so that every export's type can be read off
 * its own text (explicit annotations, literals); where one cannot, this says so and the caller uses the program.
 * The JavaScript of a module never needs the others: the options hold every module to `isolatedModules` and
 * `verbatimModuleSyntax` (STRICT_FLAGS), under which the program, too, compiles each file from its own text.
 * Where a module is found, in this order: the package's precompiled runtime copies (precompiled.ts), the memo (the
 * cache), the compiler.
 */
import { createHash } from "node:crypto";
import { ts } from "../../typescript.js";
import { DECLARATION_OPTIONS, DECLARATION_OPTIONS_ID, JAVASCRIPT_COMPILER_OPTIONS } from "./options.js";
import { precompiledModule, shippedPrecompiled, type PrecompiledModule } from "./precompiled.js";
import { specifierRewriter } from "./specifiers.js";

/** What both ways compile: absolute path → module text, with the path normaliser and the migrations' new places. */
export interface EmitInput {
  readonly sources: ReadonlyMap<string, string>;
  readonly norm: (file: string) => string;
  readonly relocate: (jsFile: string) => string | undefined;
  /** Modules whose declarations are not wanted (a migration's, or a validator's, which is fixed text). */
  readonly withoutDeclarations: (file: string) => boolean;
}

export type Emitted = (absFile: string, text: string) => void;

/** One module compiled: its JavaScript and, unless not wanted, its declarations. */
export interface CompiledModule {
  readonly js: string;
  readonly dts?: string;
}

/**
 * Modules compiled by earlier runs, by a key over everything the output depends on (the module's path and text,
 * where the migrations were moved, the TypeScript version and the options). A cache outside the process may hold
 * anything: what it returns is used only when it has the right shape.
 */
export interface ModuleMemo {
  get(key: string): unknown;
  set(key: string, value: CompiledModule): void;
}

/**
 * Compiles each module of `input` on its own. Returns false, having emitted nothing, when some module's
 * declarations cannot be written from its own text (the caller then compiles the whole program).
 */
export function emitIsolated(input: EmitInput, emitted: Emitted, memo?: ModuleMemo, precompiled: ReadonlyMap<string, PrecompiledModule> = shippedPrecompiled()): boolean {
  const out: [string, string][] = [];
  const transformers: ts.CustomTransformers = { before: [specifierRewriter(input.relocate)] };
  const files = [...input.sources].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const moved = JSON.stringify(files.map(([file]) => [file, input.relocate(file.replace(/\.ts$/, ".js")) ?? null]));
  for (const [file, text] of files) {
    const wantsDeclarations = !input.withoutDeclarations(file);
    const ready = precompiledModule(precompiled, file, text, input.relocate);
    if (ready !== undefined) {
      if (wantsDeclarations) out.push([file.replace(/\.ts$/, ".d.ts"), ready.dts]);
      out.push([file.replace(/\.ts$/, ".js"), ready.js]);
      continue;
    }
    const key = createHash("sha256").update(JSON.stringify([ts.version, DECLARATION_OPTIONS_ID, moved, file, wantsDeclarations, text])).digest("hex");
    const known = memo === undefined ? undefined : compiledModule(memo.get(key), wantsDeclarations);
    const module = known ?? compileModule(file, text, wantsDeclarations, transformers);
    if (module === undefined) return false;
    if (known === undefined) memo?.set(key, module);
    if (module.dts !== undefined) out.push([file.replace(/\.ts$/, ".d.ts"), module.dts]);
    out.push([file.replace(/\.ts$/, ".js"), module.js]);
  }
  for (const [file, text] of out) emitted(file, text);
  return true;
}

/** One module compiled on its own; undefined when its declarations cannot be written from its own text. */
export function compileModule(file: string, text: string, wantsDeclarations: boolean, transformers: ts.CustomTransformers): CompiledModule | undefined {
  let dts: string | undefined;
  if (wantsDeclarations) {
    const declared = ts.transpileDeclaration(text, { fileName: file, compilerOptions: DECLARATION_OPTIONS, reportDiagnostics: true });
    if ((declared.diagnostics ?? []).length > 0) return undefined;
    dts = declared.outputText;
  }
  const js = ts.transpileModule(text, { fileName: file, compilerOptions: JAVASCRIPT_COMPILER_OPTIONS, transformers }).outputText;
  return dts === undefined ? { js } : { js, dts };
}

/** `value` when it is a compiled module of the wanted shape, else undefined. */
function compiledModule(value: unknown, wantsDeclarations: boolean): CompiledModule | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { js, dts } = value as { js?: unknown; dts?: unknown };
  if (typeof js !== "string") return undefined;
  if (wantsDeclarations) return typeof dts === "string" ? { js, dts } : undefined;
  return dts === undefined ? { js } : undefined;
}

