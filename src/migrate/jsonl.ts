/**
 * Line-by-line reading of JSON Lines files with the runtime's text classification, in bounded memory: one line is
 * held at a time, so a file of a million stored outputs replays in the memory of its longest line.
 * @see https://jsonlines.org/
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseJsonText, runValidator, type ContractError, type RawValidator } from "../runtime/runtime.js";

export interface Line {
  /** 1-based. */
  readonly line: number;
  readonly text: string;
}

export async function* readLines(file: string): AsyncGenerator<Line> {
  const rl = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) yield { line: ++line, text };
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
