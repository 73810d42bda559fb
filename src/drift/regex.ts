/**
 * `pattern` languages as DFAs (refa). JSON Schema patterns are unanchored: the language of `p` is every string that
 * contains a match, i.e. `^[\s\S]*(?:p)[\s\S]*$`; edge assertions are then applied by refa. Patterns with
 * backreferences or lookaround (or anything refa cannot turn into an automaton) give undefined: callers answer
 * `unknown` for them.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.3
 */
import type { Assertion, Concatenation, Element, Expression, NoParent, Quantifier } from "refa";
import { CharSet, combineTransformers, DFA, JS, NFA, Transformers, transform, type DfaNode, type DfaNodeFactory } from "./refa.js";

const cache = new Map<string, DFA | undefined>();
const MAX_NODES = 20_000;

export function patternLanguage(pattern: string): DFA | undefined {
  if (cache.has(pattern)) return cache.get(pattern);
  let dfa: DFA | undefined;
  try {
    const parsed = JS.Parser.fromLiteral({ source: pattern, flags: "u" }).parse({ backreferences: "throw", assertions: "parse" });
    const { maxCharacter } = parsed;
    const expression = unanchored(parsed.expression, maxCharacter);
    const simplify = combineTransformers([Transformers.simplify(), Transformers.patternEdgeAssertions({ remove: true })]);
    const simple = transform(simplify, transform(simplify, expression));
    const nfa = NFA.fromRegex(simple, { maxCharacter }, { assertions: "throw" }, new NFA.LimitedNodeFactory(MAX_NODES));
    dfa = DFA.fromFA(nfa, new DFA.LimitedNodeFactory(MAX_NODES));
  } catch {
    dfa = undefined;
  }
  cache.set(pattern, dfa);
  return dfa;
}

/**
 * `^[\s\S]*(?:p)[\s\S]*$` built on the parsed AST of `p` (never by pasting pattern text into a new source): the
 * language of strings containing a match. `^`/`$` are refa's negated look-behind/ahead of any character. A
 * top-level alternative (or a group that is a whole alternative) anchored by `^` or `$` gets no `[\s\S]*` on that
 * side instead: refa removes assertions at the pattern's edges only, so `^a$|^b` would otherwise have no automaton.
 */
function unanchored(p: NoParent<Expression>, maxCharacter: number): NoParent<Expression> {
  const any = (): NoParent<Concatenation> => ({ type: "Concatenation", elements: [{ type: "CharacterClass", characters: CharSet.all(maxCharacter) }] });
  const edge = (kind: "ahead" | "behind"): NoParent<Assertion> => ({ type: "Assertion", kind, negate: true, alternatives: [any()] });
  const star = (): NoParent<Quantifier> => ({ type: "Quantifier", lazy: false, min: 0, max: Infinity, alternatives: [any()] });
  const anchor = (e: NoParent<Element> | undefined, kind: "ahead" | "behind"): boolean =>
    e !== undefined && e.type === "Assertion" && e.kind === kind && e.negate && e.alternatives.length === 1 &&
    e.alternatives[0]!.elements.length === 1 && e.alternatives[0]!.elements[0]!.type === "CharacterClass" && e.alternatives[0]!.elements[0]!.characters.isAll;
  const flat = (alts: readonly NoParent<Concatenation>[]): NoParent<Concatenation>[] =>
    alts.flatMap((a) => (a.elements.length === 1 && a.elements[0]!.type === "Alternation" ? flat(a.elements[0]!.alternatives) : [a]));
  const wrapped = flat(p.alternatives).map((alt): NoParent<Concatenation> => {
    const els = [...alt.elements];
    const start = anchor(els[0], "behind");
    const end = anchor(els[els.length - 1], "ahead");
    if (start) els.shift();
    if (end && els.length > 0) els.pop();
    return { type: "Concatenation", elements: [...(start ? [] : [star()]), ...els, ...(end ? [] : [star()])] };
  });
  return {
    type: "Expression",
    alternatives: [{ type: "Concatenation", elements: [edge("behind"), { type: "Alternation", alternatives: wrapped }, edge("ahead")] }],
  };
}

export type Inclusion = { readonly included: true } | { readonly included: false; readonly witness: string } | { readonly included: "unknown" };

/** Whether every string matching `sub` also matches `sup`; otherwise one string that does not. */
export function patternIncluded(sub: string, sup: string): Inclusion {
  if (sub === sup) return { included: true };
  const a = patternLanguage(sub);
  const b = patternLanguage(sup);
  if (a === undefined || b === undefined) return { included: "unknown" };
  try {
    const notB = b.copy();
    notB.complement();
    const diff = DFA.fromIntersection(a, notB, new DFA.LimitedNodeFactory(MAX_NODES));
    if (diff.isEmpty) return { included: true };
    const witness = shortestWord(diff);
    return witness === undefined ? { included: "unknown" } : { included: false, witness };
  } catch {
    return { included: "unknown" };
  }
}

/**
 * A shortest word of the DFA, by breadth-first search over its states (each state once: linear in the automaton).
 * Why not refa's `words()`/`wordSets()`: they enumerate paths, which grows exponentially before the first word when
 * the shortest word is long (`[0-9a-f][02468ace](:[0-9a-f]{2}){5}` minus another pattern exhausted the heap).
 */
export function shortestWord(dfa: DFA): string | undefined {
  return shortestWordSet(dfa)?.map((cs) => String.fromCodePoint(readableIn(cs.ranges[0]!))).join("");
}

/** The character sets along one shortest path from the initial state to a final one (see shortestWord). */
export function shortestWordSet(dfa: DFA): CharSet[] | undefined {
  const from = new Map<DfaNode, { prev: DfaNode; range: { min: number; max: number } } | null>([[dfa.initial, null]]);
  const queue: DfaNode[] = [dfa.initial];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    if (dfa.finals.has(node)) {
      const sets: CharSet[] = [];
      for (let at = from.get(node); at != null; at = from.get(at.prev)) sets.push(CharSet.fromRange(dfa.maxCharacter, at.range));
      return sets.reverse();
    }
    for (const [range, next] of node.out.entries()) {
      if (from.has(next)) continue;
      from.set(next, { prev: node, range });
      queue.push(next);
    }
  }
  return undefined;
}

/** A readable character of a range when it has one (letters, digits), else its first. */
function readableIn(range: { min: number; max: number }): number {
  for (const ch of "abcxyz0123456789") {
    const c = ch.charCodeAt(0);
    if (c >= range.min && c <= range.max) return c;
  }
  return range.min;
}

/** Strings in the language of `pattern` that `other` rejects, or any matching strings: witness candidates. */
export function patternSamples(pattern: string, count: number): string[] {
  const dfa = patternLanguage(pattern);
  if (dfa === undefined) return [];
  const out: string[] = [];
  for (const word of dfa.words()) {
    out.push(String.fromCodePoint(...word));
    if (out.length >= count) break;
  }
  return out;
}

export type FreshKey = { readonly key: string } | { readonly none: true } | { readonly unknown: true };

const freshCache = new Map<string, FreshKey>();

/**
 * A property name outside every pattern's language and not in `declared`: the key additionalProperties governs.
 * Computed on the automata (the complement of the union of the languages), so it is found or proven not to
 * exist without guessing; `unknown` when a pattern has no automaton (lookaround, backreference) or is too large.
 */
export function freshKey(patterns: readonly string[], declared: ReadonlySet<string>, preferred: readonly string[] = []): FreshKey {
  const key = JSON.stringify([[...patterns].sort(), [...declared].sort(), preferred]);
  let hit = freshCache.get(key);
  if (hit === undefined) freshCache.set(key, (hit = computeFresh(patterns, declared, preferred)));
  return hit;
}

function computeFresh(patterns: readonly string[], declared: ReadonlySet<string>, preferred: readonly string[]): FreshKey {
  try {
    // Names no pattern matches and no declaration takes: complements intersected, then one shortest word.
    let outside = complementOf(namesOf(declared));
    for (const p of patterns) {
      const lang = patternLanguage(p);
      if (lang === undefined) return { unknown: true };
      outside = intersectionOf(outside, complementOf(lang));
    }
    // `extra` reads best in a witness (`{"extra": …}`) when it is one of them; else any shortest readable name.
    // A name `propertyNames` lists comes first (a witness under it is not rejected for its name).
    const key = preferred.find((k) => hasName(outside, k)) ?? (hasName(outside, "extra") ? "extra" : someWord(outside));
    return key === undefined ? { none: true } : { key };
  } catch {
    return { unknown: true };
  }
}

let identifierDfa: DFA | undefined;

function identifiers(): DFA {
  if (identifierDfa === undefined) {
    const { expression, maxCharacter } = JS.Parser.fromLiteral({ source: "[a-z_][a-z0-9_]*", flags: "u" }).parse();
    identifierDfa = DFA.fromFA(NFA.fromRegex(expression, { maxCharacter }));
  }
  return identifierDfa;
}

/** A few concrete words of a word set, readable characters first. */
function readableWords(set: readonly CharSet[]): string[] {
  const pick = (cs: CharSet, k: number): string => {
    const preferred = "abcxyz_0123456789";
    let n = 0;
    for (const ch of preferred) if (cs.has(ch.charCodeAt(0)) && n++ === k) return ch;
    const r = cs.ranges[Math.min(k, cs.ranges.length - 1)]!;
    return String.fromCodePoint(r.min);
  };
  return [0, 1, 2].map((k) => set.map((cs) => pick(cs, k)).join(""));
}

// ── Key sets ─────────────────────────────────────────────────────────────────────────────────────────────────
// Property names as automata, for patternProperties coverage (shared/keys.ts). Every operation may throw when an
// automaton outgrows MAX_NODES; callers answer `unknown` then.

const MAX_CHAR = 0x10ffff;
const factory = (): DfaNodeFactory => new DFA.LimitedNodeFactory(MAX_NODES);

/** The finite set of `names` as an automaton. */
export function namesOf(names: Iterable<string>): DFA {
  const words = [...names].map((s) => [...s].map((c) => c.codePointAt(0)!));
  return DFA.fromWords(words, { maxCharacter: MAX_CHAR }, factory());
}

export function complementOf(a: DFA): DFA {
  const out = a.copy(factory());
  out.complement(factory());
  return out;
}

export function intersectionOf(a: DFA, b: DFA): DFA {
  return DFA.fromIntersection(a, b, factory());
}

export function unionOf(a: DFA, b: DFA): DFA {
  return complementOf(intersectionOf(complementOf(a), complementOf(b)));
}

/** One word of a non-empty language, identifier-like when the language has one; undefined when empty. */
export function someWord(a: DFA): string | undefined {
  if (a.isEmpty) return undefined;
  for (const lang of [intersectionOf(a, identifiers()), a]) {
    const set = shortestWordSet(lang);
    if (set !== undefined) return readableWords(set)[0];
  }
  return undefined;
}

/** Whether no string matches both patterns; undefined when a pattern has no automaton. */
export function patternsDisjoint(p: string, q: string): boolean | undefined {
  const a = patternLanguage(p);
  const b = patternLanguage(q);
  if (a === undefined || b === undefined) return undefined;
  try {
    return intersectionOf(a, b).isEmpty;
  } catch {
    return undefined;
  }
}

/** Whether one name is in a key set. */
export function hasName(a: DFA, name: string): boolean {
  return a.test([...name].map((c) => c.codePointAt(0)!));
}

const keyCache = new Map<string, string | null>();

/** A name matching `pattern` and not in `declared` (an instance path step for a patternProperties pair). */
export function patternKey(pattern: string, declared: readonly string[]): string | undefined {
  const id = JSON.stringify([pattern, [...declared].sort()]);
  let hit = keyCache.get(id);
  if (hit === undefined) {
    const lang = patternLanguage(pattern);
    try {
      hit = lang === undefined ? null : someWord(intersectionOf(lang, complementOf(namesOf(declared)))) ?? null;
    } catch {
      hit = null;
    }
    keyCache.set(id, hit);
  }
  return hit ?? undefined;
}
