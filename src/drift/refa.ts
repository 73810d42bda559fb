/**
 * refa (regex automata), required rather than imported. Why: refa ships one ~1 MB CommonJS file, and an ES module
 * import of CommonJS makes Node lex all of it for its export names (cjs-module-lexer, about 0.1 s) before anything
 * runs; `require` skips that. Same module instance either way (Node's CommonJS cache), so classes compare alike.
 * Types come from the package's own declarations.
 */
import { createRequire } from "node:module";
import type * as Refa from "refa";

const refa = createRequire(import.meta.url)("refa") as typeof Refa;

export const { CharSet, combineTransformers, DFA, JS, NFA, Transformers, transform } = refa;
export type CharSet = Refa.CharSet;
export type DFA = Refa.DFA;
export type NFA = Refa.NFA;
export type DfaNode = Refa.DFA.Node;
export type DfaNodeFactory = Refa.DFA.LimitedNodeFactory;
