/*
 * llm-contracts runtime, text classification: not JSON, cut off, or wrapped in prose/fences: copied verbatim into `generated/_runtime/text.ts` by every build.
 *
 * Why a copy and not a package import: generated modules must run in a browser bundle and in Node with zero
 * runtime dependencies. So this file imports only its sibling runtime modules, uses no Node or DOM API, never
 * evaluates code, has no top-level side effects (a bundle keeps only what it calls), and compiles under the
 * strictest settings users run (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes,
 * noPropertyAccessFromIndexSignature, verbatimModuleSyntax, isolatedModules).
 */

import { runContract, runContractWithin, runValidator, show, type KeywordRules } from "./errors.js";
import { DEFAULT_MAX_DEPTH, textDepthOffset, type FastValidator } from "./limits.js";
import { numberProblem, shortToken } from "./numbers.js";
import type { ContractError, ContractErrorCode, ParseResult, RawValidator, TextParseOptions } from "./types.js";

/** Outcome of scanning one JSON value starting at an offset. */
type Scan =
  | { readonly kind: "complete"; readonly end: number }
  | { readonly kind: "truncated" }
  | { readonly kind: "invalid"; readonly at: number };

const OBJECT = 1;
const ARRAY = 2;
const WS = /[ \t\n\r]/;

/**
 * Scans one JSON value from `start` without recursion (nesting depth is unbounded in model output), telling a
 * value that is cut off at the end of the text apart from one that is malformed.
 */
function scanValue(text: string, start: number): Scan {
  const stack: number[] = [];
  let i = start;
  // What the scanner expects next.
  let state: "value" | "valueOrClose" | "keyOrClose" | "key" | "colon" | "commaOrClose" = "value";
  for (;;) {
    while (i < text.length && WS.test(text[i]!)) i++;
    if (i >= text.length) return { kind: "truncated" };
    const c = text[i]!;
    if (state === "colon") {
      if (c !== ":") return { kind: "invalid", at: i };
      i++;
      state = "value";
      continue;
    }
    if (state === "commaOrClose") {
      const top = stack[stack.length - 1];
      if (c === ",") {
        i++;
        state = top === OBJECT ? "key" : "value";
        continue;
      }
      if ((c === "}" && top === OBJECT) || (c === "]" && top === ARRAY)) {
        i++;
        stack.pop();
        if (stack.length === 0) return { kind: "complete", end: i };
        continue;
      }
      return { kind: "invalid", at: i };
    }
    if (state === "keyOrClose" || state === "key") {
      if (state === "keyOrClose" && c === "}") {
        i++;
        stack.pop();
        if (stack.length === 0) return { kind: "complete", end: i };
        state = "commaOrClose";
        continue;
      }
      if (c !== '"') return { kind: "invalid", at: i };
      const s = scanString(text, i);
      if (s.kind !== "complete") return s;
      i = s.end;
      state = "colon";
      continue;
    }
    // state is "value" or "valueOrClose"
    if (state === "valueOrClose" && c === "]") {
      i++;
      stack.pop();
      if (stack.length === 0) return { kind: "complete", end: i };
      state = "commaOrClose";
      continue;
    }
    let scalar: Scan;
    if (c === "{") {
      stack.push(OBJECT);
      i++;
      state = "keyOrClose";
      continue;
    } else if (c === "[") {
      stack.push(ARRAY);
      i++;
      state = "valueOrClose";
      continue;
    } else if (c === '"') {
      scalar = scanString(text, i);
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      scalar = scanNumber(text, i);
    } else if (c === "t" || c === "f" || c === "n") {
      scalar = scanLiteral(text, i);
    } else {
      return { kind: "invalid", at: i };
    }
    if (scalar.kind !== "complete") return scalar;
    i = scalar.end;
    if (stack.length === 0) return scalar;
    state = "commaOrClose";
  }
}

function scanString(text: string, start: number): Scan {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return { kind: "complete", end: i + 1 };
    if (c < 0x20) return { kind: "invalid", at: i };
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === undefined) return { kind: "truncated" };
      if (e === "u") {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]*$/.test(hex)) return { kind: "invalid", at: i };
        if (hex.length < 4) return { kind: "truncated" };
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(e)) return { kind: "invalid", at: i };
      i += 2;
      continue;
    }
    i++;
  }
  return { kind: "truncated" };
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const NUMBER_PREFIX = /-?(?:0|[1-9][0-9]*)?(?:\.[0-9]*)?(?:[eE][+-]?[0-9]*)?$/y;

function scanNumber(text: string, start: number): Scan {
  NUMBER.lastIndex = start;
  const m = NUMBER.exec(text);
  const end = m === null ? start : start + m[0].length;
  // When everything up to the end of the text is the start of a number (`-`, `1.`, `2e`), it was cut off.
  NUMBER_PREFIX.lastIndex = start;
  if (NUMBER_PREFIX.test(text)) return end === text.length ? { kind: "complete", end } : { kind: "truncated" };
  if (m === null) return { kind: "invalid", at: start };
  const next = text[end];
  if (next === "." || next === "e" || next === "E" || (next !== undefined && next >= "0" && next <= "9")) {
    return { kind: "invalid", at: end };
  }
  return { kind: "complete", end };
}

function scanLiteral(text: string, start: number): Scan {
  for (const word of ["true", "false", "null"]) {
    if (text.startsWith(word, start)) return { kind: "complete", end: start + word.length };
    const rest = text.slice(start);
    if (rest.length < word.length && word.startsWith(rest)) return { kind: "truncated" };
  }
  return { kind: "invalid", at: start };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function textError(code: ContractErrorCode, message: string, text: string, offset?: number): ContractError {
  const base = { code, instancePath: "", schemaPath: "", message };
  return offset === undefined ? base : { ...base, ...lineColumn(text, offset) };
}

/** Where a JSON value sits inside wrapped text, if anywhere. */
function findEmbedded(text: string): { start: number; end: number } | { truncatedAt: number } | undefined {
  // A markdown fence first: ```json ... ``` (the language tag is optional).
  const fence = /```[A-Za-z0-9_-]*[ \t]*\r?\n/.exec(text);
  const from = fence === null ? 0 : fence.index + fence[0].length;
  // Then the first few places a value could start; a bounded number keeps hostile input linear.
  let tries = 0;
  for (let i = from; i < text.length && tries < 16; i++) {
    const c = text[i];
    if (c !== "{" && c !== "[") continue;
    tries++;
    const scan = scanValue(text, i);
    if (scan.kind === "complete") return { start: i, end: scan.end };
    if (scan.kind === "truncated") return { truncatedAt: i };
  }
  return undefined;
}

export type TextParse =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly errors: readonly [ContractError] };

/**
 * Parses raw model output as JSON, classifying failures: `json.truncated` (cut off mid-value, as when a model
 * hits its token limit), `json.wrapped` (JSON inside fences or prose), `json.invalid` (anything else),
 * `json.too_large` (over `maxBytes`), `json.unsafe_integer` / `json.number_overflow` (a number JSON.parse would
 * round or turn into Infinity). A leading byte order mark is ignored. Never recurses: any depth parses.
 */
export function parseJsonText(input: string, options: TextParseOptions = {}): TextParse {
  if (options.maxBytes !== undefined && utf8LengthOver(input, options.maxBytes)) {
    const limit = options.maxBytes;
    return { ok: false, errors: [{ code: "json.too_large", instancePath: "", schemaPath: "", message: `the output is longer than ${limit} bytes (the maxBytes limit)`, limit }] };
  }
  // A byte order mark is not JSON, but RFC 8259 §8.1 lets a parser ignore one, and files saved on Windows carry it.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    return checkedNumbers(text, JSON.parse(text) as unknown);
  } catch {
    // Classified below.
  }
  let first = 0;
  while (first < text.length && WS.test(text[first]!)) first++;
  if (first === text.length) {
    return { ok: false, errors: [textError("json.invalid", "the output is empty: expected a JSON value", text)] };
  }
  const whole = scanValue(text, first);
  if (whole.kind === "truncated") {
    return {
      ok: false,
      errors: [
        textError(
          "json.truncated",
          "the output ends in the middle of a JSON value: it was cut off (check the token limit / finish reason)",
          text,
          text.length,
        ),
      ],
    };
  }
  const embedded = findEmbedded(text);
  if (embedded !== undefined && "start" in embedded) {
    const inner = text.slice(embedded.start, embedded.end);
    if (options.unwrap === true) {
      try {
        const value = JSON.parse(inner) as unknown;
        return checkedNumbers(text, value, embedded.start, inner);
      } catch {
        // The scanner and JSON.parse agree on valid JSON; fall through to the wrapped error if not.
      }
    }
    return {
      ok: false,
      errors: [
        textError(
          "json.wrapped",
          "the output contains JSON surrounded by other text (markdown fences or prose); send bare JSON, or pass { unwrap: true } to extract it",
          text,
          embedded.start,
        ),
      ],
    };
  }
  if (embedded !== undefined && whole.kind === "invalid" && first !== embedded.truncatedAt) {
    return {
      ok: false,
      errors: [
        textError(
          "json.truncated",
          "the output starts a JSON value after other text and is cut off before it ends (check the token limit)",
          text,
          text.length,
        ),
      ],
    };
  }
  const at = whole.kind === "invalid" ? whole.at : first;
  return {
    ok: false,
    errors: [textError("json.invalid", `the output is not valid JSON (unexpected ${show(text.slice(at, at + 12))})`, text, at)],
  };
}

/**
 * Parses raw text and validates the value; text errors come first and stop validation. Never throws: limits and
 * `validateFirst` as in `runValidator`; a throwing `normalize` is the caller's own code and is not caught.
 */
export function parseText<T>(validate: RawValidator, text: string, options?: TextParseOptions, validateFirst?: RawValidator, validateFast?: FastValidator): ParseResult<T> {
  const parsed = textValue(text, options);
  return parsed.ok ? runValidator<T>(validate, parsed.value, options, validateFirst, validateFast) : parsed;
}

/**
 * `parseText` as every generated `parse…Text` runs it: the value goes to `runContract` with the module's own
 * keyword rules, so a bundle of it carries only those (not every keyword's, as `runValidator` would).
 */
export function parseContractText<T>(rules: KeywordRules, validate: RawValidator, validateFirst: RawValidator, validateFast: FastValidator, text: string, options?: TextParseOptions): ParseResult<T> {
  const parsed = textValue(text, options);
  if (!parsed.ok) return parsed;
  return (withinDepth(text, options) ? runContractWithin<T> : runContract<T>)(rules, validate, validateFirst, validateFast, parsed.value, options);
}

/**
 * Whether the value `textValue` returned for `text` is proven to nest at most `maxDepth` levels, so `runContract`
 * need not walk it: JSON.parse builds one level per bracket, so text no longer than the limit cannot nest deeper;
 * longer text was counted by `textDepthOffset` when it opens with a bracket, and that count is exact when the whole
 * text is what JSON.parse read (without `unwrap`, the only other value is an embedded one). A `normalize` hook may
 * return any value: then nothing is proven.
 */
function withinDepth(text: string, options: TextParseOptions | undefined): boolean {
  if (options?.normalize !== undefined) return false;
  return text.length <= (options?.maxDepth ?? DEFAULT_MAX_DEPTH) || (options?.unwrap !== true && OPENS_WITH_BRACKET.test(text));
}

/** Text that `textValue` counts the brackets of before parsing (a bare array or object). */
const OPENS_WITH_BRACKET = /^\uFEFF?[ \t\n\r]*[[{]/;

/** The value of JSON text, normalized, or its text error: too deep (checked before parsing), invalid, wrapped... */
function textValue(text: string, options: TextParseOptions | undefined): TextParse {
  const limit = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  const at = OPENS_WITH_BRACKET.test(text) ? textDepthOffset(text, limit) : -1;
  if (at >= 0) {
    const error = textError("json.too_deep", `the output nests deeper than ${limit} levels of arrays and objects (the maxDepth limit)`, text, at);
    return { ok: false, errors: [{ ...error, limit }] };
  }
  const parsed = parseJsonText(text, options);
  if (!parsed.ok) return parsed;
  return options?.normalize === undefined ? parsed : { ok: true, value: options.normalize(parsed.value) };
}

/** The parsed value, or the first number in its text that JSON.parse rounded or overflowed (numbers.ts). */
function checkedNumbers(text: string, value: unknown, start = 0, parsed = text): TextParse {
  const found = numberProblem(parsed);
  if (found === undefined) return { ok: true, value };
  const problem = { ...found, offset: start + found.offset };
  const token = shortToken(problem.token);
  return problem.kind === "overflow"
    ? { ok: false, errors: [textError("json.number_overflow", `the number ${token} is too large for a double (it would become Infinity)`, text, problem.offset)] }
    : {
        ok: false,
        errors: [
          textError(
            "json.unsafe_integer",
            `the integer ${token} is beyond 2^53-1 and would be rounded: send it as a string, or keep integers within ±9007199254740991`,
            text,
            problem.offset,
          ),
        ],
      };
}

/** Whether `text` encodes to more than `limit` UTF-8 bytes; stops counting once it does. */
function utf8LengthOver(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 4 bytes (2 + 2 here); a lone surrogate encodes as U+FFFD, 3 bytes.
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : c >= 0xdc00 && c <= 0xdfff ? 2 : 3;
    if (bytes > limit) return true;
  }
  return false;
}
