/**
 * Numeric bounds compared as written (src/ir/exact.ts), beside the double comparison of bounds.ts: the two agree
 * unless a literal is one a double misrepresents (`maximum: 9007199254740993`, `minimum: 0.10000000000000001`),
 * so this runs only when a node holds such a literal. A literal out of reach (an exponent past
 * MAX_EXACT_EXPONENT) makes the answer undefined, which callers read as "not proven".
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.2
 */
import { hasLiterals } from "../../ir/exact.js";
import type { JsonObject } from "../../ir/json.js";
import { ceilRational, compareRational, exactRational, floorRational, type Rational } from "../rational.js";

interface ExactBound {
  /** Undefined: a literal the comparison cannot reach. */
  readonly r: Rational | undefined;
  readonly excl: boolean;
}

/** Whether exact comparison is needed: some number of the nodes (or of a listed value's array) is held inexactly. */
export function needsExact(...containers: readonly object[]): boolean {
  return containers.some((c) => hasLiterals(c));
}

function limit(node: JsonObject, incl: string, excl: string, lower: boolean): ExactBound | undefined {
  const i = typeof node[incl] === "number" ? { r: exactRational(node, incl), excl: false } : undefined;
  const e = typeof node[excl] === "number" ? { r: exactRational(node, excl), excl: true } : undefined;
  if (i === undefined || e === undefined) return i ?? e;
  if (i.r === undefined || e.r === undefined) return { r: undefined, excl: false };
  const c = compareRational(i.r, e.r);
  if (c === 0) return e;
  return (c > 0) === lower ? i : e;
}

const lo = (node: JsonObject) => limit(node, "minimum", "exclusiveMinimum", true);
const hi = (node: JsonObject) => limit(node, "maximum", "exclusiveMaximum", false);

/** A bound on integers, as an inclusive integer bound: (2.5 → [3, …), exclusive 3 → [4, …). */
function integral(b: ExactBound | undefined, lower: boolean): ExactBound | undefined {
  if (b === undefined || b.r === undefined) return b;
  const one: Rational = { n: 1n, d: 1n };
  const add = (x: Rational, k: bigint): Rational => ({ n: x.n + k * x.d, d: x.d });
  if (lower) return { r: b.excl ? add(floorRational(b.r), one.n) : ceilRational(b.r), excl: false };
  return { r: b.excl ? add(ceilRational(b.r), -one.n) : floorRational(b.r), excl: false };
}

/** The sub bound is at least as tight as the sup bound; undefined when a literal is out of reach. */
function within(sub: ExactBound | undefined, sup: ExactBound | undefined, lower: boolean): boolean | undefined {
  if (sup === undefined) return true;
  if (sub === undefined) return false;
  if (sub.r === undefined || sup.r === undefined) return undefined;
  const c = compareRational(sub.r, sup.r);
  if (c !== 0) return lower ? c > 0 : c < 0;
  return sub.excl || !sup.excl;
}

/** Every number the sub node's bounds allow is within the sup node's bounds (integers only when `ints`). */
export function exactRangeWithin(sub: JsonObject, sup: JsonObject, ints: boolean): boolean | undefined {
  const round = (b: ExactBound | undefined, lower: boolean) => (ints ? integral(b, lower) : b);
  const a = within(round(lo(sub), true), round(lo(sup), true), true);
  const b = within(round(hi(sub), false), round(hi(sup), false), false);
  if (a === false || b === false) return false;
  return a === undefined || b === undefined ? undefined : true;
}

/** Whether the number at `container[key]` lies within the node's bounds, compared as written. */
export function exactInRange(node: JsonObject, container: object, key: string | number): boolean | undefined {
  const v = exactRational(container, key);
  const l = lo(node);
  const h = hi(node);
  if ((l !== undefined && l.r === undefined) || (h !== undefined && h.r === undefined) || v === undefined) return undefined;
  if (l !== undefined) {
    const c = compareRational(v, l.r!);
    if (c < 0 || (c === 0 && l.excl)) return false;
  }
  if (h !== undefined) {
    const c = compareRational(v, h.r!);
    if (c > 0 || (c === 0 && h.excl)) return false;
  }
  return true;
}

/**
 * Whether the two nodes' numeric ranges do not meet (integers only when `ints`: a gap holding no integer too),
 * compared as written; undefined when a literal is out of reach (read as "not proven apart").
 */
export function exactRangesApart(a: JsonObject, b: JsonObject, ints: boolean): boolean | undefined {
  const round = (x: ExactBound | undefined, lower: boolean) => (ints ? integral(x, lower) : x);
  const below = (x: JsonObject, y: JsonObject): boolean | undefined => {
    const h = round(hi(x), false);
    const l = round(lo(y), true);
    if (h === undefined || l === undefined) return false;
    if (h.r === undefined || l.r === undefined) return undefined;
    const c = compareRational(h.r, l.r);
    return c < 0 || (c === 0 && (h.excl || l.excl));
  };
  const ab = below(a, b);
  const ba = below(b, a);
  if (ab === true || ba === true) return true;
  return ab === undefined || ba === undefined ? undefined : false;
}
