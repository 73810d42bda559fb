/**
 * A regular expression as a minimal DFA over code points, written as plain numbers for `llmcLinearPattern`.
 *
 * Why: a backtracking engine (V8's irregexp, which every generated validator uses) takes exponential time on
 * `^(a+)+$` with 30 `a` and a `!`. A DFA reads each code point once, whatever the pattern. refa builds it; only
 * patterns without backreferences and without assertions other than a leading `^` and a trailing `$` can be built.
 * @see https://github.com/RunDevelopment/refa
 */
import { DFA, JS, NFA } from "refa";

/** States the DFA may have before the pattern is refused (a table of a few hundred kilobytes at most). */
export const MAX_STATES = 2000;

/** Automata up to this many states get a flat transition table for ASCII characters (see `llmcLinearPattern`). */
export const ASCII_STATES = 256;

/**
 * The table: `[stateCount, ...states]`, each state `final (0|1), rangeCount, (lo, hi, target)*` with ranges in
 * ascending order; state 0 is the initial state. Matching means "the pattern matches somewhere in the string", as
 * `RegExp.prototype.test` does: an unanchored start or end is read as `[^]*`.
 */
export type AutomatonTable = readonly number[];

export type AutomatonResult = { readonly ok: true; readonly table: AutomatonTable } | { readonly ok: false; readonly reason: string };

interface Element {
  readonly type: string;
  readonly kind?: string;
  readonly raw: string;
}

/** The pattern (ECMA-262 with the `u` flag) as a DFA table, or why it cannot be one. */
export function automatonOf(source: string): AutomatonResult {
  try {
    const { pattern } = JS.Parser.fromLiteral({ source, flags: "u" }).ast as unknown as { pattern: { alternatives: readonly { elements: readonly Element[] }[] } };
    let inner = source;
    let start = false;
    let end = false;
    if (pattern.alternatives.length === 1) {
      const elements = pattern.alternatives[0]!.elements;
      start = elements[0]?.type === "Assertion" && elements[0].kind === "start";
      end = elements.length > (start ? 1 : 0) && elements[elements.length - 1]?.type === "Assertion" && elements[elements.length - 1]?.kind === "end";
      inner = elements
        .slice(start ? 1 : 0, end ? -1 : undefined)
        .map((e) => e.raw)
        .join("");
    }
    const whole = `${start ? "" : "[^]*"}(?:${inner})${end ? "" : "[^]*"}`;
    const parsed = JS.Parser.fromLiteral({ source: whole, flags: "u" }).parse({ backreferences: "throw", assertions: "throw" });
    const nfa = NFA.fromRegex(parsed.expression, { maxCharacter: parsed.maxCharacter }, { assertions: "throw" }, new NFA.LimitedNodeFactory(MAX_STATES * 4));
    const dfa = DFA.fromFA(nfa, new DFA.LimitedNodeFactory(MAX_STATES * 4));
    dfa.minimize();
    if (dfa.countNodes() > MAX_STATES) return { ok: false, reason: `its automaton needs more than ${MAX_STATES} states` };
    return { ok: true, table: tableOf(dfa) };
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/backreference/i.test(message)) return "it uses a backreference";
  if (/assertion/i.test(message)) return "it uses a lookaround, a word boundary, or `^`/`$` other than at its start/end";
  if (/too many/i.test(message)) return `its automaton needs more than ${MAX_STATES} states`;
  return `refa cannot build its automaton (${message})`;
}

/** States numbered in breadth-first order from the initial one, ranges ascending: the same DFA, the same table. */
function tableOf(dfa: DFA): AutomatonTable {
  const index = new Map<DFA.ReadonlyNode, number>([[dfa.initial, 0]]);
  const order: DFA.ReadonlyNode[] = [dfa.initial];
  for (let i = 0; i < order.length; i++) {
    for (const [, target] of order[i]!.out.entries()) {
      if (index.has(target)) continue;
      index.set(target, order.length);
      order.push(target);
    }
  }
  const table: number[] = [order.length];
  for (const node of order) {
    const ranges = [...node.out.entries()];
    table.push(dfa.finals.has(node as DFA.Node) ? 1 : 0, ranges.length);
    for (const [range, target] of ranges) table.push(range.min, range.max, index.get(target)!);
  }
  return table;
}

/**
 * The matcher generated code runs (inlined by its source text, so it must stay self-contained): reads the string
 * once, by code point (a lone surrogate is a code point of its own, as with the `u` flag), with a binary search
 * among each state's ranges. Linear in the length of the string.
 *
 * Why an ASCII table: patterns mostly read ASCII, and the binary search cost about 9 ns a character (issue 20:
 * prometheus.rules' duration pattern on five short strings, 40% of a valid run). For automata of at most
 * `ASCII_STATES` states each state's transitions on 0-127 are spread into one `Int16Array` (`-1`: no transition),
 * built once with the matcher (at most 256 x 128 x 2 B = 64 KB); a character from 128 up takes the search, as before.
 */
export function llmcLinearPattern(table: readonly number[]): { readonly test: (str: string) => boolean } {
  const starts: number[] = [];
  let at = 1;
  for (let s = 0; s < table[0]!; s++) {
    starts.push(at);
    at += 2 + 3 * table[at + 1]!;
  }
  // ASCII_STATES, written out: the function is inlined by its text and cannot name a module constant.
  const ascii = table[0]! <= 256 ? new Int16Array(table[0]! * 128).fill(-1) : undefined;
  if (ascii !== undefined) {
    for (let s = 0; s < table[0]!; s++) {
      const base = starts[s]!;
      for (let k = 0; k < table[base + 1]!; k++) {
        const r = base + 2 + 3 * k;
        for (let c = table[r]!; c <= table[r + 1]! && c < 128; c++) ascii[s * 128 + c] = table[r + 2]!;
      }
    }
  }
  return {
    test: (str) => {
      let state = 0;
      for (let i = 0; i < str.length; i++) {
        let c = str.charCodeAt(i);
        if (c < 128 && ascii !== undefined) {
          state = ascii[state * 128 + c]!;
          if (state < 0) return false;
          continue;
        }
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
          const d = str.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
            i++;
          }
        }
        const base = starts[state]!;
        let lo = 0;
        let hi = table[base + 1]! - 1;
        let next = -1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const r = base + 2 + 3 * mid;
          if (c < table[r]!) hi = mid - 1;
          else if (c > table[r + 1]!) lo = mid + 1;
          else {
            next = table[r + 2]!;
            break;
          }
        }
        if (next < 0) return false;
        state = next;
      }
      return table[starts[state]!] === 1;
    },
  };
}
