/**
 * A hand-written matcher for the patterns most contracts use: `^`, then a sequence of literal characters and
 * ASCII character classes, each with a greedy quantifier, then `$` — `^ord_[A-Za-z0-9]{8,24}$`, `^[A-Z]{3}$`.
 * It scans the string once with `charCodeAt` (linear time, no allocation) and gives the regex's answer:
 * - classes and literals are ASCII, so a UTF-16 unit and a code point are the same thing wherever one matches,
 *   and an astral character matches nothing in either;
 * - greedy without backtracking is exact because a variable-length item never shares a character with the items
 *   that may follow it (up to the first one that must consume a character), so giving a character back could
 *   never let the rest match.
 * Anything else (alternation, groups, lookaround, `\s`, `\b`, flags other than "u", unanchored) returns undefined
 * and the caller compiles a RegExp.
 */
import { jsonLiteral } from "../codegen/escape.js";

interface Item {
  /** Sorted, merged inclusive ranges of char codes. */
  readonly ranges: readonly (readonly [number, number])[];
  readonly min: number;
  readonly max: number;
}

const CLASS_ESCAPES: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  d: [[48, 57]],
  w: [[48, 57], [65, 90], [95, 95], [97, 122]],
};
/** Characters that may be escaped with a backslash under the "u" flag (syntax characters and `/`, `-` in classes). */
const SYNTAX = new Set("^$\\.*+?()[]{}|/-");

function merge(ranges: (readonly [number, number])[]): (readonly [number, number])[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

const ascii = (c: number): boolean => c >= 0x20 && c < 0x7f;

/** Parses `source` into items, or undefined when it is outside the subset. */
function parse(source: string): Item[] | undefined {
  if (!source.startsWith("^") || !source.endsWith("$") || source.endsWith("\\$")) return undefined;
  const body = source.slice(1, -1);
  const items: Item[] = [];
  let i = 0;
  const atom = (): (readonly [number, number])[] | undefined => {
    const c = body[i]!;
    if (c === "\\") {
      const e = body[i + 1];
      i += 2;
      if (e === undefined) return undefined;
      if (Object.hasOwn(CLASS_ESCAPES, e)) return [...CLASS_ESCAPES[e]!];
      return SYNTAX.has(e) ? [[e.charCodeAt(0), e.charCodeAt(0)]] : undefined;
    }
    if (c === "[") {
      i++;
      if (body[i] === "^") return undefined;
      const ranges: (readonly [number, number])[] = [];
      while (i < body.length && body[i] !== "]") {
        let lo: number;
        if (body[i] === "\\") {
          const e = body[i + 1];
          i += 2;
          if (e === undefined) return undefined;
          if (Object.hasOwn(CLASS_ESCAPES, e)) {
            ranges.push(...CLASS_ESCAPES[e]!);
            continue;
          }
          if (!SYNTAX.has(e)) return undefined;
          lo = e.charCodeAt(0);
        } else {
          lo = body.charCodeAt(i);
          if (body[i] === "[") return undefined;
          i++;
        }
        if (body[i] === "-" && body[i + 1] !== undefined && body[i + 1] !== "]") {
          const h = body[i + 1]!;
          if (h === "\\" || h === "[") return undefined;
          const hi = h.charCodeAt(0);
          i += 2;
          if (hi < lo) return undefined;
          ranges.push([lo, hi]);
        } else ranges.push([lo, lo]);
      }
      if (body[i] !== "]" || ranges.length === 0) return undefined;
      i++;
      return ranges;
    }
    if ("^$.*+?(){}|]".includes(c)) return undefined;
    i++;
    return [[c.charCodeAt(0), c.charCodeAt(0)]];
  };
  while (i < body.length) {
    const ranges = atom();
    if (ranges === undefined || !ranges.every(([lo, hi]) => ascii(lo) && ascii(hi))) return undefined;
    let min = 1;
    let max = 1;
    const q = body[i];
    if (q === "*" || q === "+" || q === "?") {
      [min, max] = q === "*" ? [0, Infinity] : q === "+" ? [1, Infinity] : [0, 1];
      i++;
    } else if (q === "{") {
      const m = /^\{(\d{1,4})(?:(,)(\d{0,4}))?\}/.exec(body.slice(i));
      if (m === null) return undefined;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      if (max < min) return undefined;
      i += m[0].length;
    }
    if (body[i] === "?" || body[i] === "+" || body[i] === "*" || body[i] === "{") return undefined;
    items.push({ ranges: merge(ranges), min, max });
  }
  return items;
}

function overlaps(a: Item, b: Item): boolean {
  return a.ranges.some(([lo, hi]) => b.ranges.some(([l, h]) => lo <= h && l <= hi));
}

/** True when greedy matching without backtracking gives the regex's answer (see the file comment). */
function greedyIsExact(items: readonly Item[]): boolean {
  for (let k = 0; k < items.length; k++) {
    if (items[k]!.min === items[k]!.max) continue;
    for (let j = k + 1; j < items.length; j++) {
      if (overlaps(items[k]!, items[j]!)) return false;
      if (items[j]!.min > 0) break;
    }
  }
  return true;
}

/**
 * An expression of `c` that is true when it lies in `ranges` (sorted, disjoint): a binary search written out, so
 * any character takes about log2(ranges) + 1 comparisons instead of up to two per range. `above` and `below` are
 * bounds a comparison on this branch already proved (`c >= above`, `c < below`); a check they imply is left out.
 * A `NaN` (read past the end) fails every `>=`, so it only reaches branches whose lower bound is still checked.
 * Issue 20: on prometheus.rules' key pattern `^[a-zA-Z_][a-zA-Z0-9_]*$` a lower-case letter took 7 comparisons
 * in the `||` chain and takes 3 here (the valid run 0.85-0.89x of the chain's, one process, alternating).
 */
function inClass(ranges: Item["ranges"], c: string, above = -1, below = Infinity): string {
  if (ranges.length === 1) {
    const [lo, hi] = ranges[0]!;
    // A single code is `===` even where a bound implies half of it: the same text as elsewhere, which gzip shares.
    if (lo === hi) return lo > above || hi + 1 < below ? `${c} === ${jsonLiteral(lo)}` : "true";
    const checks = [...(lo > above ? [`${c} >= ${jsonLiteral(lo)}`] : []), ...(hi + 1 < below ? [`${c} <= ${jsonLiteral(hi)}`] : [])];
    return checks.length === 0 ? "true" : checks.length === 1 ? checks[0]! : `(${checks.join(" && ")})`;
  }
  const mid = ranges.length >> 1;
  const split = ranges[mid]![0];
  return `(${c} >= ${jsonLiteral(split)} ? ${inClass(ranges.slice(mid), c, split, below)} : ${inClass(ranges.slice(0, mid), c, above, split)})`;
}

/** An object expression `{ test(s) {...} }` matching `source` with the "u" flag, or undefined outside the subset. */
export function linearMatcher(source: string, flags: string): string | undefined {
  if (flags !== "u") return undefined;
  const items = parse(source);
  if (items === undefined || items.length === 0 || items.length > 16 || !greedyIsExact(items)) return undefined;
  const lines = ["{ test(s) {", "  const n = s.length;", "  let i = 0;", "  let c = 0;"];
  const fixed = items.reduce((sum, it) => sum + it.min, 0);
  const bounded = items.every((it) => it.max !== Infinity);
  const most = items.reduce((sum, it) => sum + it.max, 0);
  // A pattern of one length (`^ord_[a-z0-9]{8}$`) is one comparison; otherwise the shortest and longest it allows.
  lines.push(`  if (${!bounded ? `n < ${jsonLiteral(fixed)}` : most === fixed ? `n !== ${jsonLiteral(fixed)}` : `n < ${jsonLiteral(fixed)} || n > ${jsonLiteral(most)}`}) return false;`);
  for (const item of items) {
    if (item.min === 1 && item.max === 1) {
      lines.push(`  c = s.charCodeAt(i++);`, `  if (!(${inClass(item.ranges, "c")})) return false;`);
      continue;
    }
    if (item.min === item.max) {
      // Exactly k characters: no choice for greedy matching to make, so no bound or count to keep. Past the end,
      // charCodeAt gives NaN, which fails every class (inClass), so the loop needs no length check of its own.
      lines.push(`  for (const end = i + ${jsonLiteral(item.min)}; i < end; i++) if (c = s.charCodeAt(i), !(${inClass(item.ranges, "c")})) return false;`);
      continue;
    }
    const limit = item.max === Infinity ? "n" : `Math.min(n, i + ${jsonLiteral(item.max)})`;
    lines.push(
      `  {`,
      `    const start = i, end = ${limit};`,
      `    while (i < end && (c = s.charCodeAt(i), ${inClass(item.ranges, "c")})) i++;`,
      `    if (i - start < ${jsonLiteral(item.min)}) return false;`,
      `  }`,
    );
  }
  lines.push("  return i === n;", "} }");
  return lines.join("\n");
}
