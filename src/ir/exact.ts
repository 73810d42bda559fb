/**
 * Number literals exactly as written. JSON Schema numbers are exact decimals (a Python or Go producer tells
 * 9007199254740993 from 9007199254740992), but a JavaScript number holds the nearest double. The parsers record
 * every literal a double misrepresents in a side table keyed by the container (object or array) and member key,
 * so the parsed value stays plain JSON data for everyone else; the bundler carries the entries to its copies, and
 * drift compares through `exactOf`. A literal the double holds exactly has no entry (the common case costs nothing).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-4.2.2
 */
import { isJsonObject, type JsonValue } from "./json.js";

const literals = new WeakMap<object, Map<string, { readonly text: string; readonly held: number }>>();

/** An exact decimal as a fraction (not necessarily reduced). */
export interface Decimal {
  readonly n: bigint;
  readonly d: bigint;
}

/** Exponents beyond this are not expanded into bigints (1e99999999 would take minutes); such literals compare as unknown. */
export const MAX_EXACT_EXPONENT = 4096;

const LITERAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** The fraction a JSON number literal (or `String(x)` of a finite double) denotes; undefined when out of reach. */
export function decimalOf(text: string): Decimal | undefined {
  const m = LITERAL.exec(text);
  if (m === null) return undefined;
  const frac = m[3] ?? "";
  const e = Number(m[4] ?? "0");
  if (!Number.isSafeInteger(e) || Math.abs(e) > MAX_EXACT_EXPONENT) return undefined;
  let n = BigInt(`${m[1]}${m[2]}${frac}`);
  let d = 10n ** BigInt(frac.length);
  if (e > 0) n *= 10n ** BigInt(e);
  else if (e < 0) d *= 10n ** BigInt(-e);
  return { n, d };
}

/**
 * The decimal a double stands for: its shortest decimal (`0.1`: what JavaScript prints and reads back), except for
 * integers beyond 2^53, whose every digit is the double's own (`2 ** 63` is 9223372036854775808, not the printed
 * 9223372036854776000).
 */
export function doubleText(value: number): string {
  return Number.isInteger(value) && Math.abs(value) >= 2 ** 53 ? BigInt(value).toString() : String(value);
}

/**
 * Whether the double `Number(text)` holds the literal: the decimal it stands for (`doubleText`) is the literal's
 * number. `0.1`, `1e22` and `-9223372036854775808` qualify; `0.10000000000000001`, `9007199254740993`, `1e23`
 * (the double is 99999999999999991611392) do not, nor does a literal out of range.
 */
export function isExactLiteral(text: string, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const held = doubleText(value);
  if (held === text) return true;
  const a = decimalOf(text);
  const b = decimalOf(held);
  return a !== undefined && b !== undefined && a.n * b.d === b.n * a.d;
}

/** The finite double standing in for a literal: the nearest double, or ±Number.MAX_VALUE for one out of range. */
export function standIn(text: string): number {
  const value = Number(text);
  if (Number.isFinite(value)) return value;
  return value > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
}

/** Records the literal of `container[key]` (only called for literals a double misrepresents). */
export function recordLiteral(container: object, key: string | number, text: string): void {
  let entry = literals.get(container);
  if (entry === undefined) literals.set(container, (entry = new Map()));
  entry.set(String(key), { text, held: standIn(text) });
}

/**
 * The literal as written, when the double at `container[key]` misrepresents it. Only while the member still holds
 * the double the literal was read as: a member overwritten later (a test harness editing a copy) has no literal.
 */
export function literalOf(container: object, key: string | number): string | undefined {
  const found = literals.get(container)?.get(String(key));
  return found !== undefined && (container as Record<string, unknown>)[String(key)] === found.held ? found.text : undefined;
}

/** Whether any member of the container has a recorded literal. */
export function hasLiterals(container: object): boolean {
  return literals.has(container);
}

/** Copies the literal of `from[fromKey]` to `to[toKey]`, if there is one (copies of nodes keep their numbers exact). */
export function carryLiteral(from: object, fromKey: string | number, to: object, toKey: string | number = fromKey): void {
  const text = literalOf(from, fromKey);
  if (text !== undefined) recordLiteral(to, toKey, text);
}

/** Copies every recorded literal of `from` whose key `to` holds the same number (a spread copy of a node). */
export function carryLiterals(from: object, to: object): void {
  const entry = literals.get(from);
  if (entry === undefined) return;
  for (const [key, { text }] of entry) {
    if ((to as Record<string, unknown>)[key] === (from as Record<string, unknown>)[key]) recordLiteral(to, key, text);
  }
}

/** The exact text of the number at `container[key]`: the literal as written, else the decimal the double stands for. */
export function exactText(container: object, key: string | number): string | undefined {
  const value = (container as Record<string, unknown>)[String(key)];
  if (typeof value !== "number") return undefined;
  return literalOf(container, key) ?? doubleText(value);
}

/** Exact comparison of two numbers in context: -1, 0, 1, or undefined when a literal is out of reach. */
export function compareExact(a: object, ka: string | number, b: object, kb: string | number): -1 | 0 | 1 | undefined {
  const ta = exactText(a, ka);
  const tb = exactText(b, kb);
  if (ta === undefined || tb === undefined) return undefined;
  if (ta === tb) return 0;
  const x = decimalOf(ta);
  const y = decimalOf(tb);
  if (x === undefined || y === undefined) return undefined;
  const l = x.n * y.d;
  const r = y.n * x.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * Deep JSON equality with exact numbers: the members `a[ka]` and `b[kb]`. Unknown (a literal out of reach) counts
 * as different: callers use equality to prove values the same, and "different" is the cautious answer there.
 */
export function exactMemberEqual(a: object, ka: string | number, b: object, kb: string | number): boolean {
  const x = (a as Record<string, JsonValue>)[String(ka)];
  const y = (b as Record<string, JsonValue>)[String(kb)];
  if (typeof x === "number" && typeof y === "number") return compareExact(a, ka, b, kb) === 0;
  if (x === y) return true;
  if (Array.isArray(x)) return Array.isArray(y) && x.length === y.length && x.every((_, i) => exactMemberEqual(x, i, y, i));
  if (isJsonObject(x) && isJsonObject(y)) {
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    return keys.every((k) => Object.hasOwn(y, k) && exactMemberEqual(x, k, y, k));
  }
  return false;
}

/** Exact deep equality of two values, neither of them itself a bare number without a container. */
export function exactEqual(a: JsonValue, b: JsonValue): boolean {
  return exactMemberEqual([a], 0, [b], 0);
}

/** `canonicalJson` with numbers as written: two schemas differing only beyond double precision get different text. */
export function exactCanonicalJson(value: JsonValue): string {
  const walk = (container: object, key: string | number): string => {
    const v = (container as Record<string, JsonValue>)[String(key)]!;
    if (typeof v === "number") return exactText(container, key)!;
    if (Array.isArray(v)) return `[${v.map((_, i) => walk(v, i)).join(",")}]`;
    if (isJsonObject(v)) {
      const keys = Object.keys(v).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${walk(v, k)}`).join(",")}}`;
    }
    return JSON.stringify(v);
  };
  return walk([value], 0);
}

/** Every recorded literal under a value, as [container, key, text], depth-first in document order (for warnings). */
export function literalsUnder(value: JsonValue, limit: number): [object, string, string][] {
  const out: [object, string, string][] = [];
  const stack: JsonValue[] = [value];
  while (stack.length > 0 && out.length < limit) {
    const v = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    const entry = literals.get(v);
    if (entry !== undefined) for (const k of entry.keys()) if (out.length < limit && literalOf(v, k) !== undefined) out.push([v, k, literalOf(v, k)!]);
    const children = Array.isArray(v) ? v : Object.values(v);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

/** A deep copy that keeps the recorded literals (`structuredClone` would drop the side table's entries). */
export function cloneExact<T extends JsonValue>(value: T): T {
  const copy = (v: JsonValue): JsonValue => {
    if (Array.isArray(v)) {
      const out = v.map(copy);
      v.forEach((_, i) => carryLiteral(v, i, out));
      return out;
    }
    if (!isJsonObject(v)) return v;
    const out: Record<string, JsonValue> = {};
    for (const [k, m] of Object.entries(v)) out[k] = copy(m);
    carryLiterals(v, out);
    return out;
  };
  return copy(value) as T;
}
