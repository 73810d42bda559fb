/**
 * A generated module's text without its comments, for the migration type-check's cache key (typecheck.ts): an
 * annotation edit (a `description`, a `title`) changes only the JSDoc of the generated types, which no type
 * depends on, so the check's result for the chain cannot change and the key must not either.
 *
 * It errs on the safe side: it answers only where it can tell a comment from code without a parser, and returns
 * undefined (the caller keys the whole text) on anything else: a template literal, a `/` that does not open a
 * comment (a regular expression or a division), an unterminated string or comment, and any comment that can
 * change what the compiler does (`@ts-` directives such as `@ts-nocheck`, triple-slash directives).
 */

/**
 * The text with every comment replaced by one space, or undefined when that cannot be told safely (see above).
 *
 * Why the scans go by regular expression from one character that matters to the next (a quote, a backtick, a
 * slash; in a string, its quote, a backslash or a line end) rather than by a loop over every character: a `check`
 * after an annotation-only edit strips each file of a migration chain once, in a process too short for a
 * per-character loop to be optimised, and most of a generated module is text between those characters. Each
 * expression is a single character class: no backtracking, linear in the text.
 */
export function withoutComments(text: string): string | undefined {
  let out = "";
  let from = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(text);
    if (found === null) break;
    i = found.index;
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === APOSTROPHE) {
      i = stringEnd(text, i, c === QUOTE ? IN_DOUBLE : IN_SINGLE);
      if (i < 0) return undefined;
    } else if (c === BACKTICK) {
      return undefined;
    } else {
      const next = text.charCodeAt(i + 1);
      let end: number;
      if (next === SLASH) {
        end = text.indexOf("\n", i);
        if (end < 0) end = n;
        if (text.charCodeAt(i + 2) === SLASH) return undefined;
      } else if (next === STAR) {
        end = text.indexOf("*/", i + 2);
        if (end < 0) return undefined;
        end += 2;
      } else return undefined;
      if (text.slice(i, end).includes("@ts-")) return undefined;
      out += `${text.slice(from, i)} `;
      from = end;
      i = end;
    }
  }
  return out + text.slice(from);
}

/** Where code may hold a string, a template, a comment or a slash of another kind. */
const SPECIAL = /["'`/]/g;
/** What ends or escapes in a string opened by `"`, or by `'`. */
const IN_DOUBLE = /["\\\n\r]/g;
const IN_SINGLE = /['\\\n\r]/g;

/** The index after the string literal opened at `start`, or -1 when it does not end on its line (`stops`: its quote, a backslash, a line end). */
function stringEnd(text: string, start: number, stops: RegExp): number {
  let i = start + 1;
  for (;;) {
    stops.lastIndex = i;
    const found = stops.exec(text);
    if (found === null) return -1;
    const c = text.charCodeAt(found.index);
    if (c === BACKSLASH) i = found.index + 2;
    else return c === NEWLINE || c === RETURN ? -1 : found.index + 1;
  }
}

const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const BACKTICK = 0x60;
const SLASH = 0x2f;
const STAR = 0x2a;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
