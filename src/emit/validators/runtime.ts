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
 * For `uniqueItems` by deep equality (`llmcEqual`): one more than the index `i` at which the scan of every pair from
 * the end (`for (i = n; i--;) for (j = i; j--;)`, ajv's `loopN2`) meets its first equal pair, or 0 when no two items
 * are equal. That scan is quadratic: 40,000 small objects took 26 s. Here each item gets a text key, equal exactly
 * when the items are (`llmcItemKey`), and the last index with an equal item before it is where the scan stops; the
 * scan starts there instead and finds the same pair (`j`, the nearest equal item below `i`), so the error is ajv's.
 */
export function llmcSeekDuplicate(items: readonly unknown[]): number {
  const seen = new Set<string>();
  const ids = new Map<unknown, number>();
  let at = 0;
  for (let i = 0; i < items.length; i++) {
    const key = llmcItemKey(items[i], ids);
    if (seen.has(key)) at = i + 1;
    else seen.add(key);
  }
  return at;
}

/**
 * A text equal for two values exactly when `llmcEqual` holds: each kind has its own prefix or bracket, strings are
 * JSON-quoted, object members are sorted by name. A value that is not JSON (undefined, a bigint, a symbol, a
 * function) equals only itself, so it gets a number per distinct value (`ids`).
 */
export function llmcItemKey(value: unknown, ids: Map<unknown, number>): string {
  if (value === null) return "z";
  if (typeof value === "string") return JSON.stringify(value);
  // -0 reads "0" (equal to 0) and NaN "NaN" (equal to NaN), as llmcEqual has them.
  if (typeof value === "number") return "n" + value;
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value !== "object") {
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = ids.size));
    return "o" + id;
  }
  let key: string;
  if (Array.isArray(value)) {
    key = "[";
    for (let i = 0; i < value.length; i++) key += (i > 0 ? "," : "") + llmcItemKey(value[i], ids);
    return key + "]";
  }
  const names = Object.keys(value).sort();
  key = "{";
  for (let i = 0; i < names.length; i++) key += (i > 0 ? "," : "") + JSON.stringify(names[i]) + ":" + llmcItemKey((value as Record<string, unknown>)[names[i]!], ids);
  return key + "}";
}

/**
 * Whether `value` equals (`llmcEqual`) one of `members`: the object and array members of an `enum` too long to
 * compare one by one inline (src/emit/fast/members.ts), in a module-level list.
 */
export function llmcEqualAny(value: unknown, members: readonly unknown[]): boolean {
  for (let i = 0; i < members.length; i++) if (llmcEqual(value, members[i])) return true;
  return false;
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
    // A hole (a sparse array, not JSON) is not proven: the runtime's walk then classifies the value.
    for (let i = 0; i < value.length; i++) if ((value[i] === undefined && !(i in value)) || !llmcWithinDepth(value[i], levels - 1)) return false;
    return true;
  }
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && !llmcWithinDepth((value as Record<string, unknown>)[key], levels - 1)) return false;
  }
  return true;
}
