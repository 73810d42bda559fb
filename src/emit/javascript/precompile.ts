/**
 * Makes the table of precompiled runtime copies (precompiled.ts) from what a build copies today: every file of
 * RUNTIME_COPIES, compiled exactly as isolated.ts compiles a module that nothing moves. `node
 * scripts/precompile-runtime.mjs` writes it to src/emit/javascript/precompiled.json.
 */
import { ts } from "../../typescript.js";
import { RUNTIME_COPIES, runtimeCopies, type RuntimeGroup } from "../modules/runtime.js";
import { compileModule } from "./isolated.js";
import { DECLARATION_OPTIONS_ID } from "./options.js";
import { relativeImports, textKey, type PrecompiledModule, type PrecompiledTable } from "./precompiled.js";
import { specifierRewriter } from "./specifiers.js";

/** The table for the runtime copies of this package, with this TypeScript; keys sorted, so the file is stable. */
export function precompiledTable(): PrecompiledTable {
  const transformers: ts.CustomTransformers = { before: [specifierRewriter(() => undefined)] };
  const modules = new Map<string, PrecompiledModule>();
  for (const group of Object.keys(RUNTIME_COPIES) as RuntimeGroup[]) {
    for (const [out, text] of runtimeCopies(group)) {
      // Under a fixed root: a copy's output does not depend on where the project is (the test compiles them elsewhere).
      const compiled = compileModule(`/generated/${out}`, text, true, transformers);
      if (compiled?.dts === undefined) throw new Error(`${out}: its declarations cannot be written from its own text`);
      modules.set(textKey(text), { out, imports: relativeImports(text), js: compiled.js, dts: compiled.dts });
    }
  }
  const sorted = [...modules].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { typescript: ts.version, options: DECLARATION_OPTIONS_ID, modules: Object.fromEntries(sorted) };
}
