/**
 * Generated validator code (a module with no imports, its exports on lines of their own) run as a function's body,
 * where that is shown to be the same program; `loadValidator` (load-module.ts) imports the module otherwise.
 *
 * Why: a cold `check` of a thousand contracts runs two thousand validator modules (about 28 KB each: the golden
 * examples in the compile workers, witness confirmation in drift). As `data:` modules, each was base64-encoded,
 * resolved as a URL of twice its size and kept in the module map for the rest of the process (seconds, and a
 * hundred megabytes and more). As a function, it is compiled the same way and freed with its last reference.
 *
 * Why it is the same program: module code is strict, and so is the body (its first statement is "use strict");
 * top-level declarations are scoped to the body as to the module. Each export line is replaced by a call that
 * counts it (`export function f(` by the call, then `function f(`; `export default f;` and `export { a as b };` by
 * the call alone): where such a line stood inside a comment, a string or a template it is never called, so the
 * count falls short and the module is imported instead. Anything else a module may hold and a function body may not
 * (another `export` or `import` form, `import.meta`, a top-level `await`) is a syntax error in the body: imported
 * instead too, and a top-level `return` (a syntax error in a module, not in a body) skips a count added at the
 * body's end. A module that says `arguments` (a name a function body binds and a module does not) is imported.
 */
import type { RawValidator } from "../../runtime/runtime.js";

/** The `validate` export of `code` run as a function's body, or undefined when that is not shown to be the module. */
export function asFunction(code: string): RawValidator | undefined {
  if (/\barguments\b/.test(code) || code.includes(COUNT)) return undefined;
  let lines = 0;
  let validates = 0;
  const body = code.replace(EXPORT_LINE, (_line, fn: string | undefined, alias: string | undefined, exported: string | undefined) => {
    lines++;
    if (fn === "validate") validates++;
    if (alias === "validate" || exported === "validate") validates = Number.NaN;
    return fn === undefined ? `${COUNT}();` : `${COUNT}(); function ${fn}(`;
  });
  if (validates !== 1) return undefined;
  let counted = 0;
  try {
    // One more count at the end: a top-level `return` (a syntax error in a module) would skip it.
    const validate: unknown = new Function(COUNT, `"use strict";\n${body}\n${COUNT}();\nreturn validate;`)(() => {
      counted++;
    });
    return counted === lines + 1 && typeof validate === "function" ? (validate as RawValidator) : undefined;
  } catch {
    return undefined;
  }
}

/** The counter's name (a module holding it is imported: its own binding of it would hide the counter). */
const COUNT = "llmcExportLine$";
/** `export function <f>(`, `export default <f>;`, `export { <a> as <b> };`, each at a line's start. */
const EXPORT_LINE = /^export (?:function ([A-Za-z_$][\w$]*)\(|default [A-Za-z_$][\w$]*;$|\{ ([A-Za-z_$][\w$]*) as ([A-Za-z_$][\w$]*) \};$)/gm;
