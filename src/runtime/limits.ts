/*
 * llm-contracts runtime, limits: bounded depth, bounded errors, and no exception ever escaping a validator:
 * copied verbatim into `generated/_runtime/limits.ts` by every build.
 *
 * Why a copy and not a package import: generated modules must run in a browser bundle and in Node with zero
 * runtime dependencies. So this file imports only its sibling runtime modules, uses no Node or DOM API, never
 * evaluates code, has no top-level side effects (a bundle keeps only what it calls), and compiles under the
 * strictest settings users run (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes,
 * noPropertyAccessFromIndexSignature, verbatimModuleSyntax, isolatedModules).
 *
 * Why a depth walk before validating: ajv's validators recurse once per `$ref` level and its deep-equality
 * helper (`const`, `enum`, `uniqueItems`) once per nesting level, so a value nested 100,000 levels deep (model
 * output a prompt injection can steer) overflows the stack. The walk below is iterative, stops at the limit, and
 * also ends on cyclic values (a cycle is infinitely deep), which only JavaScript callers can pass.
 */

import type { ContractError, RawValidator } from "./types.js";

/** Default nesting limit: far below where the default Node stack (~10,800 frames of ajv code) runs out. */
export const DEFAULT_MAX_DEPTH = 1000;
/** Default number of errors `parse…` collects before it stops. */
export const DEFAULT_MAX_ERRORS = 100;

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** A pointer short enough for a message (the error's `instancePath` keeps it whole). */
function shortPath(pointer: string): string {
  return pointer.length > 60 ? `${pointer.slice(0, 30)}…${pointer.slice(-20)}` : pointer;
}

/** The `json.too_deep` error for a value that nests deeper than `limit` at `instancePath`. */
export function tooDeep(instancePath: string, limit: number): ContractError {
  return {
    code: "json.too_deep",
    instancePath,
    schemaPath: "",
    message: `${instancePath === "" ? "the document" : `the value at ${shortPath(instancePath)}`} nests deeper than ${limit} levels of arrays and objects (the maxDepth limit)`,
    limit,
  };
}

/**
 * The pointer (below `node`) of the first container more than `levels` further down, or undefined: array
 * elements and own enumerable properties in order. The common case (a shallow document) pays for no allocation:
 * plain recursion, at most `levels` deep, so it cannot outrun the stack by more than the limit allows; a
 * `RangeError` from a caller already deep in the stack is classified by the callers' `catch`.
 */
function deepPath(node: object, levels: number): string | undefined {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      // A hole (only JavaScript callers make one; JSON arrays have none): `[]` with `a[2 ** 32 - 2] = 1` would be
      // walked four billion times. Classified by the callers' catch as `value.unreadable`.
      if (!(i in node)) throw TypeError("sparse array");
      const below = deeper(node[i], levels);
      if (below !== undefined) return `/${i}${below}`;
    }
    return undefined;
  }
  for (const key in node) {
    if (!Object.prototype.hasOwnProperty.call(node, key)) continue;
    const below = deeper((node as { readonly [k: string]: unknown })[key], levels);
    if (below !== undefined) return `/${escapePointer(key)}${below}`;
  }
  return undefined;
}

/** `deepPath` one level down: "" when `child` is a container and no level is left. */
function deeper(child: unknown, levels: number): string | undefined {
  if (typeof child !== "object" || child === null) return undefined;
  return levels === 0 ? "" : deepPath(child, levels - 1);
}

/**
 * The first place where `value` nests deeper than `limit` levels (`[]` is 1 level, `[[]]` 2), as a `json.too_deep`
 * error, or undefined. Visits each array element and own enumerable property at most once. Never throws: a value
 * that cannot be walked gets its `thrownError`.
 */
export function depthError(value: unknown, limit: number): ContractError | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  try {
    const path = limit < 1 ? "" : deepPath(value, limit - 1);
    return path === undefined ? undefined : tooDeep(path, limit);
  } catch (error) {
    // A getter or proxy trap that throws, or the stack running out: classified, never thrown.
    return thrownError(error, limit);
  }
}

/**
 * Offset of the bracket where JSON text opens more than `limit` nested arrays and objects, or -1. One pass that
 * skips strings, so text too deep is refused before `JSON.parse` builds (and the collector then frees) a value
 * hundreds of thousands of levels deep. Text shorter than the limit cannot be too deep and is not scanned.
 */
export function textDepthOffset(text: string, limit: number): number {
  if (text.length <= limit) return -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/**
 * The error `thrownError` gives for a stack that ran out, as one self-contained function: generated validators
 * copy its text (src/emit/fast/cycles.ts) for a `$ref` cycle that makes no progress, which they stop by
 * construction where ajv's code runs out of stack. So its message is concatenated, not a template (generated code
 * admits no template substitution: emit/validators/lexer.ts). `thrownError` keeps its own copy (a bundle of
 * `parse…` is 4 B smaller than with a call of this one); test/runtime/limits.test.ts holds the two equal.
 */
export function stackTooDeep(limit: number): ContractError {
  return {
    code: "json.too_deep",
    instancePath: "",
    schemaPath: "",
    message: "the document nests too deeply for the stack left to this call (maxDepth is " + limit + "): lower maxDepth or call from a shallower stack",
    limit,
  };
}

/**
 * What an exception thrown while validating means: a `RangeError` is the stack running out (the value is too deep
 * for the stack left to this call, whatever the limit), anything else comes from reading the value itself (a
 * throwing getter or a revoked Proxy, only possible from JavaScript callers).
 */
export function thrownError(error: unknown, limit: number): ContractError {
  // What was thrown is the caller's too: a Proxy whose prototype trap throws, a `message` getter that throws or a
  // message whose toString throws would escape from here, so such an exception is named by its type alone.
  let reason: string = typeof error;
  try {
    if (error instanceof RangeError) {
      return { ...tooDeep("", limit), message: `the document nests too deeply for the stack left to this call (maxDepth is ${limit}): lower maxDepth or call from a shallower stack` };
    }
    if (error instanceof Error) reason = String(error.message);
  } catch {
    // typeof error, as for a thrown string
  }
  return { code: "value.unreadable", instancePath: "", schemaPath: "", message: `reading the value threw (${reason}): pass plain JSON data` };
}

/** Runs `validate` on `value`, turning any exception into a classified error: the result is never a throw. */
export function guarded(validate: RawValidator, value: unknown, limit: number): boolean | ContractError {
  try {
    return validate(value);
  } catch (error) {
    return thrownError(error, limit);
  }
}

/**
 * The type guard behind every `is…`: false for values nested deeper than `maxDepth` and for values the
 * first-failure validator cannot read, never a throw.
 */
export function isValid(validateFirst: RawValidator, value: unknown, options?: { readonly maxDepth?: number }): boolean {
  const limit = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  return depthError(value, limit) === undefined && guarded(validateFirst, value, limit) === true;
}

/**
 * A generated fast path (`validateFast` in `v<N>.validate.ts`): true or false when it can tell, undefined when it
 * cannot (a schema part it does not cover, recursion past its own bound, a value it cannot prove within
 * `maxDepth` levels). Its `true` carries the depth proof: the schema bounds how deeply accepted values nest
 * (src/emit/fast/depth.ts), and where it bounds nothing the fast path walks the value itself.
 */
export type FastValidator = (data: unknown, maxDepth: number) => boolean | undefined;

/** The fast path's answer, or undefined when it cannot tell or cannot read the value (a getter or proxy that throws). */
export function fastAnswer(validateFast: FastValidator, value: unknown, maxDepth: number): boolean | undefined {
  try {
    return validateFast(value, maxDepth);
  } catch {
    return undefined;
  }
}

/**
 * `is…` with the fast path first. Its `true` is proven within `maxDepth` and its `false` needs no depth walk,
 * so `is…` and `parse…` agree on values nested past `maxDepth`; when it cannot tell, the guarded ajv path decides.
 */
export function isValidFast(validateFast: FastValidator, validateFirst: RawValidator, value: unknown, options?: { readonly maxDepth?: number }): boolean {
  const fast = fastAnswer(validateFast, value, options?.maxDepth ?? DEFAULT_MAX_DEPTH);
  return fast === undefined ? isValid(validateFirst, value, options) : fast;
}
