/**
 * String lengths a `pattern` already decides. A length bound raised or lowered is no change when no string of the
 * source's pattern has a length between the old and the new bound (`pattern: "^\d+\.\d+$"` has no string shorter
 * than 3, so `minLength` 1 → 2 rejects nothing); otherwise the shortest such string is the witness
 * (`^\d+(\.\d+)?x$` with `maxLength` 12 added: `0000000000000x`). Decided on automata (regex.ts): the source's
 * pattern language intersected with the lengths the source allows and the target does not.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3
 */
import type { JsonObject } from "../../ir/json.js";
import { intersectionOf, patternLanguage, shortestWord } from "../regex.js";

/** Bounds above this are not built into an automaton (one state per counted character). */
const MAX_COUNT = 1000;

export interface LengthRange {
  readonly lo: number;
  readonly hi: number | undefined;
}

/**
 * `true` when every string of the source's pattern within `source` lengths is within `target` lengths; a string of
 * the pattern outside them otherwise; undefined when undecided (no pattern, no automaton, bounds too large).
 */
export function patternLengths(sub: JsonObject, source: LengthRange, target: LengthRange): true | string | undefined {
  const p = sub["pattern"];
  if (typeof p !== "string") return undefined;
  // Lengths the source allows and the target does not: below the target's minimum, above its maximum.
  const gaps: [number, number | undefined][] = [];
  if (target.lo > source.lo) gaps.push([source.lo, source.hi === undefined ? target.lo - 1 : Math.min(source.hi, target.lo - 1)]);
  if (target.hi !== undefined && (source.hi === undefined || source.hi > target.hi)) gaps.push([Math.max(source.lo, target.hi + 1), source.hi]);
  const open = gaps.filter(([lo, hi]) => hi === undefined || lo <= hi);
  if (open.length === 0) return true;
  if (open.some(([lo, hi]) => lo > MAX_COUNT || (hi !== undefined && hi > MAX_COUNT))) return undefined;
  const language = patternLanguage(p);
  // Only digits and fixed text: the lengths language is built from numbers, never from schema text.
  const lengths = patternLanguage(`^(?:${open.map(([lo, hi]) => `[\\s\\S]{${lo},${hi ?? ""}}`).join("|")})$`);
  if (language === undefined || lengths === undefined) return undefined;
  try {
    const outside = intersectionOf(language, lengths);
    return outside.isEmpty ? true : shortestWord(outside);
  } catch {
    return undefined; // automaton too large
  }
}
