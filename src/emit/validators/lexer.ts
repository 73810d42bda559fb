/**
 * Just enough JavaScript lexing to tell code from literals in generated validators. Schema data reaches generated
 * code only inside string literals (ajv's codegen escapes it) and format patterns only inside regular-expression
 * literals, so checks such as "no `require` anywhere" must look at the code outside those literals: a schema with
 * `"const": "require(x)"` is fine, a `require(` call is not.
 */

/** Characters after which a `/` starts a regular-expression literal rather than a division. */
const REGEX_PRECEDERS = new Set("(,=:[!&|?{};+-*%<>~^".split(""));
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|void|delete|throw|new)$/;

/**
 * `source` with the contents of string, template, regular-expression literals and of comments replaced by spaces,
 * so offsets stay the same and every remaining non-space character is code. Delimiters are kept.
 */
export function maskLiterals(source: string): string {
  const out = source.split("");
  let i = 0;
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '"' || c === "'" || c === "`") {
      const end = skipQuoted(source, i, c);
      blank(i + 1, end - 1);
      i = end;
    } else if (c === "/" && source[i + 1] === "/") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      if (end === -1) throw new Error("unterminated comment in generated code");
      blank(i, end + 2);
      i = end + 2;
    } else if (c === "/" && startsRegex(source, i)) {
      const close = closingSlash(source, i);
      blank(i + 1, close);
      i = close + 1;
    } else {
      i++;
    }
  }
  return out.join("");
}

function startsRegex(source: string, slash: number): boolean {
  let j = slash - 1;
  while (j >= 0 && /\s/.test(source[j]!)) j--;
  if (j < 0) return true;
  return REGEX_PRECEDERS.has(source[j]!) || REGEX_KEYWORDS.test(source.slice(Math.max(0, j - 7), j + 1));
}

/** Offset just past the closing quote. Template literals must not contain `${`: generated code never uses them. */
function skipQuoted(source: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "\\") i += 2;
    else if (c === quote) return i + 1;
    else if (quote === "`" && c === "$" && source[i + 1] === "{")
      throw new Error("template substitution in generated code");
    else if (quote !== "`" && c === "\n") break;
    else i++;
  }
  throw new Error(`unterminated string literal at offset ${start} in generated code`);
}

/** Offset of the `/` that closes the regular-expression literal opened at `start` (its flags follow as letters). */
function closingSlash(source: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") i++;
    else if (c === "\n") break;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) return i;
  }
  throw new Error(`unterminated regular expression literal at offset ${start} in generated code`);
}

/**
 * Identifiers that load modules or build code from strings. Each is matched as a whole identifier (`$` and word
 * characters around it make a different name) and only where it is not a property name: ajv writes the property
 * `import` of the data as `data.import`, which reads a property and loads nothing.
 */
const FORBIDDEN: readonly [RegExp, string][] = [
  [/(?<![\w$])require(?![\w$])/g, "require"],
  [/(?<![\w$])import(?![\w$])/g, "import"],
  [/(?<![\w$])eval(?![\w$])/g, "eval"],
  [/(?<![\w$])Function\s*\(/g, "Function constructor"],
];

/** True when the identifier at `offset` of masked code is a member name (`a.import`, `a?.eval`), not a reference. */
function isMemberName(code: string, offset: number): boolean {
  let j = offset - 1;
  while (j >= 0 && /\s/.test(code[j]!)) j--;
  // `...import` is spread syntax, not member access.
  return code[j] === "." && code[j - 1] !== ".";
}

/** Names of forbidden constructs (module loading, code from strings) found in the code outside literals. */
export function forbiddenConstructs(source: string): string[] {
  const code = maskLiterals(source);
  return FORBIDDEN.filter(([pattern]) =>
    [...code.matchAll(pattern)].some((match) => !isMemberName(code, match.index)),
  ).map(([, name]) => name);
}
