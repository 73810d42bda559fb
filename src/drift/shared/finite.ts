/**
 * The values of a node when they are few and listable: its `enum`, or what its `type` and bounds leave (null,
 * the two booleans, a short integer range). An over-approximation of the node's values (other keywords may reject
 * some), so "every listed source value is in the target" is a proof about the source; undefined when the set is
 * infinite or too large to list.
 */
import { carryLiteral, literalOf } from "../../ir/exact.js";
import type { JsonObject, JsonValue } from "../../ir/json.js";
import { FAMILIES, inRange, NUMBERS } from "../bounds.js";
import { hasType, jsonTypeOf, type BasicType } from "../schema.js";
import { exactInRange, needsExact } from "./exact-range.js";
import { declaredTypes } from "./types.js";

const LIMIT = 256;

/** Whether a type set admits the value (a non-integer number needs "number"; integers fit "integer" too). */
export function typeAdmits(types: ReadonlySet<BasicType>, value: JsonValue): boolean {
  const t = jsonTypeOf(value);
  return t === "number" ? types.has("number") : hasType(types, t);
}

export function finiteValues(node: JsonObject): JsonValue[] | undefined {
  const types = declaredTypes(node);
  const e = node["enum"];
  let values: JsonValue[] = [];
  if (Array.isArray(e)) values = keep(e, (v) => typeAdmits(types, v));
  else {
    if (!Array.isArray(node["type"])) return undefined;
    // Bounds held inexactly (src/ir/exact.ts) do not list: the integers between them are not those of the doubles.
    if (BOUND_KEYS.some((k) => literalOf(node, k) !== undefined)) return undefined;
    for (const t of types) {
      if (t === "null") values.push(null);
      else if (t === "boolean") values.push(false, true);
      else if (t === "integer") {
        const ints = integerRange(node);
        if (ints === undefined) return undefined;
        values.push(...ints);
      } else if (t === "number") {
        // A number range of one point (minimum = maximum) holds one value; any wider one has non-integers too.
        const lo = NUMBERS.lo(node);
        const hi = NUMBERS.hi(node);
        if (lo === undefined || hi === undefined || lo.excl || hi.excl || lo.v !== hi.v) return undefined;
        values.push(lo.v);
      } else return undefined;
    }
  }
  // A value held inexactly stays (an over-approximation may keep too many, never too few); against a bound held
  // inexactly, a number is placed as written (the double 2^53 is below `exclusiveMaximum: 9007199254740993`).
  const exact = needsExact(node);
  return keep(values, (v, i) => literalOf(values, i) !== undefined || FAMILIES.every((f) => (exact && f === NUMBERS && typeof v === "number" ? exactInRange(node, values, i) !== false : inRange(f, node, v))));
}

const BOUND_KEYS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"];

/** `filter` that keeps the number literals of the values it keeps. */
function keep(list: JsonValue[], test: (v: JsonValue, i: number) => boolean): JsonValue[] {
  const out: JsonValue[] = [];
  list.forEach((v, i) => {
    if (!test(v, i)) return;
    carryLiteral(list, i, out, out.length);
    out.push(v);
  });
  return out;
}

/** The integers a node's numeric bounds leave, when both bounds exist and few do. */
function integerRange(node: JsonObject): number[] | undefined {
  const lo = NUMBERS.lo(node);
  const hi = NUMBERS.hi(node);
  if (lo === undefined || hi === undefined) return undefined;
  const first = lo.excl ? Math.floor(lo.v) + 1 : Math.ceil(lo.v);
  const last = hi.excl ? Math.ceil(hi.v) - 1 : Math.floor(hi.v);
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || last - first >= LIMIT) return undefined;
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}
