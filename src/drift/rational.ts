import { decimalOf, exactText } from "../ir/exact.js";

/** Exact rationals from JSON numbers (decimal text), for `multipleOf` and bounds: no float rounding in the decision. */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

export function rational(x: number): Rational | undefined {
  if (!Number.isFinite(x)) return undefined;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(x));
  if (m === null) return undefined;
  const frac = m[3] ?? "";
  let n = BigInt(`${m[1]}${m[2]}${frac}`);
  let d = 10n ** BigInt(frac.length);
  const e = Number(m[4] ?? "0");
  if (e > 0) n *= 10n ** BigInt(e);
  else if (e < 0) d *= 10n ** BigInt(-e);
  return reduce(n, d);
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function reduce(n: bigint, d: bigint): Rational {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

/** Whether a / b is an integer (every multiple of a is a multiple of b). */
export function dividesInto(a: Rational, b: Rational): boolean {
  // a / b = (a.n * b.d) / (a.d * b.n)
  const num = a.n * b.d;
  const den = a.d * b.n;
  return den !== 0n && num % den === 0n;
}

export function isInteger(r: Rational): boolean {
  return r.d === 1n;
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compareRational(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** ⌊r⌋ and ⌈r⌉ as integers (d = 1). */
export function floorRational(r: Rational): Rational {
  const q = r.n / r.d;
  return { n: r.n < 0n && q * r.d !== r.n ? q - 1n : q, d: 1n };
}

export function ceilRational(r: Rational): Rational {
  const q = r.n / r.d;
  return { n: r.n > 0n && q * r.d !== r.n ? q + 1n : q, d: 1n };
}

/**
 * The number at `container[key]` exactly as the schema wrote it (src/ir/exact.ts), not as the nearest double:
 * `maximum: 9007199254740993` is 9007199254740993. Undefined when it is no number or out of reach (1e99999999).
 */
export function exactRational(container: object, key: string | number): Rational | undefined {
  const text = exactText(container, key);
  const x = text === undefined ? undefined : decimalOf(text);
  return x === undefined ? undefined : reduce(x.n, x.d);
}
