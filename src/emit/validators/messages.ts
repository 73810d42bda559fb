/**
 * ajv's English `message` is dropped from the error objects of the generated all-errors validator.
 *
 * Why: the runtime renders its own message from the keyword and params (the keyword rules in
 * src/runtime/errors.ts) and never reads ajv's, yet every error site built it (often by string concatenation, on
 * the invalid path) and shipped its text in every bundle. In-memory validators keep their messages: only
 * generated code is rewritten.
 *
 * Every error object ajv writes ends with `message:<expression>}`; on the masked code (literals blanked, so schema
 * text cannot fake a brace) the expression runs to the first `}` outside brackets.
 */
import { maskLiterals } from "./lexer.js";

const MESSAGE = /,message:/g;

/** `code` (one ajv standalone module) with every error object's `message` member removed. */
export function dropMessages(code: string): string {
  const masked = maskLiterals(code);
  let out = "";
  let last = 0;
  for (const match of masked.matchAll(MESSAGE)) {
    if (match.index < last) continue;
    let depth = 0;
    let end = match.index + match[0].length;
    for (; end < masked.length; end++) {
      const c = masked[end]!;
      if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]") depth--;
      else if (c === "}") {
        if (depth === 0) break;
        depth--;
      }
    }
    if (end >= masked.length) throw new Error("unexpected ajv error object: no end after its message");
    out += code.slice(last, match.index);
    last = end;
  }
  return out + code.slice(last);
}
