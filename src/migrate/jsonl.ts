/**
 * Line-by-line reading of JSON Lines files with the runtime's text classification, in bounded memory: one line is
 * held at a time, so a file of a million stored outputs replays in the memory of its longest line.
 * @see https://jsonlines.org/
 */
import { createReadStream } from "node:fs";
import { parseJsonText, runValidator, type ContractError, type RawValidator } from "../runtime/runtime.js";

export interface Line {
  /** 1-based. */
  readonly line: number;
  readonly text: string;
}

/**
 * Lines of a file, `\n` or `\r\n` separated; a last line without a newline counts, an empty tail does not.
 * Why not node:readline: splitting 64 KiB chunks by hand is about twice as fast, and this loop is the hot path.
 */
export async function* readLines(file: string): AsyncGenerator<Line> {
  let line = 0;
  let rest = "";
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 16 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      yield { line: ++line, text: stripCr(text.slice(start, nl)) };
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== "") yield { line: ++line, text: stripCr(rest) };
}

function stripCr(text: string): string {
  return text.endsWith("\r") ? text.slice(0, -1) : text;
}

/** What one line holds: nothing, a valid document, a document the schema rejects, or text that is not JSON. */
export type LineOutcome =
  | { readonly kind: "blank" }
  | { readonly kind: "valid"; readonly value: unknown }
  | { readonly kind: "invalid"; readonly errors: readonly ContractError[] }
  | { readonly kind: "unparsable"; readonly errors: readonly ContractError[] };

/** Parses one line (`json.truncated` / `json.invalid` / `json.wrapped` when it is not a JSON value) and validates it. */
export function classifyLine(text: string, validate: RawValidator): LineOutcome {
  if (text.trim() === "") return { kind: "blank" };
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { kind: "unparsable", errors: parsed.errors };
  const result = runValidator<unknown>(validate, parsed.value);
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
