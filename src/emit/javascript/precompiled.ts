/**
 * The files every build copies into the output (src/emit/modules/runtime.ts, RUNTIME_COPIES) compiled ahead of
 * time, shipped as `src/emit/javascript/precompiled.json`. They are the same text in every project, and compiling
 * them was most of a small project's cold `"emit": "js"` build (about 75% of its TypeScript time).
 *
 * An entry is found by the hash of the module's text and used only where the compile would have given the same
 * bytes: the same TypeScript version and options, and no import of the module (nor the module itself) moved by
 * the specifier rewriter (specifiers.ts; only the user's migrations move). Anything else in the file (another
 * TypeScript, a wrong shape, a missing file) means no entry: the module is compiled as if the file were not there.
 * test/emit/javascript/precompiled.test.ts fails when the file is not what `precompiledTable()` makes today.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { readPackageFile } from "../../paths.js";
import { ts } from "../../typescript.js";
import { DECLARATION_OPTIONS_ID } from "./options.js";

/** One module compiled ahead of time. `imports`: its relative import and export specifiers. */
export interface PrecompiledModule {
  readonly out: string;
  readonly imports: readonly string[];
  readonly js: string;
  readonly dts: string;
}

/** The shipped file: the compiler it was made with and its modules by the sha-256 of their text. */
export interface PrecompiledTable {
  readonly typescript: string;
  readonly options: string;
  readonly modules: Readonly<Record<string, PrecompiledModule>>;
}

/** The key of a module's text in the table. */
export function textKey(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** `value` as a table made for this TypeScript and these options, keeping only entries of the right shape. */
export function parsePrecompiled(value: unknown): ReadonlyMap<string, PrecompiledModule> {
  const found = new Map<string, PrecompiledModule>();
  if (typeof value !== "object" || value === null) return found;
  const { typescript, options, modules } = value as { typescript?: unknown; options?: unknown; modules?: unknown };
  if (typescript !== ts.version || options !== DECLARATION_OPTIONS_ID || typeof modules !== "object" || modules === null) return found;
  for (const [key, entry] of Object.entries(modules as Record<string, unknown>)) {
    if (typeof entry !== "object" || entry === null) continue;
    const { out, imports, js, dts } = entry as Record<string, unknown>;
    if (typeof out !== "string" || typeof js !== "string" || typeof dts !== "string") continue;
    if (!Array.isArray(imports) || !imports.every((s): s is string => typeof s === "string")) continue;
    found.set(key, { out, imports, js, dts });
  }
  return found;
}

let shipped: ReadonlyMap<string, PrecompiledModule> | undefined;

/** The table shipped with the package, read once per process (empty when it cannot be read). */
export function shippedPrecompiled(): ReadonlyMap<string, PrecompiledModule> {
  if (shipped === undefined) {
    try {
      shipped = parsePrecompiled(JSON.parse(readPackageFile("src/emit/javascript/precompiled.json")));
    } catch {
      shipped = new Map();
    }
  }
  return shipped;
}

/**
 * The precompiled form of the module at `file` (absolute, `.ts`) with `text`, or undefined when the table has
 * none or when the rewriter would move one of its specifiers (`relocate`, as in specifiers.ts).
 */
export function precompiledModule(
  table: ReadonlyMap<string, PrecompiledModule>,
  file: string,
  text: string,
  relocate: (jsFile: string) => string | undefined,
): PrecompiledModule | undefined {
  if (table.size === 0) return undefined;
  const entry = table.get(textKey(text));
  if (entry === undefined) return undefined;
  const fromJs = file.replace(/\.ts$/, ".js");
  if (relocate(fromJs) !== undefined) return undefined;
  for (const spec of entry.imports) if (relocate(path.resolve(path.dirname(fromJs), spec)) !== undefined) return undefined;
  return entry;
}

/** The relative specifiers a module imports or re-exports from. */
export function relativeImports(text: string): string[] {
  return ts.preProcessFile(text, true, false).importedFiles.map((f) => f.fileName).filter((s) => s.startsWith("."));
}
