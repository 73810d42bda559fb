/**
 * Just enough JavaScript lexing to tell code from literals in generated validators. Schema data reaches generated
 * code only inside string literals (ajv's codegen escapes it) and format patterns only inside regular-expression
 * literals, so checks such as "no `require` anywhere" must look at the code outside those literals: a schema with
 * `"const": "require(x)"` is fine, a `require(` call is not.
 */

/** Characters after which a `/` starts a regular-expression literal rather than a division. */
const REGEX_PRECEDERS = new Set("(,=:[!&|?{};+-*%<>~^".split(""));
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|do|else|in|of|void|delete|throw|new)$/;

/** Where a literal or comment can start: nothing else changes how the text after it is read. */
const OPENERS = /["'`/]/g;

/**
 * `source` with the contents of string, template, regular-expression literals and of comments replaced by spaces,
 * so offsets stay the same and every remaining non-space character is code. Delimiters are kept.
 *
 * Why one forward pass of slices: every post-pass over the generated code (schema-values.ts, own-properties.ts,
 * pure.ts, inline.ts, emit.ts) masks a module of tens of kilobytes, several times per version, so the scan jumps
 * from one possible opener to the next and copies the code between them whole instead of character by character.
 */
export function maskLiterals(source: string): string {
  // A pass that changed nothing hands the next one the same text: about a fifth of the calls, a third of the text.
  for (const [text, masked] of recent) if (text === source) return masked;
  const masked = scan(source);
  recent.push([source, masked]);
  if (recent.length > RECENT) recent.shift();
  return masked;
}

/**
 * The last few texts masked in this thread and their masks. Why a memo: the post-passes of one version each mask
 * the module they are given, and a pass that finds nothing to rewrite returns its input unchanged; comparing a
 * string with a handful of others costs far less than scanning it again. Bounded, so it holds at most a few modules.
 */
const recent: [string, string][] = [];
const RECENT = 8;

function scan(source: string): string {
  const parts: string[] = [];
  let copied = 0;
  const blank = (from: number, to: number): void => {
    if (to <= from) return;
    parts.push(source.slice(copied, from), blanks(source, from, to));
    copied = to;
  };
  let i = 0;
  for (;;) {
    OPENERS.lastIndex = i;
    const opener = OPENERS.exec(source);
    if (opener === null) break;
    i = opener.index;
    const c = opener[0];
    if (c === '"' || c === "'" || c === "`") {
      const end = skipQuoted(source, i, c);
      blank(i + 1, end - 1);
      i = end;
    } else if (source[i + 1] === "/") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      if (end === -1) throw new Error("unterminated comment in generated code");
      blank(i, end + 2);
      i = end + 2;
    } else if (startsRegex(source, i)) {
      const close = closingSlash(source, i);
      blank(i + 1, close);
      i = close + 1;
    } else {
      i++;
    }
  }
  parts.push(source.slice(copied));
  return parts.join("");
}

/** `source[from, to)` with every UTF-16 unit but line feeds as a space. */
function blanks(source: string, from: number, to: number): string {
  const text = source.slice(from, to);
  return text.includes("\n") ? text.replace(/[^\n]/g, " ") : " ".repeat(to - from);
}

function startsRegex(source: string, slash: number): boolean {
  let j = slash - 1;
  while (j >= 0 && /\s/.test(source[j]!)) j--;
  if (j < 0) return true;
  return REGEX_PRECEDERS.has(source[j]!) || REGEX_KEYWORDS.test(source.slice(Math.max(0, j - 7), j + 1));
}

/**
 * The rest of a string or template literal up to and including its closing quote: any unit but the quote, a
 * backslash or a line break (templates: a `${`), or a backslash and the unit it escapes.
 */
const QUOTED: Readonly<Record<string, RegExp>> = {
  '"': /[^"\\\n]*(?:\\[\s\S][^"\\\n]*)*"/y,
  "'": /[^'\\\n]*(?:\\[\s\S][^'\\\n]*)*'/y,
  "`": /[^`\\$]*(?:(?:\\[\s\S]|\$(?!\{))[^`\\$]*)*`/y,
};

/** Offset just past the closing quote. Template literals must not contain `${`: generated code never uses them. */
function skipQuoted(source: string, start: number, quote: string): number {
  const rest = QUOTED[quote]!;
  rest.lastIndex = start + 1;
  if (rest.test(source)) return rest.lastIndex;
  return quotedError(source, start, quote);
}

/** Why the literal at `start` does not end where it should (the slow scan, for the message only). */
function quotedError(source: string, start: number, quote: string): never {
  let i = start + 1;
  while (i < source.length) {
    const c = source[i]!;
    if (c === "\\") i += 2;
    else if (c === quote) break;
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
