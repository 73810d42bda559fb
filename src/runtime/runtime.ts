/*
 * llm-contracts runtime: everything generated code and migrations may import, in one place. Copied into
 * `generated/_runtime.ts` by every build, with each `./<module>.js` pointing at `./_runtime/<module>.js`.
 *
 * The runtime is split by capability (error shapes, schema errors, text classification, upgrades) so that
 * generated modules import only the part they use, and a bundle carries only that part even with bundlers that
 * tree-shake whole modules rather than statements.
 */
export * from "./types.js";
export * from "./errors.js";
export * from "./limits.js";
export * from "./numbers.js";
export * from "./text.js";
export * from "./upgrade.js";
