/**
 * `chain` (src/emit/codegen/chain.ts): a list the schema sizes joined by `||`, `&&` or `+` is the flat chain up to
 * `MAX_INLINE_TERMS` terms, and past it a tree whose nesting grows with log2 of the list, which TypeScript reads
 * without overflowing its stack; either way the same operands run in the same order and give the same value.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import { ts } from "../../../src/typescript.js";
import { MAX_INLINE_TERMS, chain, type ChainOperator } from "../../../src/emit/codegen/chain.js";

/** The deepest nesting of parentheses in `code`. */
function parenDepth(code: string): number {
  let depth = 0;
  let deepest = 0;
  for (const c of code) {
    if (c === "(") deepest = Math.max(deepest, ++depth);
    else if (c === ")") depth--;
  }
  return deepest;
}

/** Runs `expression` over the terms `t(i)`, which log their calls: its value and the order of the calls. */
function run(expression: string, answers: readonly (boolean | number)[]): { value: unknown; calls: number[] } {
  const calls: number[] = [];
  const value = vm.runInNewContext(expression, { t: (i: number) => (calls.push(i), answers[i]) }) as unknown;
  return { value, calls };
}

test("chain › up to MAX_INLINE_TERMS terms it is the flat join, byte for byte", () => {
  for (const n of [1, 2, MAX_INLINE_TERMS - 1, MAX_INLINE_TERMS]) {
    const terms = Array.from({ length: n }, (_, i) => `t(${i})`);
    for (const op of ["||", "&&", "+"] as const) assert.equal(chain(terms, op), terms.join(` ${op} `));
  }
});

test("chain › past it, nesting grows with log2 of the list and TypeScript reads 20,000 terms", () => {
  const terms = Array.from({ length: 20_000 }, (_, i) => `x === ${i}`);
  const code = chain(terms, "||");
  assert.ok(parenDepth(code) <= Math.ceil(Math.log2(terms.length / MAX_INLINE_TERMS)) + 1, `depth ${parenDepth(code)}`);
  // The flat chain of this many terms throws "Maximum call stack size exceeded" in TypeScript's binder.
  assert.throws(() => ts.transpileModule(`export const f = (x: number) => ${terms.join(" || ")};`, {}), RangeError);
  ts.transpileModule(`export const f = (x: number) => ${code};`, {});
  const f = vm.runInNewContext(`(x) => ${code}`) as (x: number) => boolean;
  assert.equal(f(0), true);
  assert.equal(f(19_999), true);
  assert.equal(f(20_000), false);
});

test("chain › the operands run in the same order and stop at the same operand, with the same value", () => {
  const n = MAX_INLINE_TERMS * 5 + 3;
  const terms = Array.from({ length: n }, (_, i) => `t(${i})`);
  const cases: [ChainOperator, (boolean | number)[]][] = [
    ["||", Array.from({ length: n }, () => false)],
    ["||", Array.from({ length: n }, (_, i) => i === 200)],
    ["||", Array.from({ length: n }, (_, i) => i === n - 1)],
    ["&&", Array.from({ length: n }, () => true)],
    ["&&", Array.from({ length: n }, (_, i) => i !== 129)],
    ["+", Array.from({ length: n }, (_, i) => i % 7)],
  ];
  for (const [op, answers] of cases) {
    const flat = run(terms.join(` ${op} `), answers);
    const tree = run(chain(terms, op), answers);
    assert.deepEqual(tree, flat, `${op} over ${n} terms`);
  }
});
