/**
 * Turns ajv standalone output into a module with zero imports.
 *
 * ajv leaves CommonJS `require(...)` calls in standalone code for its runtime helpers, and reads function formats
 * from `code.formats` (set to our `llmcFormats` identifier in options.ts). We define those names ourselves, in
 * front of ajv's code, with the functions from runtime.ts and formats.ts, and then check that no module loading and
 * no code-from-string construct is left.
 */
import { stringLiteral } from "../codegen/escape.js";
import { FORMATS_IDENTIFIER } from "./options.js";
import { functionFormat, llmcPatternFormat, llmcUriPattern, llmcUriPlain } from "./formats.js";
import * as formatFunctions from "./formats.js";
import { forbiddenConstructs, maskLiterals } from "./lexer.js";
import * as runtimeFunctions from "./runtime.js";
import { llmcEqual, llmcUcs2length } from "./runtime.js";

/** The exact expressions ajv emits for its runtime helpers (`<fn>.code` in ajv/dist/runtime), and ours for them. */
const RUNTIME_REPLACEMENTS: readonly [string, string][] = [
  ['require("ajv/dist/runtime/ucs2length").default', llmcUcs2length.name],
  ['require("ajv/dist/runtime/equal").default', llmcEqual.name],
];

/** Every `llmc*` definition generated code can use, by name, as source text. */
const DEFINITIONS: ReadonlyMap<string, string> = new Map<string, string>([
  ...([...Object.values(runtimeFunctions), ...Object.values(formatFunctions)] as unknown[])
    .filter(
      (value): value is (...args: never[]) => unknown => typeof value === "function" && value.name.startsWith("llmc"),
    )
    .map((fn): [string, string] => [fn.name, fn.toString()]),
  [
    "llmcUriPattern",
    // A literal, so the pattern is compiled once per module rather than rebuilt by the emitted code.
    `const llmcUriPattern = ${llmcUriPattern.toString()};`,
  ],
  ["llmcUriPlain", `const llmcUriPlain = ${llmcUriPlain.toString()};`],
]);

/** `llmc*` names a definition refers to. */
function dependencies(code: string): string[] {
  return [...new Set(maskLiterals(code).match(/\bllmc[A-Z][A-Za-z0-9]*/g) ?? [])];
}

/** Names of the function formats the code reads from the formats object, e.g. `llmcFormats["date-time"]`. */
function usedFormats(code: string): string[] {
  const masked = maskLiterals(code);
  const names = new Set<string>();
  const reference = new RegExp(`\\b${FORMATS_IDENTIFIER}(?:\\.([A-Za-z_$][A-Za-z0-9_$]*)|\\[)`, "g");
  for (const match of masked.matchAll(reference)) {
    if (match[1] !== undefined) {
      names.add(match[1]);
      continue;
    }
    // Bracket access holds a JSON string literal; the mask blanked its contents, so read it from the original.
    const open = match.index + match[0].length;
    const close = masked.indexOf("]", open);
    names.add(JSON.parse(code.slice(open, close)) as string);
  }
  return [...names].sort();
}

/**
 * The expression that stands for `llmcFormats.<name>` in ajv's code. Custom formats (name → regex source from the
 * config) win over built-in ones of the same name.
 *
 * Why no formats object: ajv reads each function format once, at the top level (`const formats0 =
 * llmcFormats.uri`). A property read is not provably side-effect free, so a bundler keeps it, and with it the
 * object and every format in it, even in a bundle that never calls this validator. Each read is replaced by its
 * value instead: a function name, an object literal, or a call marked pure, all of which a bundler drops unused.
 */
function formatExpression(name: string, custom: Readonly<Record<string, string>>): string {
  if (Object.hasOwn(custom, name)) return `/* @__PURE__ */ ${llmcPatternFormat.name}(${stringLiteral(custom[name]!)})`;
  const format = functionFormat(name)!;
  return format.wrapped ? `{ validate: ${format.fn.name} }` : format.fn.name;
}

/** `code` with every `llmcFormats.<name>` / `llmcFormats["<name>"]` read replaced by `formatExpression`. */
function inlineFormatReads(code: string, custom: Readonly<Record<string, string>>): string {
  const masked = maskLiterals(code);
  const reference = new RegExp(`\\b${FORMATS_IDENTIFIER}(?:\\.([A-Za-z_$][A-Za-z0-9_$]*)|\\[)`, "g");
  let out = "";
  let last = 0;
  for (const match of masked.matchAll(reference)) {
    let name = match[1];
    let end = match.index + match[0].length;
    if (name === undefined) {
      const close = masked.indexOf("]", end);
      name = JSON.parse(code.slice(end, close)) as string;
      end = close + 1;
    }
    out += code.slice(last, match.index) + formatExpression(name, custom);
    last = end;
  }
  return out + code.slice(last);
}

/** Definitions for `roots` and everything they use, each once, sorted by name so output is deterministic. */
function definitionsFor(roots: readonly string[]): string[] {
  const needed = new Set<string>();
  const visit = (name: string): void => {
    if (needed.has(name)) return;
    const code = DEFINITIONS.get(name);
    if (code === undefined) throw new Error(`no inlined definition for ${name}`);
    needed.add(name);
    dependencies(code).forEach(visit);
  };
  roots.forEach(visit);
  return [...needed].sort().map((name) => DEFINITIONS.get(name)!);
}

/**
 * ajv writes schema objects into standalone code as JSON text. As a JS object literal, a `"__proto__": value`
 * member sets the prototype instead of creating a property, so a `const` or `enum` object with that key would
 * compare differently from ajv in memory. Such keys become computed keys, which do create the property.
 */
function protoKeysAsComputed(code: string): string {
  const masked = maskLiterals(code);
  const literal = stringLiteral("__proto__");
  // Not a `case "__proto__":` label (the fast path's key switch): that one is a comparison, not a member.
  return code.replace(/(?<!\bcase\s*)"__proto__"(?=\s*:)/g, (match, offset: number) =>
    // Only a whole string token is a key; the same text inside a longer string literal is masked as spaces.
    masked.startsWith(`"${" ".repeat(literal.length - 2)}"`, offset) ? `[${literal}]` : match,
  );
}

/**
 * ESM source with zero imports: ajv's standalone `source` preceded by the helpers and formats it uses. `custom`
 * holds the config's regex formats (registered with ajv as functions, so ajv reads them from the formats object).
 */
export function inlineRuntime(source: string, custom: Readonly<Record<string, string>> = {}): string {
  let body = protoKeysAsComputed(source.replace(/^"use strict";/, ""));
  const roots: string[] = [];
  for (const [expression, name] of RUNTIME_REPLACEMENTS) {
    if (!body.includes(expression)) continue;
    body = body.split(expression).join(name);
    roots.push(name);
  }
  body = seekDuplicates(body);
  // Helpers other generated code (the fast path) calls by name, beside those ajv's code reaches through require.
  for (const name of dependencies(body)) if (DEFINITIONS.has(name) && !roots.includes(name)) roots.push(name);
  const formats = usedFormats(body);
  for (const name of formats) {
    if (Object.hasOwn(custom, name)) {
      roots.push(llmcPatternFormat.name);
      continue;
    }
    const format = functionFormat(name);
    if (format === undefined)
      throw new Error(`generated validator uses format "${name}", which has no inlined implementation`);
    roots.push(format.fn.name);
  }
  body = inlineFormatReads(body, custom);
  const prelude = definitionsFor(roots);
  const module = ['"use strict";', ...prelude, body.trimStart()].join("\n") + "\n";
  assertSelfContained(module);
  return module;
}

/**
 * ajv's `uniqueItems` scan by deep equality (`loopN2`: every pair from the end) is quadratic: past 16 items it is
 * made to start where its first equal pair is (`llmcSeekDuplicate`, linear), so it finds the same pair at once.
 * The match is ajv's exact text for that loop (`if(i0 > 1){outer0:for(;i0--;){for(j0 = i0; j0--;){if(eq(data[i0], data[j0]))`),
 * each part a fixed word or one identifier (linear).
 */
function seekDuplicates(body: string): string {
  return body.replace(
    /if\((i\d+) > 1\)\{(outer\d+):for\(;\1--;\)\{for\((j\d+) = \1; \3--;\)\{if\(([\w$]+)\(([\w$]+)\[\1\], \5\[\3\]\)\)/g,
    (_, i: string, outer: string, j: string, eq: string, data: string) =>
      `if(${i} > 1){if(${i} > 16)${i} = llmcSeekDuplicate(${data});${outer}:for(;${i}--;){for(${j} = ${i}; ${j}--;){if(${eq}(${data}[${i}], ${data}[${j}]))`,
  );
}

/** Throws when generated code still loads modules or builds code from strings. */
export function assertSelfContained(module: string): void {
  const found = forbiddenConstructs(module);
  if (found.length === 0) return;
  const leftover = /require\("([^"]+)"\)/.exec(module)?.[1];
  throw new Error(
    `generated validator is not self-contained (${found.join(", ")})` +
      (leftover === undefined ? "" : `: ajv left a dependency on "${leftover}"`) +
      (leftover?.includes("validation_error") === true ? "; `$async` schemas are not supported" : ""),
  );
}
