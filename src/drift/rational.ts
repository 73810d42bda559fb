/** Exact rationals from JSON numbers (decimal text), for `multipleOf`: no float rounding in the decision. */
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
