/**
 * Line-by-line reading of JSON Lines files with the runtime's text classification, in bounded memory: one line is
 * held at a time, so a file of a million stored outputs replays in the memory of its longest line.
 * @see https://jsonlines.org/
 */
import { createReadStream } from "node:fs";
import { isUtf8 } from "node:buffer";
import { readRegular } from "../contain/read-regular.js";
import { inputError } from "../errors.js";
import { parseJsonText, runValidator, type ContractError, type RawValidator } from "../runtime/runtime.js";

export interface Line {
  /** 1-based. */
  readonly line: number;
  /** The line's text without its line break ("" when `error` is set and the line was not kept). */
  readonly text: string;
  /** Why the line could not be read as text: longer than the limit (`json.too_large`) or not UTF-8 (`json.encoding`). */
  readonly error?: ContractError;
}

/** Longest line read (64 MiB): a longer one is reported as `json.too_large` without being held in memory. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

export interface ReadOptions {
  readonly maxLineBytes?: number;
}

/**
 * Lines of a file, `\n` or `\r\n` separated; a last line without a newline counts, an empty tail does not.
 * Why bytes, not text: a line is split where its `\n` byte is (never inside a UTF-8 sequence), its pieces are kept
 * as they arrive and joined once, so a 40 MB line costs one copy instead of one rescan per 64 KiB chunk; a line
 * over the limit stops being kept at the limit; and each line is checked to be UTF-8 before it is decoded.
 */
export async function* readLines(file: string, options: ReadOptions = {}): AsyncGenerator<Line> {
  const max = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let line = 0;
  let parts: Buffer[] = [];
  let size = 0;
  const finish = (last: Buffer): Line => {
    const total = size + last.length;
    const bytes = total > max ? undefined : parts.length === 0 ? last : Buffer.concat([...parts, last], total);
    parts = [];
    size = 0;
    return decodeLine(++line, bytes, total, max);
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
    const buffer = chunk as Buffer;
    let start = 0;
    for (let nl = buffer.indexOf(10, start); nl >= 0; nl = buffer.indexOf(10, start)) {
      yield finish(buffer.subarray(start, nl));
      start = nl + 1;
    }
    const rest = buffer.subarray(start);
    if (size + rest.length <= max) parts.push(rest);
    else parts = [];
    size += rest.length;
  }
  if (size > 0) yield finish(Buffer.alloc(0));
}

/** One line's bytes (undefined when over the limit) as text, or the reason it is not text. */
function decodeLine(line: number, bytes: Buffer | undefined, total: number, max: number, what: "line" | "file" = "line"): Line {
  if (bytes === undefined) {
    return { line, text: "", error: { code: "json.too_large", instancePath: "", schemaPath: "", message: `the ${what} is ${total} bytes long, over the limit of ${max} bytes`, limit: max } };
  }
  const body = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, -1) : bytes;
  return decodeText(body, line);
}

/** UTF-8 bytes as text, or a `json.encoding` error naming the first bad byte (and the text decoded with U+FFFD). */
export function decodeText(bytes: Buffer, line?: number): Line {
  const text = bytes.toString("utf8");
  if (isUtf8(bytes)) return { line: line ?? 1, text };
  const offset = firstInvalidUtf8(bytes);
  return {
    line: line ?? 1,
    text,
    error: { code: "json.encoding", instancePath: "", schemaPath: "", message: `byte ${offset}${line !== undefined ? " of the line" : ""} is not valid UTF-8 (JSON text must be UTF-8, RFC 8259 §8.1)`, byteOffset: offset },
  };
}

/**
 * A whole `.json` document, read as bytes and checked like a line, in bounded memory: a file over `maxBytes` (the
 * longest line a JSON Lines file may have) is a `json.too_large` result, never read. `display` names the file in
 * the InputError thrown when it stopped being a readable regular file since the command looked (src/contain).
 */
export function readDocument(file: string, display: string, maxBytes = DEFAULT_MAX_LINE_BYTES): Line {
  const read = readRegular(file, { limit: maxBytes });
  if (read.ok) return decodeText(read.bytes);
  if (read.why === "too-large") return decodeLine(1, undefined, read.size, maxBytes, "file");
  const why = read.why === "absent" ? "file not found" : read.why === "not-regular" ? "not a regular file" : `cannot read file (${read.code ?? "unknown error"})`;
  throw inputError("input.read", { file: display }, why);
}

/** 0-based offset of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode 15 table 3-7). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** The two validators of one generated module: `validateFirst` decides, `validate` lists errors. */
export interface Validators {
  readonly validate: RawValidator;
  readonly validateFirst?: RawValidator;
}

/** What one line holds: nothing, a valid document, a document the schema rejects, or text that is not JSON. */
export type LineOutcome =
  | { readonly kind: "blank" }
  | { readonly kind: "valid"; readonly value: unknown }
  | { readonly kind: "invalid"; readonly errors: readonly ContractError[] }
  | { readonly kind: "unparsable"; readonly errors: readonly ContractError[] };

/**
 * Parses one line (`json.truncated` / `json.invalid` / `json.wrapped` when it is not a JSON value) and validates it.
 * A line that could not be read (`Line.error`) is unparsable; with both validators, errors stop at the default
 * `maxErrors` and depth at the default `maxDepth`, so no line can exhaust the stack or the heap.
 */
export function classifyLine(text: string | Line, validate: RawValidator | Validators): LineOutcome {
  if (typeof text !== "string" && text.error !== undefined) return { kind: "unparsable", errors: [text.error] };
  const body = typeof text === "string" ? text : text.text;
  if (body.trim() === "") return { kind: "blank" };
  const parsed = parseJsonText(body);
  if (!parsed.ok) return { kind: "unparsable", errors: parsed.errors };
  const pair = typeof validate === "function" ? { validate } : validate;
  const result = runValidator<unknown>(pair.validate, parsed.value, undefined, pair.validateFirst);
  return result.ok ? { kind: "valid", value: result.value } : { kind: "invalid", errors: result.errors };
}

/** Per-file tallies; `total = valid + invalid + unparsable + blank` always holds. */
export interface Tally {
  total: number;
  valid: number;
  invalid: number;
  unparsable: number;
  blank: number;
  /** Number of lines with at least one error of each code. */
  readonly byCode: Record<string, number>;
}

export function newTally(): Tally {
  return { total: 0, valid: 0, invalid: 0, unparsable: 0, blank: 0, byCode: {} };
}

export function count(tally: Tally, outcome: LineOutcome): void {
  tally.total++;
  tally[outcome.kind]++;
  if (outcome.kind === "invalid" || outcome.kind === "unparsable") {
    for (const code of new Set(outcome.errors.map((e) => e.code))) tally.byCode[code] = (tally.byCode[code] ?? 0) + 1;
  }
}
