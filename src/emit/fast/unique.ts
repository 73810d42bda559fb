/**
 * ajv's `uniqueItems` scan for items typed as scalars (its `loopN`): from the end, each value's index is kept in an
 * object keyed by the value (a string suffixed with `_` when other types share the keys); a value already there is
 * a duplicate. Linear, and written once for the fast path (past 16 items) and the all-errors collector, so the two
 * read alike and gzip shares them.
 */
import { typeTest } from "./types.js";

/**
 * The scan of `value` by the counter `i` (a local holding the length), with `item` and `indices` as fresh locals;
 * `found` runs on a duplicate, with `indices[item]` the later index of the pair.
 */
export function indexScan(itemTypes: readonly string[], value: string, i: string, item: string, indices: string, found: readonly string[]): string[] {
  return [
    `const ${indices} = {};`,
    `for (; ${i}--;) {`,
    `  let ${item} = ${value}[${i}];`,
    `  if (!(${itemTypes.map((t) => typeTest(t, item)).join(" || ")})) continue;`,
    ...(itemTypes.length > 1 ? [`  if (typeof ${item} == "string") ${item} += "_";`] : []),
    `  if (typeof ${indices}[${item}] == "number") {`,
    ...found.map((l) => `    ${l}`),
    "  }",
    `  ${indices}[${item}] = ${i};`,
    "}",
  ];
}
