/**
 * The one place where text that came from a schema becomes code.
 *
 * Why one module: titles, descriptions, property names, enum values, patterns, `$id`s and defaults are user data,
 * possibly hostile (`*\/`, `${`, U+2028, `__proto__`). Every emitter turns such text into code only through the
 * functions here: string and JSON literals, property keys, checked identifiers and comments. A review rule for
 * `src/emit/**`: no template literal interpolates schema data except through these functions.
 */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for " +
    "function if import in instanceof new null return super switch this throw true try typeof var void while with " +
    "yield let static implements interface package private protected public await any boolean number string symbol " +
    "undefined never unknown object bigint type of as from declare namespace module readonly keyof infer is asserts " +
    "require global abstract constructor get set async accessor out satisfies override"
  ).split(" "),
);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** True for an ASCII identifier that is not a reserved or contextual word in JS or TS. */
export function isSafeIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED.has(name);
}

/** A JS/TS string literal for any string, safe in every context (U+2028/2029 and lone surrogates escaped). */
export function stringLiteral(text: string): string {
  // JSON.stringify escapes quotes, backslashes, control characters and (since ES2019) lone surrogates.
  const json = JSON.stringify(text);
  // Scanned before replacing: the project-wide modules write thousands of literals per run, nearly none with either.
  return json.includes("\u2028") || json.includes("\u2029") ? json.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029") : json;
}

/**
 * A JS expression that evaluates to a deep copy of a JSON value.
 * Object keys are written as computed string keys when they are `__proto__`, because `{"__proto__": x}` in an
 * object literal sets the prototype instead of creating a property.
 */
export function jsonLiteral(value: unknown, indent = 0): string {
  const pad = "  ".repeat(indent + 1);
  const end = "  ".repeat(indent);
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a JSON number: ${String(value)}`);
    return Object.is(value, -0) ? "0" : String(value);
  }
  if (typeof value === "string") return stringLiteral(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => pad + jsonLiteral(v, indent + 1)).join(",\n")}\n${end}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return "{}";
    const body = entries.map(([k, v]) => `${pad}${objectKey(k)}: ${jsonLiteral(v, indent + 1)}`).join(",\n");
    return `{\n${body}\n${end}}`;
  }
  throw new Error(`not a JSON value: ${typeof value}`);
}

function objectKey(key: string): string {
  if (key === "__proto__") return `[${stringLiteral(key)}]`;
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/** A property key in a TS type or object literal: bare when it is an identifier, quoted otherwise. */
export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) && key !== "__proto__" ? key : stringLiteral(key);
}

/**
 * A JSDoc block comment holding arbitrary text. `*\/` cannot end the comment early; CR/LF, U+2028 and U+2029
 * become line breaks with the `*` gutter, so nothing escapes onto a code line.
 */
export function docComment(text: string, indent = ""): string {
  const lines = text
    .replace(/\*\//g, "*\\/")
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => line.replace(/\s+$/, ""));
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) return "";
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} *${l === "" ? "" : ` ${l}`}`).join("\n")}\n${indent} */\n`;
}

/**
 * One line of text inside a block comment, as `docComment` writes it: `*\/` cannot end the comment and a line
 * terminator becomes a blank, so the text stays on its line. Text already written this way comes back unchanged.
 */
export function commentLine(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/[\r\n\u2028\u2029]/g, " ");
}

/** Text for a `//` line comment: one line, no terminators. */
export function lineCommentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}

/**
 * `ticket-triage` → `TicketTriage`, `tool-0a1b` → `Tool0A1B`. Input must be a kebab-case contract name (checked by
 * discovery). A letter after a digit is upper-cased because json-schema-to-typescript does so to type names, and
 * the root type must keep exactly the name the wrappers refer to.
 */
export function pascalCase(kebab: string): string {
  let name = pascalNames.get(kebab);
  if (name === undefined) {
    name = kebab
      .split(/[^A-Za-z0-9]+/)
      .filter((p) => p !== "")
      .map((p) => p[0]!.toUpperCase() + p.slice(1))
      .join("")
      .replace(/([0-9])([a-z])/g, (_, d: string, l: string) => d + l.toUpperCase());
    if (pascalNames.size >= MAX_PASCAL_NAMES) pascalNames.clear();
    pascalNames.set(kebab, name);
  }
  return name;
}

/*
 * Why a memo: every generated name of a contract (its version, latest, standard, binding and upgrade names) starts
 * from `pascalCase(contract)`, and the project-wide modules (`index.ts`, `_sdk/index.ts`) ask it for every contract
 * on every run: tens of thousands of calls at 1,000 contracts. A pure function of its argument; bounded.
 */
const pascalNames = new Map<string, string>();
const MAX_PASCAL_NAMES = 20_000;

/**
 * A type name from arbitrary text (a `$defs` key or title): PascalCase of its ASCII letters and digits, prefixed
 * when it would start with a digit or be reserved. Never empty.
 */
export function typeNameFrom(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  let name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  if (name === "") name = "Type";
  if (/^[0-9]/.test(name)) name = `T${name}`;
  if (!isSafeIdentifier(name)) name = `${name}Type`;
  return name;
}
