/**
 * How a pattern becomes a check: one module-level matcher per distinct source, called by name.
 *
 * Why one function here: issue #23 decides per pattern, at build time, whether the engine's backtracking regex
 * is safe or a linear-time matcher must replace it. Every fast-path pattern (`pattern`, `patternProperties`,
 * regex formats from the config) is created through `patternMatcher`, so that decision has one place to go: it
 * only changes the declaration; call sites use `<name>.test(s)` either way.
 * @see https://json-schema.org/draft/2020-12/json-schema-validation#name-pattern
 */
import { stringLiteral } from "../codegen/escape.js";
import { Unsupported, type FastContext } from "./context.js";
import { linearMatcher } from "./linear-pattern.js";
import { withoutCaptures } from "./plain-groups.js";

/** The name of a module-level object with `test(string): boolean` for `source` with `flags`. */
export function patternMatcher(ctx: FastContext, source: string, flags = "u"): string {
  try {
    new RegExp(source, flags);
  } catch {
    throw new Unsupported("a pattern the engine cannot compile");
  }
  // A single-pass scan for the simple anchored patterns contracts mostly use (linear-pattern.ts)...
  const linear = linearMatcher(source, flags);
  if (linear !== undefined) return ctx.constant("P", `${flags}\u0000${source}`, linear);
  // ...else the same construction ajv emits (`code.regExp` default), once per module; pure, so it tree-shakes.
  // Capturing groups become non-capturing where that cannot change a match (plain-groups.ts): `test` is faster.
  const plain = withoutCaptures(source, flags);
  return ctx.constant("P", `${flags}\u0000${source}`, `/* @__PURE__ */ new RegExp(${stringLiteral(plain)}, ${stringLiteral(flags)})`);
}
