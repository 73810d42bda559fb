/**
 * Array lengths and tuples as unions of exact tuples, so jsts prints them verbatim.
 *
 * Semantics (all drafts): position i < n must match prefix[i], later positions match `rest` (absent = anything,
 * `false` = no more items), and `minItems`/`maxItems` bound the length. Positions are *not* required unless
 * `minItems` says so: `prefixItems: [string, number]` accepts `[]`, `["a"]` and `["a", 1, true]`. So the type is
 *
 *   [] | [string] | [string, number, ...unknown[]]
 *
 * one exact tuple per allowed length below n, then the full prefix with the rest spread. `maxItems` only trims
 * (positions at or beyond it cannot exist); a larger `maxItems` is not expanded into more tuples: such unions
 * grow quadratically and multiply when nested (jsts's own expansion, turned off in `options.ts`), and a wider
 * `T[]` is still true to the validator.
 *
 * Budget: the expansion prints every member's elements inline, so it is kept only while its printed size stays
 * within `EXPANSION_BUDGET`. Beyond that the type widens to `[required prefix..., ...(union of the rest)[]]`, and
 * to `(union)[]` if even the required prefix is too large. Each node is thus at most the budget or the sum of its
 * distinct parts, which keeps the output linear in the schema.
 */
import { type DNode, isNever, neverNode, printedSize, union } from "./dialect.js";

const EXPANSION_BUDGET = 256;

export interface ArrayShape {
  readonly prefix: readonly DNode[];
  /** Schema for items after the prefix; `false` when no more items are allowed. */
  readonly rest: DNode | false;
  readonly minItems: number;
  readonly maxItems: number | undefined;
}

export function arrayType(shape: ArrayShape): DNode {
  let prefix = shape.prefix;
  let rest = shape.rest;
  // A position whose schema accepts nothing caps the length there.
  const impossible = prefix.findIndex(isNever);
  if (impossible >= 0) {
    prefix = prefix.slice(0, impossible);
    rest = false;
  }
  if (rest !== false && isNever(rest)) rest = false;
  if (shape.maxItems !== undefined && shape.maxItems <= prefix.length) {
    prefix = prefix.slice(0, shape.maxItems);
    rest = false;
  }
  const n = prefix.length;
  const min = shape.minItems;
  if (rest === false && min > n) return neverNode();
  const at = (i: number): DNode => (i < n ? prefix[i]! : (rest as DNode));
  const restSize = rest === false ? 0 : printedSize(rest);
  // Positions up to here are printed one by one; every position costs at least 1, so a longer run cannot fit.
  const fixed = Math.max(n, min);
  if (fixed <= EXPANSION_BUDGET) {
    // upTo[l]: printed size of positions 0..l-1; the members are lengths min..n-1, then all `fixed` plus the rest.
    const upTo = [0];
    for (let i = 0; i < fixed; i++) upTo.push(upTo[i]! + printedSize(at(i)));
    let cost = upTo[fixed]! + restSize;
    for (let length = min; length < n; length++) cost += upTo[length]!;
    if (cost <= EXPANSION_BUDGET) {
      const members: DNode[] = [];
      for (let length = min; length < n; length++) members.push(tuple(range(length).map(at), false));
      members.push(tuple(range(fixed).map(at), rest));
      return union(members);
    }
  }

  // Too large to print positionally: keep as much of the required prefix as fits, spread the union of the rest.
  const others = (from: number): DNode[] => [...prefix.slice(from), ...(rest === false ? [] : [rest])];
  let required = 0;
  let cost = printedSize(union(others(0))); // an upper bound for the spread below
  while (required < min && cost + printedSize(at(required)) <= EXPANSION_BUDGET) {
    cost += printedSize(at(required));
    required++;
  }
  const spread = union(others(required));
  return tuple(range(required).map(at), isNever(spread) ? false : spread);
}

function tuple(elements: readonly DNode[], rest: DNode | false): DNode {
  if (elements.length === 0 && rest !== false) return { type: "array", items: rest };
  return { type: "array", items: [...elements], additionalItems: rest };
}

function range(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}
