/**
 * Makes ajv standalone code free of top-level side effects, so a bundler drops every validator a program does not
 * import (esbuild, Rollup and webpack all keep a module statement they cannot prove pure, and whatever it names).
 *
 * ajv leaves two kinds of impure top-level statements:
 * - `validateN.evaluated = {...};` after each function (draft 2019-09/2020-12: what the function evaluated, for
 *   `unevaluated*`). Callers read `<fn>.evaluated` only after calling `<fn>` (ajv's `callRef`/`$dynamicRef` merge
 *   it after the call) and the function reads its own at the start, so the function can set it on its first call
 *   instead: `const evaluatedK = validateN.evaluated || (validateN.evaluated = {...});`.
 * - `const patternN = new RegExp(...)`: a constructor call, which bundlers must assume impure. It gets a
 *   `/* @__PURE__ *\/` annotation (the patterns are known to compile: ajv compiled them while generating).
 * test/emit/validators/tree-shaking.test.ts bundles the generated modules with esbuild to prove the result.
 */
import { maskLiterals } from "./lexer.js";

/** `source` (raw ajv standalone output) without top-level side effects. Throws when a shape is not recognised. */
export function sideEffectFree(source: string): string {
  return annotateRegExps(lazyEvaluated(source));
}

function lazyEvaluated(source: string): string {
  let out = source;
  for (;;) {
    const masked = maskLiterals(out);
    const tail = /(?:^|[;}\n])(validate\d+)\.evaluated = /.exec(masked);
    if (tail === null) return out;
    const name = tail[1]!;
    const start = tail.index + tail[0].length - `${name}.evaluated = `.length;
    const valueStart = tail.index + tail[0].length;
    // The value is JSON written by ajv (`stringify(validate.evaluated)`): an object literal up to the `;`.
    const end = masked.indexOf(";", valueStart);
    if (end === -1) throw new Error(`unterminated ${name}.evaluated assignment in generated code`);
    const value = out.slice(valueStart, end);
    const read = `${name}.evaluated;`;
    const at = masked.indexOf(`= ${read}`);
    // Remove the tail assignment first (it comes after the function), so earlier offsets stay valid.
    out = out.slice(0, start) + out.slice(end + 1);
    if (at !== -1) {
      const readAt = at + 2;
      out = `${out.slice(0, readAt)}${name}.evaluated || (${name}.evaluated = ${value});${out.slice(readAt + read.length)}`;
    } else {
      // A function that never reads its own (boolean schemas): set it as its body starts.
      const bodyAt = bodyStart(masked, name);
      out = `${out.slice(0, bodyAt)}if (${name}.evaluated === undefined) ${name}.evaluated = ${value};${out.slice(bodyAt)}`;
    }
  }
}

/** Offset just after the `{` that opens `function <name>(...)`'s body (the parameters hold `{}` defaults). */
function bodyStart(masked: string, name: string): number {
  const head = masked.indexOf(`function ${name}(`);
  if (head === -1) throw new Error(`generated code assigns ${name}.evaluated but defines no ${name}`);
  let depth = 0;
  for (let i = head + `function ${name}`.length; i < masked.length; i++) {
    const c = masked[i];
    if (c === "(") depth++;
    else if (c === ")" && --depth === 0) {
      const brace = masked.indexOf("{", i);
      if (brace === -1) break;
      return brace + 1;
    }
  }
  throw new Error(`cannot find the body of ${name} in generated code`);
}

function annotateRegExps(source: string): string {
  const masked = maskLiterals(source);
  let out = "";
  let last = 0;
  for (const match of masked.matchAll(/\bconst (pattern\d+) = new RegExp\(/g)) {
    const at = match.index + match[0].length - "new RegExp(".length;
    out += `${source.slice(last, at)}/* @__PURE__ */ `;
    last = at;
  }
  return out + source.slice(last);
}
