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

/** The text with every comment replaced by one space, or undefined when that cannot be told safely (see above). */
export function withoutComments(text: string): string | undefined {
  let out = "";
  let from = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === APOSTROPHE) {
      i = stringEnd(text, i, c);
      if (i < 0) return undefined;
    } else if (c === BACKTICK) {
      return undefined;
    } else if (c === SLASH) {
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
    } else i++;
  }
  return out + text.slice(from);
}

/** The index after the string literal opened at `start`, or -1 when it does not end on its line. */
function stringEnd(text: string, start: number, quote: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) return i + 1;
    if (c === BACKSLASH) i++;
    else if (c === NEWLINE || c === RETURN) return -1;
  }
  return -1;
}

const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const BACKTICK = 0x60;
const SLASH = 0x2f;
const STAR = 0x2a;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
