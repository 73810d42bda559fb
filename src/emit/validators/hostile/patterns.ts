/**
 * No schema can make a generated validator super-linear in its input. Each regex a validator runs (`pattern`,
 * `patternProperties` keys, regex formats from the config) is decided at build time:
 * - `regex`: `redos-detector` proves it free of catastrophic backtracking; it runs as a native RegExp, as ajv wrote it;
 * - `automaton`: not proven safe, so it runs as a minimal DFA (automaton.ts), emitted as a table of numbers;
 * - `refused`: neither (a backreference or lookaround that can backtrack): `build` and `check` report it with its
 *   pointer and a fix (diagnostic `schema.pattern-redos`), and no validator is written.
 * The module records the decision in a comment naming the matchers that run as automata.
 *
 * Why `maxSteps` and no timeout: the analysis must give the same answer on a loaded machine, so rebuilds stay
 * byte-identical; a pattern whose analysis hits the step limit is treated as unproven, not as safe.
 */
import { isSafePattern } from "redos-detector";
import type { Diagnostic } from "../../../errors.js";
import { type JsonObject, pointerAppend } from "../../../ir/json.js";
import { jsonLiteral } from "../../codegen/escape.js";
import { maskLiterals } from "../lexer.js";
import { subschemas } from "../walk.js";
import { automatonOf, llmcLinearPattern } from "./automaton.js";

/** Backtracks per input position above which a pattern is not proven safe (the lint rule's default). */
const MAX_SCORE = 200;
/** Analysis steps before giving up; deterministic, unlike a timeout. */
const MAX_STEPS = 500;

export type PatternDecision =
  | { readonly kind: "regex" }
  | { readonly kind: "automaton"; readonly table: readonly number[]; readonly why: string }
  | { readonly kind: "refused"; readonly why: string; readonly reason: string };

const decided = new Map<string, PatternDecision>();

/** The decision for one regex source (`u` flag); a pure function of the source, memoised. */
export function decidePattern(source: string): PatternDecision {
  const known = decided.get(source);
  if (known !== undefined) return known;
  const decision = decide(source);
  decided.set(source, decision);
  return decision;
}

function decide(source: string): PatternDecision {
  let why: string;
  try {
    const r = isSafePattern(source, { unicode: true, maxScore: MAX_SCORE, maxSteps: MAX_STEPS, timeout: Number.POSITIVE_INFINITY });
    if (r.safe) return { kind: "regex" };
    why = r.error === "hitMaxScore" ? (r.score.infinite ? "unbounded backtracking" : `more than ${MAX_SCORE} backtracks per input position`) : "the backtracking analysis did not finish";
  } catch (error) {
    // redos-detector refuses some valid patterns (e.g. backreferences): not proven safe.
    why = `not analysed (${error instanceof Error ? error.message : String(error)})`;
  }
  const automaton = automatonOf(source);
  if (automaton.ok) return { kind: "automaton", table: automaton.table, why };
  return { kind: "refused", why, reason: automaton.reason };
}

/** One regex a schema makes a validator run, and where it comes from. */
interface PatternSite {
  readonly source: string;
  readonly pointer: string;
  readonly what: string;
}

function sitesOf(schema: JsonObject, formats: Readonly<Record<string, string>>): PatternSite[] {
  const sites: PatternSite[] = [];
  for (const { node, pointer } of subschemas(schema)) {
    const pattern = node["pattern"];
    if (typeof pattern === "string") sites.push({ source: pattern, pointer: pointerAppend(pointer, "pattern"), what: "pattern" });
    const keyed = node["patternProperties"];
    if (typeof keyed === "object" && keyed !== null && !Array.isArray(keyed)) {
      for (const key of Object.keys(keyed)) sites.push({ source: key, pointer: pointerAppend(pointerAppend(pointer, "patternProperties"), key), what: "patternProperties key" });
    }
    const format = node["format"];
    if (typeof format === "string" && Object.hasOwn(formats, format)) {
      sites.push({ source: formats[format]!, pointer: pointerAppend(pointer, "format"), what: `format "${format}" (its regex in the config)` });
    }
  }
  return sites;
}

/** `schema.pattern-redos` for every regex the schema runs that is neither proven safe nor linear as an automaton. */
export function patternFindings(schema: JsonObject, file: string, formats: Readonly<Record<string, string>> = {}): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const site of sitesOf(schema, formats)) {
    let decision: PatternDecision;
    try {
      new RegExp(site.source, "u");
      decision = decidePattern(site.source);
    } catch {
      continue; // Not a valid regex: the meta-schema and ajv report it.
    }
    if (decision.kind !== "refused") continue;
    found.push({
      code: "schema.pattern-redos",
      file,
      pointer: site.pointer,
      message:
        `this ${site.what} can backtrack catastrophically (${decision.why}) and cannot run in linear time (${decision.reason}): ` +
        "rewrite it without the backreference or lookaround, and without nested or overlapping quantifiers such as `(a+)+` or `(a|a)*`",
    });
  }
  return found;
}

const REGEX_CALL = /new RegExp\(("(?:[^"\\\n]|\\.)*"), "u"\)|llmcPatternFormat\(("(?:[^"\\\n]|\\.)*")\)/g;

/**
 * `module` (a validator module with its helpers inlined) with every regex that is not proven safe replaced by a
 * linear-time automaton, the matcher's definition added once, and a comment recording which matchers changed.
 */
export function linearPatterns(module: string): string {
  const masked = maskLiterals(module);
  const replaced: string[] = [];
  let out = "";
  let last = 0;
  for (const match of module.matchAll(REGEX_CALL)) {
    // Only code, never text inside a string that happens to read `new RegExp(`.
    if (masked.slice(match.index, match.index + 10) !== match[0].slice(0, 10)) continue;
    const literal = match[1] ?? match[2]!;
    const source = JSON.parse(literal) as string;
    const decision = decidePattern(source);
    if (decision.kind !== "automaton") continue;
    // Numbers only, each written by the escaping module: schema text never reaches the code this way.
    const call = `${llmcLinearPattern.name}([${decision.table.map((n) => jsonLiteral(n)).join(",")}])`;
    out += module.slice(last, match.index) + (match[1] !== undefined ? call : `${call}.test`);
    last = match.index + match[0].length;
    const name = /const (\w+) = (?:\/\* @__PURE__ \*\/ )?$/.exec(module.slice(Math.max(0, match.index - 80), match.index))?.[1];
    replaced.push(name ?? "a format");
  }
  if (replaced.length === 0) return module;
  const body = out + module.slice(last);
  const note = `// linear-time automata (not proven free of catastrophic backtracking by redos-detector): ${[...new Set(replaced)].join(", ")}`;
  return body.replace(/^"use strict";\n/, `"use strict";\n${note}\n${llmcLinearPattern.toString()}\n`);
}
