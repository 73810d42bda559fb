/** Strings matching a `pattern` (unanchored, ECMA-262 with the u flag) within length bounds, via refa automata. */
import { CharSet, DFA, JS, NFA } from "../refa.js";
import { patternLanguage, shortestWordSet } from "../regex.js";

export function stringMatching(pattern: string, min: number, max: number, variant: number): string | undefined {
  const dfa = patternLanguage(pattern);
  if (dfa !== undefined) return pickWord(dfa, min, max, variant);
  // No automaton (lookaround: paper-plugin's `^(?!io\.papermc\.)…$` class names): a word of the pattern with its
  // assertions ignored (a larger language), kept only if the pattern itself matches it. A short word, so the
  // backtracking matcher's cost stays small; a guess either way, confirmed by the validators.
  const loose = looseLanguage(pattern);
  const word = loose === undefined ? undefined : pickWord(loose, min, max, variant);
  try {
    return word !== undefined && new RegExp(pattern, "u").test(word) ? word : undefined;
  } catch {
    return undefined;
  }
}

const loose = new Map<string, DFA | null>();

function looseLanguage(pattern: string): DFA | undefined {
  let hit = loose.get(pattern);
  if (hit === undefined) {
    try {
      const { expression, maxCharacter } = JS.Parser.fromLiteral({ source: pattern, flags: "u" }).parse({ backreferences: "throw", assertions: "parse" });
      const nfa = NFA.fromRegex(expression, { maxCharacter }, { assertions: "ignore" }, new NFA.LimitedNodeFactory(20_000));
      hit = DFA.fromFA(nfa, new DFA.LimitedNodeFactory(20_000));
    } catch {
      hit = null;
    }
    loose.set(pattern, hit);
  }
  return hit ?? undefined;
}

/**
 * Shortest word sets per automaton and length bounds. Why: a witness search generates dozens of documents per
 * direction (variants, candidates placed at paths), each asking again for a string of the same pattern and bounds,
 * and the intersection behind one answer cost up to a second (winget's 1-32-character segments). The answer
 * depends only on the automaton and the bounds (the variant only picks characters from the sets), so it is kept.
 */
const words = new WeakMap<DFA, Map<string, CharSet[] | null>>();

/** A word of the DFA with `min <= length <= max`, readable characters preferred. */
export function pickWord(dfa: DFA, min: number, max: number, variant: number): string | undefined {
  // A far upper bound changes nothing for a shortest word but would cost an automaton of that many states.
  const hi = max > min + 256 ? Infinity : max;
  let byBounds = words.get(dfa);
  if (byBounds === undefined) words.set(dfa, (byBounds = new Map()));
  const key = `${min}|${hi}`;
  let sets = byBounds.get(key);
  if (sets === undefined) byBounds.set(key, (sets = shortestWithin(dfa, min, hi) ?? null));
  return sets === null ? undefined : sets.map((cs) => readable(cs, variant)).join("");
}

function shortestWithin(dfa: DFA, min: number, hi: number): CharSet[] | undefined {
  try {
    let lang = dfa;
    if (min > 0 || Number.isFinite(hi)) {
      // No `^…$`: refa's automata match whole words already, and with assertions disabled an anchored source
      // would be the empty language (every pattern with a length bound got no string at all).
      const source = `[\\s\\S]{${min},${Number.isFinite(hi) ? hi : ""}}`;
      const { expression, maxCharacter } = JS.Parser.fromLiteral({ source, flags: "u" }).parse();
      const bounds = DFA.fromFA(NFA.fromRegex(expression, { maxCharacter }, { assertions: "disable" }));
      lang = DFA.fromIntersection(dfa, bounds, new DFA.LimitedNodeFactory(20_000));
    }
    // A shortest word set by breadth-first search (refa's wordSets() enumerates paths: exponential before a long
    // first word); the variant varies the characters.
    return shortestWordSet(lang);
  } catch {
    return undefined;
  }
}

const PREFERRED = "abcxyzABC0123456789-_ .:/@";

function readable(cs: CharSet, variant: number): string {
  for (let k = 0; k < PREFERRED.length; k++) {
    const ch = PREFERRED.charCodeAt((k + variant) % PREFERRED.length);
    if (cs.has(ch)) return String.fromCharCode(ch);
  }
  return String.fromCodePoint(cs.ranges[0]!.min);
}
