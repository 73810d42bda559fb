/**
 * A corpus of annotation edits of a schema pair, for the tests of the drift result cached under a pair's
 * annotation-renamed texts (annotation-key.test.ts, annotation-key-corpus.test.ts).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { DiffResult } from "../../src/drift/types.js";
import { annotationTokens } from "../../src/ir/annotation-tokens.js";
import { cloneExact } from "../../src/ir/exact.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../../src/ir/json.js";
import { keywordKind } from "../../src/ir/keywords.js";

const TEXT = new Set(["title", "description", "$comment"]);

/** A copy with each string annotation at a schema position passed through `f` (document order, both sides' count). */
function renamed(schema: JsonValue, f: (text: string, index: number) => string | undefined): JsonValue {
  const copy = cloneExact(schema);
  let index = 0;
  const visit = (node: JsonValue): void => {
    if (!isJsonObject(node)) return;
    for (const key of Object.keys(node)) {
      const value = node[key]!;
      if (TEXT.has(key) && typeof value === "string") {
        const next = f(value, index++);
        if (next === undefined) delete node[key];
        else node[key] = next;
        continue;
      }
      const kind = keywordKind(key);
      if (kind === "schema") visit(value);
      else if ((kind === "schema-array" || kind === "schema-or-array") && Array.isArray(value)) value.forEach(visit);
      else if (kind === "schema-or-array") visit(value);
      else if ((kind === "schema-map" || kind === "dependencies") && isJsonObject(value)) for (const v of Object.values(value)) if (!Array.isArray(v) || kind === "schema-map") visit(v);
    }
  };
  visit(copy);
  return copy;
}

export interface Edit {
  readonly name: string;
  /** Keeps which annotations are equal (a one-to-one renaming of their text): the cached result must be reused. */
  readonly renaming: boolean;
  readonly apply: (old: JsonValue, neu: JsonValue) => [JsonValue, JsonValue];
}

const both = (f: (text: string, index: number) => string | undefined) => (o: JsonValue, n: JsonValue): [JsonValue, JsonValue] => [renamed(o, f), renamed(n, f)];

function swapFirstTwo(o: JsonValue, n: JsonValue): [JsonValue, JsonValue] {
  const distinct = [...new Set(annotationTokens([o, n]).annotations)];
  if (distinct.length < 2) return [o, n];
  const [a, b] = distinct as [string, string];
  const f = (t: string): string => (t === a ? b : t === b ? a : t);
  return [renamed(o, f), renamed(n, f)];
}

export const EDITS: readonly Edit[] = [
  { name: "every annotation reworded", renaming: true, apply: both((t) => `${t} (edited)`) },
  { name: "hostile text", renaming: true, apply: both((t) => `*/ @0 "${t}" \u2028 \\ ${t} */`) },
  { name: "two texts swapped", renaming: true, apply: swapFirstTwo },
  { name: "the new side's first annotation reworded", renaming: false, apply: (o, n) => [o, renamed(n, (t, i) => (i === 0 ? "A fresh text." : t))] },
  { name: "every annotation made alike", renaming: false, apply: both(() => "same") },
  { name: "the new side's first annotation removed", renaming: false, apply: (o, n) => [o, renamed(n, (t, i) => (i === 0 ? undefined : t))] },
  { name: "a description added at the new root", renaming: false, apply: (o, n) => [o, isJsonObject(n) ? { ...(n as JsonObject), description: "Added." } : n] },
];

/** Whether the two pairs have the same renamed texts (a renaming that keeps which annotations are equal). */
export function sameTokens(a: readonly JsonValue[], b: readonly JsonValue[]): boolean {
  return annotationTokens(a).texts.join("\n") === annotationTokens(b).texts.join("\n");
}

/** Whether a result holds one of the pair's annotation strings (then it is not stored under the renamed texts). */
export function quotes(result: DiffResult, pair: readonly JsonValue[]): boolean {
  const text = JSON.stringify(result);
  return annotationTokens(pair).annotations.some((a) => a !== "" && text.includes(JSON.stringify(a).slice(1, -1)));
}

/** Entries in a store's `diff` folder (a computed pair adds one; a pair taken from the cache adds none). */
export function storedDiffs(dir: string): number {
  return existsSync(path.join(dir, "diff")) ? readdirSync(path.join(dir, "diff")).length : 0;
}
