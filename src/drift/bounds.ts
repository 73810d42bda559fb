/**
 * Interval rules for every bound family: numbers (minimum, maximum, exclusive forms), string length, item count,
 * property count. A family is data; `rangeRule` turns it into the narrowed (breaks backward) and widened (breaks
 * forward) rules. Inclusive and exclusive bounds are compared exactly; for integer-only values (and counts) bounds
 * are first rounded to inclusive integers, so `exclusiveMinimum: 0` and `minimum: 1` on integers compare equal.
 */
import type { JsonObject, JsonValue } from "../ir/json.js";
import { defineRule, show, type Rule, type RuleContext } from "./define.js";
import { hasType, type BasicType } from "./schema.js";
import type { Candidate, Direction, RuleFinding } from "./types.js";
import { exactInRange, exactRangeWithin, needsExact } from "./shared/exact-range.js";
import { exactText } from "../ir/exact.js";
import { patternLengths } from "./shared/pattern-lengths.js";

interface Bound {
  readonly v: number;
  readonly excl: boolean;
}

export interface Family {
  readonly noun: string;
  readonly applies: BasicType;
  readonly keywords: readonly string[];
  readonly integral: boolean;
  lo(node: JsonObject): Bound | undefined;
  hi(node: JsonObject): Bound | undefined;
  /** A local value of the given magnitude, shaped after an example of the source side. */
  shape(size: number, example: JsonValue | undefined): JsonValue[];
  /** The magnitude the family bounds, for a value of its type (undefined for other values). */
  measure(value: JsonValue): number | undefined;
}

/** Whether one value of the family's type lies within a node's bounds (exact: no rounding involved). */
export function inRange(f: Family, node: JsonObject, value: JsonValue): boolean {
  const m = f.measure(value);
  if (m === undefined) return true;
  const lo = f.lo(node);
  const hi = f.hi(node);
  if (lo !== undefined && (m < lo.v || (m === lo.v && lo.excl))) return false;
  return hi === undefined || (m <= hi.v && !(m === hi.v && hi.excl));
}

function tighter(a: Bound | undefined, b: Bound | undefined, lower: boolean): Bound | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.v !== b.v) return lower === a.v > b.v ? a : b;
  return a.excl ? a : b;
}

export function inclusiveLimit(node: JsonObject, incl: string, excl: string, lower: boolean): Bound | undefined {
  const i = typeof node[incl] === "number" ? { v: node[incl], excl: false } : undefined;
  const e = typeof node[excl] === "number" ? { v: node[excl], excl: true } : undefined;
  return tighter(i, e, lower);
}

function integral(b: Bound | undefined, lower: boolean): Bound | undefined {
  if (b === undefined) return undefined;
  if (lower) return { v: b.excl ? Math.floor(b.v) + 1 : Math.ceil(b.v), excl: false };
  return { v: b.excl ? Math.ceil(b.v) - 1 : Math.floor(b.v), excl: false };
}

/** Whether the sub bound is at least as tight as the sup bound. */
function within(sub: Bound | undefined, sup: Bound | undefined, lower: boolean): boolean {
  if (sup === undefined) return true;
  if (sub === undefined) return false;
  if (sub.v !== sup.v) return lower ? sub.v > sup.v : sub.v < sup.v;
  return sub.excl || !sup.excl;
}

function describe(lo: Bound | undefined, hi: Bound | undefined): string {
  const l = lo === undefined ? "(-∞" : `${lo.excl ? "(" : "["}${lo.v}`;
  const h = hi === undefined ? "∞)" : `${hi.v}${hi.excl ? ")" : "]"}`;
  return `${l}, ${h}`;
}

/** The finding for one direction: sub = source side, sup = target side. */
function compareRange(f: Family, ctx: RuleContext, direction: Direction): RuleFinding[] {
  const sub = direction === "backward" ? ctx.old : ctx.new;
  const sup = direction === "backward" ? ctx.new : ctx.old;
  const subTypes = direction === "backward" ? ctx.oldTypes : ctx.newTypes;
  if (!hasType(subTypes, f.applies)) return [];
  const listed = enumerated(f, sub, sup, direction);
  if (listed !== undefined) return listed;
  const ints = f.integral || (f.applies === "number" && !subTypes.has("number"));
  let [subLo, subHi, supLo, supHi] = [f.lo(sub), f.hi(sub), f.lo(sup), f.hi(sup)];
  if (ints) [subLo, subHi, supLo, supHi] = [integral(subLo, true), integral(subHi, false), integral(supLo, true), integral(supHi, false)];
  if (f.integral && subLo === undefined) subLo = { v: 0, excl: false };
  if (f.integral && supLo === undefined) supLo = { v: 0, excl: false };
  const floatWithin = within(subLo, supLo, true) && within(subHi, supHi, false);
  // Numbers as written: doubles agree with the literals unless one is held inexactly (shared/exact-range.ts).
  const exactWithin = f === NUMBERS && needsExact(sub, sup) ? exactRangeWithin(sub, sup, ints) : true;
  if (floatWithin && exactWithin === true) return [];
  // A pattern may already rule out every length between the old and the new bound (shared/pattern-lengths.ts).
  const fixed = f === LENGTHS && !floatWithin ? patternLengths(sub, { lo: subLo?.v ?? 0, hi: subHi?.v }, { lo: supLo?.v ?? 0, hi: supHi?.v }) : undefined;
  if (fixed === true) return [];
  const points = new Set<number>();
  for (const b of [subLo, subHi, supLo, supHi]) {
    if (b === undefined) continue;
    for (const d of ints ? [-1, 0, 1] : [-1, -0.5, -1e-9, 0, 1e-9, 0.5, 1]) points.add(b.v + d);
  }
  if (subLo !== undefined && subHi !== undefined) points.add(ints ? Math.floor((subLo.v + subHi.v) / 2) : (subLo.v + subHi.v) / 2);
  if (supLo === undefined || supHi === undefined) for (const x of [-1e9, 0, 1e9, 1000]) points.add(x);
  const side = direction === "backward" ? "old" : "new";
  const examples = ctx.examples(side, sub, 3);
  const candidates: Candidate[] = typeof fixed === "string" ? [{ direction, value: fixed }] : [];
  // Points inside the source range and outside the target's first: the likely witnesses (sub-proofs keep few).
  const inSub = (p: number): boolean => (subLo === undefined || p > subLo.v || (p === subLo.v && !subLo.excl)) && (subHi === undefined || p < subHi.v || (p === subHi.v && !subHi.excl));
  const inSup = (p: number): boolean => (supLo === undefined || p > supLo.v || (p === supLo.v && !supLo.excl)) && (supHi === undefined || p < supHi.v || (p === supHi.v && !supHi.excl));
  const likely = (p: number): number => (inSub(p) && !inSup(p) ? 0 : 1);
  for (const p of [...points].sort((a, b) => likely(a) - likely(b))) {
    if (f.integral && (p < 0 || p > 100_000)) continue;
    for (const ex of examples.length > 0 ? examples : [undefined]) {
      for (const value of f.shape(p, ex)) candidates.push({ direction, value });
    }
  }
  const verb = direction === "backward" ? "narrowed" : "widened";
  const oldR = describe(f.lo(ctx.old), f.hi(ctx.old));
  const newR = describe(f.lo(ctx.new), f.hi(ctx.new));
  if (!floatWithin) return [{ message: `${f.noun} ${verb} from ${oldR} to ${newR}`, breaks: [direction], candidates }];
  // Only the literals as written differ: the generated validators (doubles) cannot confirm a witness.
  const how = exactWithin === undefined ? "may be" : "is";
  const message = `${f.noun} ${how} ${verb} as written (${written(ctx.old)} to ${written(ctx.new)}), beyond what a JavaScript number holds: the generated validators cannot tell these bounds apart`;
  return [{ message, breaks: [direction], candidates }];
}

/**
 * A source enum lists every value the source can hold: the range holds when each listed value of the family's
 * type is within the target's bounds (`enum: [1, 2, 3]` is `type: integer, minimum: 1, maximum: 3`), and the
 * listed values outside them are the witness candidates.
 */
function enumerated(f: Family, sub: JsonObject, sup: JsonObject, direction: Direction): RuleFinding[] | undefined {
  const list = sub["enum"];
  if (!Array.isArray(list)) return undefined;
  const exact = f === NUMBERS && needsExact(list, sub, sup);
  // As written too: a listed value the double comparison puts inside may lie outside (unknown counts as outside).
  const outside = list.filter((v, i) => {
    if (f.measure(v) === undefined) return false;
    const inSub = inRange(f, sub, v) || (exact && exactInRange(sub, list, i) !== false);
    return inSub && (!inRange(f, sup, v) || (exact && exactInRange(sup, list, i) !== true));
  });
  if (outside.length === 0) return [];
  const verb = direction === "backward" ? "no longer" : "now";
  const message = `${f.noun}: enum value(s) ${outside.slice(0, 5).map((v) => show(v)).join(", ")} ${verb} within the bounds of ${direction === "backward" ? "new" : "old"}`;
  return [{ message, breaks: [direction], candidates: outside.map((value) => ({ direction, value })) }];
}

/** The numeric bounds of a node as written, for messages. */
function written(node: JsonObject): string {
  const parts = ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"].filter((k) => typeof node[k] === "number").map((k) => `${k} ${exactText(node, k)}`);
  return parts.length > 0 ? parts.join(", ") : "no bounds";
}

export function rangeRule(id: string, f: Family, direction: Direction): Rule {
  const verb = direction === "backward" ? "narrowed (old values may be rejected)" : "widened (new values may be rejected by old readers)";
  return defineRule({
    id,
    purpose: `${f.noun} ${verb}`,
    breaks: [direction],
    severity: "error",
    keywords: f.keywords,
    check: (ctx) => compareRange(f, ctx, direction),
  });
}

export const NUMBERS: Family = {
  noun: "numeric range",
  applies: "number",
  keywords: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"],
  integral: false,
  lo: (n) => inclusiveLimit(n, "minimum", "exclusiveMinimum", true),
  hi: (n) => inclusiveLimit(n, "maximum", "exclusiveMaximum", false),
  shape: (size) => [size],
  measure: (v) => (typeof v === "number" ? v : undefined),
};

const count = (kw: string) => (n: JsonObject): Bound | undefined => (typeof n[kw] === "number" ? { v: n[kw], excl: false } : undefined);

export const LENGTHS: Family = {
  noun: "string length range",
  applies: "string",
  keywords: ["minLength", "maxLength"],
  integral: true,
  lo: count("minLength"),
  hi: count("maxLength"),
  shape: (size, ex) => {
    const chars = typeof ex === "string" && ex.length > 0 ? [...ex] : ["a"];
    return [Array.from({ length: size }, (_, i) => chars[i % chars.length]!).join("")];
  },
  // Code points, as the generated validator counts them (a lone surrogate is one character too).
  measure: (v) => (typeof v === "string" ? [...v].length : undefined),
};

export const ITEMS: Family = {
  noun: "item count range",
  applies: "array",
  keywords: ["minItems", "maxItems"],
  integral: true,
  lo: count("minItems"),
  hi: count("maxItems"),
  shape: (size, ex) => {
    const fillers: JsonValue[][] = Array.isArray(ex) && ex.length > 0 ? [ex] : [[null], [0], ["a"], [{}], [false], [[]]];
    const repeated = fillers.map((items) => Array.from({ length: size }, (_, i) => (i < items.length ? items[i]! : items[items.length - 1]!)));
    // Distinct items too, for `uniqueItems` (actionlint's string lists): the last string or number varied per index.
    const distinct = fillers.flatMap((items) => {
      const last = items[items.length - 1]!;
      if (typeof last !== "string" && typeof last !== "number") return [];
      const at = (i: number): JsonValue => (typeof last === "string" ? (i === 0 ? last : `${last}${i}`) : last + i);
      return [Array.from({ length: size }, (_, i) => (i < items.length - 1 ? items[i]! : at(i - items.length + 1)))];
    });
    return [...repeated, ...distinct];
  },
  measure: (v) => (Array.isArray(v) ? v.length : undefined),
};

export const PROPERTIES: Family = {
  noun: "property count range",
  applies: "object",
  keywords: ["minProperties", "maxProperties"],
  integral: true,
  lo: count("minProperties"),
  hi: count("maxProperties"),
  shape: (size, ex) => {
    const base: JsonObject = ex !== null && typeof ex === "object" && !Array.isArray(ex) ? { ...ex } : {};
    const keys = Object.keys(base);
    for (const k of keys.slice(size)) delete base[k];
    for (let i = 0; Object.keys(base).length < size; i++) base[`k${i}`] = null;
    return [base];
  },
  measure: (v) => (v !== null && typeof v === "object" && !Array.isArray(v) ? Object.keys(v).length : undefined),
};

export const FAMILIES: readonly Family[] = [NUMBERS, LENGTHS, ITEMS, PROPERTIES];

export { show };
