/**
 * How long a list the schema sizes (`enum` members, `anyOf`/`oneOf` branches, property names beside patterns) may
 * grow inline in generated code: as one `a || b || …` chain, or as statements nested once per item.
 *
 * Why a bound: TypeScript's binder, checker and emitter recurse once per operand of a binary chain and once per
 * nested statement. Run on a generated validator (`tsc` over generated/, `migrate`'s `ts.transpileModule`, the
 * JavaScript flavour), a module with one `||` chain of 870 to 1,000 enum members (`tsc`: 874, `migrate`: 907), or
 * with about 430 nested blocks (the all-errors `oneOf`), threw "Maximum call stack size exceeded" on Node's default
 * stack, while `build` and `check` passed. Up to `MAX_INLINE_TERMS` items the inline forms stay as they always
 * were (short, fast, and the same bytes as before); past it an emitter writes a form whose nesting does not grow
 * with the list: a lookup in a module-level constant (fast/members.ts), a `switch`, a flat labelled block, or the
 * balanced `chain` below.
 *
 * Why 64: under a sixth of the smallest size that overflowed (the nested blocks), leaving room for the nesting
 * around the list and for hosts that give TypeScript a smaller stack (bundler plugins, language servers); and past
 * it a `Set` lookup is faster than the comparisons anyway. 823 of the 831 `enum`s of the SchemaStore corpus stay
 * inline.
 */
export const MAX_INLINE_TERMS = 64;

/** The operators `chain` joins. `+` only for operands whose sum does not depend on grouping (counts, strings). */
export type ChainOperator = "||" | "&&" | "+";

/**
 * `terms` joined by `operator`: one flat chain up to `MAX_INLINE_TERMS` terms (the text such code always had), else
 * a balanced tree of parenthesised halves whose leaves are flat chains of at most `MAX_INLINE_TERMS` terms, so a
 * parser or binder recurses about `MAX_INLINE_TERMS + 2·log2(n)` levels instead of n. The operands are evaluated
 * in the same order, and `||`, `&&` short-circuit at the same operand: `(a || b) || c` is `a || b || c`.
 */
export function chain(terms: readonly string[], operator: ChainOperator): string {
  return balanced(terms, ` ${operator} `, 0, terms.length);
}

function balanced(terms: readonly string[], separator: string, from: number, to: number): string {
  if (to - from <= MAX_INLINE_TERMS) return terms.slice(from, to).join(separator);
  const middle = from + Math.ceil((to - from) / 2);
  return `(${balanced(terms, separator, from, middle)})${separator}(${balanced(terms, separator, middle, to)})`;
}
