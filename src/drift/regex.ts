/**
 * `pattern` languages as DFAs (refa). JSON Schema patterns are unanchored: the language of `p` is every string that
 * contains a match, i.e. `^[\s\S]*(?:p)[\s\S]*$`; edge assertions are then applied by refa. Patterns with
 * backreferences or lookaround (or anything refa cannot turn into an automaton) give undefined: callers answer
 * `unknown` for them.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#section-6.3.3
 */
import { combineTransformers, DFA, JS, NFA, Transformers, transform } from "refa";

const cache = new Map<string, DFA | undefined>();
const MAX_NODES = 20_000;

export function patternLanguage(pattern: string): DFA | undefined {
  if (cache.has(pattern)) return cache.get(pattern);
  let dfa: DFA | undefined;
  try {
    const parser = JS.Parser.fromLiteral({ source: `^[\\s\\S]*(?:${pattern})[\\s\\S]*$`, flags: "u" });
    const { expression, maxCharacter } = parser.parse({ backreferences: "throw", assertions: "parse" });
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
    for (const word of diff.words()) return { included: false, witness: String.fromCodePoint(...word) };
    return { included: "unknown" };
  } catch {
    return { included: "unknown" };
  }
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
