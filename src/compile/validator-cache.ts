/**
 * A version's validator by the blind form of its schema (src/ir/annotations.ts): an annotation-only edit reuses the
 * validator compiled for the text before it, and neither ajv nor the pattern checkers are loaded.
 *
 * Why the result cannot change: the compile (meta-schema check, strictness findings, ajv's code) does not read the
 * text of `title`, `description` or `$comment` (annotations.ts says why; test/compile/validator-cache.test.ts
 * compiles schemas and their blind forms and compares, and skeleton-corpus.test.ts does so on the SchemaStore
 * corpus), with one exception: the fast path inlines a `$ref` target whose JSON text is at most `INLINE_LIMIT`
 * characters (src/emit/fast/refs.ts; the limit alone is in inline-limit.ts, so that this key loads no emitter), a
 * length annotation text is part of. So the key also holds, for every node of the schema, which side of that limit
 * its JSON text lies on (`sizeBits`): an edit that moves a node across it is a miss. As a second guard, a result is stored only when none of the blanked texts occurs in it: a compile that
 * ever copied an annotation into its output is never reused. Only successful compiles are stored; a refusal is
 * found anew and names this run's file. The key holds the file's display path, the draft and the strictness policy
 * (and, through the store, the tool).
 *
 * The cache is hostile input: an entry of another shape is a miss.
 */
import type { Diagnostic } from "../errors.js";
import { annotationBlind } from "../ir/annotations.js";
import { canonicalJson, type Draft, type JsonObject, type JsonValue } from "../ir/json.js";
import type { CompileCache } from "../cache/version.js";
import { storedCode, VALIDATOR_NAMESPACE, type CacheEntryOut, type StoredValidator } from "./validator-ref.js";
import type { StrictPolicy } from "../strictness/index.js";
import { stringLiteral } from "../emit/codegen/escape.js";
import { INLINE_LIMIT } from "../emit/fast/inline-limit.js";
import { TextMemo } from "../memo/text-memo.js";

export { VALIDATOR_NAMESPACE, type CacheEntryOut } from "./validator-ref.js";

type Compiled =
  | { readonly ok: true; readonly code: string; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly problems: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

/**
 * The validator of `schema`: from `cache` (this thread's; a worker passes none) when its blind form was compiled
 * before, else from `compile` (which loads ajv on first use). A compile worth storing is pushed to `out`.
 */
export async function blindValidator(
  cache: CompileCache | undefined,
  out: CacheEntryOut[],
  input: { readonly schema: JsonObject; readonly draft: Draft; readonly display: string; readonly policy: StrictPolicy | undefined },
  compile: () => Promise<Compiled>,
): Promise<Compiled> {
  const blind = annotationBlind(input.schema);
  // Everything the compile reads but the file's display path (which only diagnostics name): the run memo's key.
  const shape = `${canonicalJson((input.policy ?? null) as unknown as JsonValue)}\n${sizeBits(input.schema)}\n${blind.text}`;
  const hash = `${input.draft}\n${input.display}\n${shape}`;
  if (cache !== undefined) {
    const entry = cache.store.get<StoredValidator>(cache.store.key(VALIDATOR_NAMESPACE, hash));
    const code = entry === undefined ? undefined : storedCode(cache, entry);
    if (code !== undefined && Array.isArray(entry!.warnings) && entry!.warnings.every(isDiagnostic)) return { ok: true, code, warnings: entry!.warnings };
  }
  // A memo hit passes this schema's guard too: it is then exactly what the cache would hold for this file.
  const seen = runMemo.get(`${input.draft}\n${shape}`);
  const reused = seen !== undefined && !mentions(JSON.stringify([seen, []]), seen, blind.blanked) ? seen : undefined;
  const result = reused !== undefined ? ({ ok: true, code: reused, warnings: [] } as const) : await compile();
  if (result.ok && (reused !== undefined || !mentions(JSON.stringify([result.code, result.warnings]), result.code, blind.blanked))) {
    out.push([VALIDATOR_NAMESPACE, hash, { code: result.code, warnings: result.warnings }]);
    if (reused === undefined && result.warnings.length === 0) runMemo.set(`${input.draft}\n${shape}`, result.code);
  }
  return result;
}

// ─── Identical schemas in one run ──────────────────────────────────────────────────────────────────────────────
//
// Why: contracts of one project often share a shape (the same object with other names and descriptions; a second
// version that only edits text), and each thread compiled every one of them anew. The memo keys a compile by all
// of `hash` but the display path: the draft, the policy, `sizeBits` and the blind text. The display path reaches a
// compile's result only through the diagnostics it names, so only compiles with no diagnostic at all (ok, no
// warning) are kept; one with a warning or a refusal is compiled again for each file, and names that file. What is
// kept passed the same guard as the cache entries above (no blanked text in it), so the reasons the cache cannot
// change a result hold here unchanged. Bounded: past `MEMO_CHARS` characters of code the oldest are dropped.

/** Characters of validator code the memo keeps per thread (a validator is 5–40 KB; 8 M chars ≈ 16 MB). */
export const MEMO_CHARS = 8_000_000;

/** This thread's memo of validators compiled without a diagnostic, by everything but the file's name. */
export const runMemo = new TextMemo(MEMO_CHARS);

/**
 * For every node of `schema` (post-order), "1" when `JSON.stringify(node).length <= INLINE_LIMIT`, else "0". The
 * lengths are summed bottom-up (linear in the schema's size), each as `JSON.stringify` counts it.
 */
export function sizeBits(schema: JsonValue): string {
  const bits: string[] = [];
  const length = (node: JsonValue): number => {
    let n: number;
    if (Array.isArray(node)) n = 2 + Math.max(0, node.length - 1) + node.reduce((sum: number, v) => sum + length(v), 0);
    else if (node !== null && typeof node === "object") {
      const entries = Object.entries(node);
      n = 2 + Math.max(0, entries.length - 1) + entries.reduce((sum, [k, v]) => sum + JSON.stringify(k).length + 1 + length(v as JsonValue), 0);
    } else n = JSON.stringify(node).length;
    bits.push(n <= INLINE_LIMIT ? "1" : "0");
    return n;
  };
  length(schema);
  return bits.join("");
}

/** Whether any blanked text occurs in the result, raw or as a string literal's body. */
function mentions(json: string, code: string, texts: readonly string[]): boolean {
  return texts.some((t) => {
    const literal = stringLiteral(t).slice(1, -1);
    return json.includes(t) || code.includes(t) || json.includes(literal) || code.includes(literal);
  });
}

/** Whether a value read from the cache (hostile input) has a diagnostic's shape. */
export function isDiagnostic(value: unknown): value is Diagnostic {
  return typeof value === "object" && value !== null && typeof (value as { code?: unknown }).code === "string" && typeof (value as { message?: unknown }).message === "string";
}
