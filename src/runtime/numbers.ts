/*
 * llm-contracts runtime, numbers as JSON text writes them: copied verbatim into `generated/_runtime/numbers.ts`
 * by every build.
 *
 * Why a copy and not a package import: generated modules must run in a browser bundle and in Node with zero
 * runtime dependencies. So this file imports only its sibling runtime modules, uses no Node or DOM API, never
 * evaluates code, has no top-level side effects (a bundle keeps only what it calls), and compiles under the
 * strictest settings users run (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes,
 * noPropertyAccessFromIndexSignature, verbatimModuleSyntax, isolatedModules).
 *
 * Why: `JSON.parse` rounds `9007199254740993` to `9007199254740992` and turns `1e400` into `Infinity` without a
 * word, so an id or an amount would change silently, and an overflowing number would be reported as "must be of
 * type number". RFC 8259 §6 names [-(2^53)+1, 2^53-1] as the range where integers are exchanged exactly.
 * @see https://www.rfc-editor.org/rfc/rfc8259#section-6
 */

/** A number token JSON.parse would change: where it starts and which way. */
export interface NumberProblem {
  readonly kind: "unsafe_integer" | "overflow";
  readonly offset: number;
  readonly token: string;
}

/**
 * Cheap test run on every text: an unsafe integer has at least 16 digits and an overflowing double needs an
 * exponent of 3 digits or 309 digits, so text without either (almost all text) is never scanned token by token.
 */
const SUSPECT = /[0-9]{16}|[eE][+-]?[0-9]{3}/;
const NUMBER_TOKEN = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * The first number in `text` (valid JSON, as `JSON.parse` just accepted it) that is an integer written without
 * fraction or exponent beyond 2^53-1 in magnitude, or that overflows a double. Linear: one pass, strings skipped.
 */
export function numberProblem(text: string): NumberProblem | undefined {
  if (!SUSPECT.test(text)) return undefined;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string: JSON.parse accepted the text, so every string is closed.
      i++;
      while (i < text.length) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER_TOKEN.lastIndex = i;
      const m = NUMBER_TOKEN.exec(text);
      const token = m === null ? text[i]! : m[0];
      const value = Number(token);
      if (!Number.isFinite(value)) return { kind: "overflow", offset: i, token };
      if (!/[.eE]/.test(token) && Math.abs(value) > Number.MAX_SAFE_INTEGER) return { kind: "unsafe_integer", offset: i, token };
      i += token.length;
      continue;
    }
    i++;
  }
  return undefined;
}

/** `token` shortened for a message. */
export function shortToken(token: string): string {
  return token.length > 40 ? `${token.slice(0, 20)}…${token.slice(-10)} (${token.length} characters)` : token;
}
