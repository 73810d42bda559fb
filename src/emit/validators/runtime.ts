/**
 * Our replacements for the two ajv runtime modules that standalone code would otherwise `require`.
 *
 * These functions are copied into generated validators as their own source text (`Function.prototype.toString`),
 * so each one may only use its parameters, JavaScript built-ins and other exported `llmc*` helpers, by name. The
 * `llmc` prefix cannot collide with ajv's generated names (a fixed prefix plus a counter, e.g. `validate10`).
 */

/**
 * String length in Unicode code points, as JSON Schema's minLength/maxLength count it: a surrogate pair is one
 * character, a lone surrogate is one character too (same count as ajv's runtime `ucs2length`).
 */
export function llmcUcs2length(str: string): number {
  let count = 0;
  for (let i = 0; i < str.length; i++) {
    const unit = str.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < str.length) {
      const next = str.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * Exact equality of JSON values for const, enum and uniqueItems: arrays element-wise, objects by own keys in any
 * order. It agrees with fast-deep-equal (ajv's runtime `equal`) on JSON data except where that one treats members
 * named `constructor`, `toString` or `valueOf` as inherited (it throws or compares them by identity); there we
 * compare them like any other member. Like fast-deep-equal, NaN equals NaN (only reachable from non-JSON callers).
 */
export function llmcEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!llmcEqual(a[i], b[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    // Own properties only: `{"toString": 1}` must not match an object that merely inherits `toString`.
    if (!Object.prototype.hasOwnProperty.call(right, key) || !llmcEqual(left[key], right[key])) return false;
  }
  return true;
}

/**
 * Whether `value` nests no deeper than `levels` levels of arrays and objects (`[]` is 1). The fast path's depth
 * proof where the schema bounds nothing (fast/depth.ts): plain recursion at most `levels` deep, own enumerable
 * properties and array elements only (as the runtime's walk, `_runtime/limits.ts`). A cyclic value is too deep.
 * An undefined `levels` (a caller that asks for no limit) accepts everything.
 */
export function llmcWithinDepth(value: unknown, levels: number | undefined): boolean {
  if (levels === undefined || typeof value !== "object" || value === null) return true;
  if (levels < 1) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!llmcWithinDepth(value[i], levels - 1)) return false;
    return true;
  }
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && !llmcWithinDepth((value as Record<string, unknown>)[key], levels - 1)) return false;
  }
  return true;
}
