/**
 * The all-errors validator stops once it holds more than `maxErrors` errors.
 *
 * Why: ajv with `allErrors` records one error per bad item, so `{"xs":[1,1,…]}` against `string[]` builds a
 * million error objects (5.9 s, 397 MB) and 50 MB of text exhausts the heap. After every place ajv counts an
 * error (`errors++`, and `errors = vErrors.length` after a nested validator's errors are appended), the rewritten
 * code returns `false` as soon as the count passes the limit the runtime set on the exported function
 * (`RawValidator.errorLimit`, src/runtime/limits.ts). With no limit set (`undefined`), `errors > undefined` is
 * false and the validator behaves exactly as ajv wrote it.
 *
 * Not after a placeholder: inside a `not` or `if` test ajv counts each failure as an empty `{}` and removes them
 * when the test ends. A stop there would list those `{}` as errors of the value ("undefined fails the undefined
 * rule"). They need no limit: such a test runs without all-errors, so it holds at most one per anyOf/oneOf branch
 * of its subschema, a count bounded by the schema, not by the value.
 *
 * Returning early inside an `anyOf`/`oneOf` branch could reject a value another branch accepts, so the runtime
 * sets the limit only after the first-failure validator has proved the value invalid: stopping early then changes
 * how many errors are listed, never the verdict.
 */
import { maskLiterals } from "../lexer.js";

/** The property of the exported validator function that holds the limit for the call under way. */
export const MAX_ERRORS_PROPERTY = "errorLimit";

const COUNTED = /errors\+\+;|errors = vErrors\.length;/g;
const FUNCTION = /function (validate\d+)\(/g;
/** The end of a placeholder's push, right before its `errors++`. */
const PLACEHOLDER = /const (err\d+) = \{\};\s*if\s*\(vErrors === null\)\s*\{\s*vErrors = \[\1\];\s*\}\s*else\s*\{\s*vErrors\.push\(\1\);\s*\}\s*$/;

/** `code` (one ajv standalone all-errors module) with a limit check after every counted error. */
export function capErrors(code: string): string {
  const header = /export const validate = (validate\d+);/.exec(code);
  if (header === null) throw new Error("unexpected ajv standalone module header");
  const top = header[1]!;
  const masked = maskLiterals(code);
  const functions = [...masked.matchAll(FUNCTION)].map((m) => ({ name: m[1]!, at: m.index }));
  let out = "";
  let last = 0;
  let current = -1;
  for (const match of masked.matchAll(COUNTED)) {
    while (current + 1 < functions.length && functions[current + 1]!.at < match.index) current++;
    const owner = functions[current];
    if (owner === undefined) throw new Error("ajv counted an error outside a validate function");
    const end = match.index + match[0].length;
    if (PLACEHOLDER.test(masked.slice(Math.max(0, match.index - 160), match.index))) continue;
    out += `${code.slice(last, end)}if(errors > ${top}.${MAX_ERRORS_PROPERTY}){${owner.name}.errors = vErrors;return false;}`;
    last = end;
  }
  return out + code.slice(last);
}
