/**
 * The all-errors collector's `anyOf` (before 2019-09) and `oneOf` over more than `MAX_INLINE_TERMS` branches.
 *
 * Why: combinators.ts writes each branch inside a block of the branch before it, as ajv's code does (`anyOf`: in
 * the `if` "none passed yet", `oneOf`: in the `else` of "two have passed"). That nests one block per branch, and
 * TypeScript, which reads the module (codegen/chain.ts), overflowed its stack at about 430 branches. Here the
 * branches sit side by side in one labelled block, and what made the nested form stop (a passing `anyOf` branch,
 * a second passing `oneOf` branch) leaves the block with `break`: the same branches run, in the same order, and
 * leave `valid`, `passing` and the error list as the nested form does.
 */
import { ERRORS } from "./context.js";
import type { FastContext } from "../context.js";

const indented = (lines: readonly string[]): string[] => lines.map((l) => `  ${l}`);

/** Branches in order until one passes (ajv before 2019-09). */
export function anyOfFlat(ctx: FastContext, bodies: readonly string[][], valid: string): string[] {
  const label = ctx.name("u");
  const lines: string[] = [];
  bodies.forEach((body, i) => {
    const before = ctx.name("n");
    lines.push(`const ${before} = ${ERRORS}.length;`, ...body, `${valid} = ${ERRORS}.length === ${before};`);
    if (i < bodies.length - 1) lines.push(`if (${valid}) break ${label};`);
  });
  return [`${label}: {`, ...indented(lines), "}"];
}

/** Every branch until a second one passes; `passing` the passing index, or the first two passing indexes. */
export function oneOfFlat(ctx: FastContext, bodies: readonly string[][], valid: string, passing: string): string[] {
  const label = ctx.name("u");
  const lines: string[] = [];
  bodies.forEach((body, i) => {
    const before = ctx.name("n");
    const passed = ctx.name("s");
    lines.push(`const ${before} = ${ERRORS}.length;`, ...body, `const ${passed} = ${ERRORS}.length === ${before};`);
    if (i > 0) lines.push(`if (${passed} && ${valid}) {`, `  ${valid} = false;`, `  ${passing} = [${passing}, ${i}];`, `  break ${label};`, "}");
    lines.push(`if (${passed}) {`, `  ${valid} = true;`, `  ${passing} = ${i};`, "}");
  });
  return [`${label}: {`, ...indented(lines), "}"];
}
