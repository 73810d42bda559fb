/**
 * A text key per value, equal exactly when `exactMemberEqual` (src/ir/exact.ts) holds: numbers by their exact
 * value, objects key-order-insensitive, arrays in order. It lets enum lists be deduplicated and compared through a
 * `Set` in linear time instead of comparing every member with every other (an enum of 900 rule codes is 400,000
 * deep comparisons per normalized node).
 *
 * Why numbers fall in three disjoint classes: a number without a recorded literal is its double, keyed by
 * `doubleText` (two doubles are equal exactly when their texts are). A recorded literal is one no double's
 * `doubleText` stands for (else the double would hold it), so it is keyed apart, by its reduced fraction; and a
 * literal `decimalOf` cannot reach is equal only to the same text, as `compareExact` decides.
 */
import { decimalOf, doubleText, literalOf } from "./exact.js";
import { isJsonObject, type JsonValue } from "./json.js";

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function numberKey(container: object, key: string | number, value: number): string {
  const text = literalOf(container, key);
  if (text === undefined) return `d${doubleText(value)}`;
  const dec = decimalOf(text);
  if (dec === undefined) return `t${text}`;
  const g = gcd(dec.n, dec.d);
  return `x${dec.n / g}/${dec.d / g}`;
}

/** The key of the member `container[key]`. */
export function exactKey(container: object, key: string | number): string {
  const v = (container as Record<string, JsonValue>)[String(key)]!;
  if (typeof v === "number") return numberKey(container, key, v);
  if (Array.isArray(v)) return `[${v.map((_, i) => exactKey(v, i)).join(",")}]`;
  if (isJsonObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${exactKey(v, k)}`).join(",")}}`;
  return JSON.stringify(v);
}
