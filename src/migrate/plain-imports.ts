/**
 * A module's import specifiers read from its code without TypeScript, for the migration type-check's key
 * (typecheck-key.ts, imports.ts). Why: keying a cold check's thousand chains scanned every module of them with
 * the compiler's scanner (`preProcessFile`) and kept each answer in the cache (one read and one write per module),
 * seconds of the main thread for modules whose imports are a few plain lines at the top (the generated ones, and
 * most migrations).
 *
 * It errs on the safe side: it reads code whose comments are already left out (comments.ts `withoutComments`,
 * which answers only for code with no template, regular expression or directive comment), and answers only where
 * every place that can name another module is one of the plain forms below; anything else (a dynamic `import(…)`,
 * `import x = require(…)`, `require`, AMD's `define`, `declare module "…"`, an escape outside a string) returns
 * undefined, and the caller asks the compiler's scanner.
 *
 * Why a word cannot hide from it: a keyword is a whole identifier, so the characters around it are not identifier
 * characters, and every such ASCII character is a regular-expression word boundary; strings are masked first (their
 * contents can name nothing), so every `import`, `export`, `require`, `define` and `module` of the code is looked at.
 * Where it is part of a longer identifier (`$import`), it is looked at too, matches no plain form, and the answer
 * is undefined.
 *
 * @see https://tc39.es/ecma262/#sec-imports
 */

/**
 * The specifiers of `code` (a module without comments), in order; undefined when a place that can name a module is
 * not one of the plain forms: `import … from "x"`, `import "x"`, `export {…} from "x"`, `export * [as n] from "x"`
 * (each also with `type`), or a local `export {…}`.
 */
export function plainSpecifiers(code: string): string[] | undefined {
  const strings: string[] = [];
  // Each string literal as `"<its index>"`: what it holds can neither open a comment nor name a module.
  const masked = code.replace(STRING, (s) => `"${strings.push(s) - 1}"`);
  if (masked.includes("\\")) return undefined;
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let found = WORD.exec(masked); found !== null; found = WORD.exec(masked)) {
    const at = found.index;
    const word = found[0];
    let spec: RegExpExecArray | null = null;
    // Each place read is stepped over whole: the words inside an import or export clause name no module, and a
    // clause is then read once (at every `export` of `export {a export {a …}` it was read to the far brace: hours
    // for a 5 MB module).
    if (word === "import") spec = matchAt(IMPORT_FROM, masked, at) ?? matchAt(IMPORT_BARE, masked, at);
    else if (word !== "export") {
      // `require(`, `define(`, `module "`: a call or declaration that may name a module; else a property's name.
      if (matchAt(CALL_OR_AMBIENT, masked, at) !== null) return undefined;
      continue;
    } else {
      spec = matchAt(EXPORT_FROM, masked, at);
      if (spec === null) {
        // Any other export (`export const …`) names no module, nor does a local list (`export { a };`); an
        // `export *` or a list followed by `from` that is not a plain re-export is left to the scanner.
        const list = matchAt(EXPORT_LIST, masked, at);
        if (list === null) continue;
        // A star, a list that never closes (a syntax error) or one followed by `from`: the scanner decides.
        if (list[2] === "*" || list[1] === "" || matchAt(FROM, masked, at + list[0].length) !== null) return undefined;
        WORD.lastIndex = at + list[0].length;
        continue;
      }
    }
    if (spec === null) return undefined;
    // A specifier with an escape (or the other quote) is left to the compiler's reading of it.
    const text = strings[Number(spec[1])]!.slice(1, -1);
    if (/["'\\]/.test(text)) return undefined;
    out.push(text);
    WORD.lastIndex = spec.index + spec[0].length;
  }
  return out;
}

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** A string literal as withoutComments reads one: on one line, any escape (a line continuation included) skipped. */
const STRING = /"(?:[^"\\\n\r]|\\[^])*"|'(?:[^'\\\n\r]|\\[^])*'/g;
/** Every word that can start a place naming a module. */
const WORD = /\b(?:import|export|require|define|module)\b/g;
const NAME = String.raw`[A-Za-z_$][\w$]*`;
const CLAUSE = String.raw`(?:(?:${NAME}\s*,\s*)?(?:\{[^}"]*\}|\*\s*as\s+${NAME})|${NAME})`;
/** `import [type] <clause> from "<n>"`. */
const IMPORT_FROM = new RegExp(String.raw`import\s*(?:type\s+)?${CLAUSE}\s*from\s*"(\d+)"`, "y");
/** `import "<n>"`. */
const IMPORT_BARE = /import\s*"(\d+)"/y;
/** `export [type] {…} from "<n>"`, `export [type] * [as n] from "<n>"` (`type` may touch the brace or star). */
const EXPORT_FROM = new RegExp(String.raw`export\s*(?:type\s*)?(?:\{[^}"]*\}|\*(?:\s*as\s+${NAME})?)\s*from\s*"(\d+)"`, "y");
/** An export list or star, whatever follows (`[1]`: the list's closing brace, empty when it never closes; `[2]`: the star). */
const EXPORT_LIST = /export\s*(?:type\s*)?(?:\{[^}]*(\}|$)|(\*))/y;
/** `from` after an export list. */
const FROM = /\s*from\b/y;
/** `require (`, `define (`, `module "<n>"` (`declare module "x"`, an ambient module or an augmentation). */
const CALL_OR_AMBIENT = /(?:require|define)\s*\(|module\s*"/y;
