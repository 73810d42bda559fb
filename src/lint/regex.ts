import { createRequire } from "node:module";
import type * as Refa from "refa";
import type * as RedosDetector from "redos-detector";

/*
 * Why both libraries are required on first use (not imported): this module is reached from every compile through
 * the provider extension (export's lowering), and importing refa from an ES module makes Node lex its ~600 KB of
 * CommonJS for export names (about 0.1 s), paid by a `check` that compiles nothing. `require` on first use pays
 * only when a pattern is analysed.
 */
const requireHere = createRequire(import.meta.url);
let refa: typeof Refa | undefined;
let redos: typeof RedosDetector | undefined;
const refaJs = (): typeof Refa.JS => (refa ??= requireHere("refa") as typeof Refa).JS;
const isSafePattern: typeof RedosDetector.isSafePattern = (pattern, options) => (redos ??= requireHere("redos-detector") as typeof RedosDetector).isSafePattern(pattern, options);

/** Regex features some providers' constrained decoders cannot run (providers.md §4.1, Anthropic "regex" row). */
export type RegexFeature = "lookaround" | "backreference" | "word-boundary" | "large-repetition";

export interface RegexReport {
  readonly features: ReadonlySet<RegexFeature>;
  /** Largest finite `{n,m}` bound in the pattern (0 when none). */
  readonly maxRepeat: number;
  /** Set when the pattern is not a valid ECMA-262 (`u` flag) regex; the meta-schema/ajv check reports it too. */
  readonly invalid?: string;
}

interface AstNode {
  readonly type: string;
  readonly kind?: string;
  readonly max?: number;
  readonly min?: number;
  readonly [key: string]: unknown;
}

/** Finds provider-sensitive features by walking the parsed pattern (refa's regexpp AST), never by text search. */
export function analyzeRegex(pattern: string, largeRepeat: number): RegexReport {
  let ast: { pattern: unknown };
  try {
    ast = refaJs().Parser.fromLiteral({ source: pattern, flags: "u" }).ast;
  } catch (error) {
    return { features: new Set(), maxRepeat: 0, invalid: (error as Error).message };
  }
  const features = new Set<RegexFeature>();
  let maxRepeat = 0;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== "object" || value === null || !("type" in value)) return;
    const node = value as AstNode;
    if (node.type === "Assertion" && (node.kind === "lookahead" || node.kind === "lookbehind")) features.add("lookaround");
    if (node.type === "Assertion" && node.kind === "word") features.add("word-boundary");
    if (node.type === "Backreference") features.add("backreference");
    if (node.type === "Quantifier") {
      const bound = Number.isFinite(node.max) ? (node.max as number) : (node.min ?? 0);
      maxRepeat = Math.max(maxRepeat, bound);
      if (bound > largeRepeat) features.add("large-repetition");
    }
    for (const key of ["alternatives", "elements", "element"]) if (key in node) walk(node[key]);
  };
  walk(ast.pattern);
  return { features, maxRepeat };
}

export interface RedosReport {
  readonly safe: boolean;
  /** Why it is unsafe: infinite or the worst-case backtrack score, or an analyzer limit that was hit. */
  readonly detail: string;
}

/**
 * ReDoS analysis by `redos-detector` (it enumerates the ways one input can match a pattern; a score above the
 * limit means catastrophic backtracking). Bounded in time so lint stays fast on hostile input.
 * @see https://github.com/tjenkinson/redos-detector
 */
export function checkRedos(pattern: string, maxScore: number, timeoutMs: number): RedosReport {
  try {
    const r = isSafePattern(pattern, { unicode: true, maxScore, timeout: timeoutMs });
    if (r.safe) return { safe: true, detail: "" };
    const score = r.score.infinite ? "unbounded backtracking" : `up to ${r.score.value} backtracks per input position`;
    if (r.error === "hitMaxScore") return { safe: false, detail: score };
    return { safe: false, detail: r.error === "timedOut" ? "analysis timed out (treat as unsafe)" : "analysis hit its step limit (treat as unsafe)" };
  } catch (error) {
    return { safe: true, detail: `not analyzed: ${(error as Error).message}` };
  }
}
