/**
 * The fingerprint of a published version: sha256 of its canonical bundled schema (keys sorted, `$ref`s into shared
 * files already resolved, so an edit of a shared definition a published version uses counts as a change), and a
 * short hash per object member two levels deep, so a later change can be named by pointer (`/properties/status`) without
 * keeping the old schema or asking git.
 */
import { createHash } from "node:crypto";
import { canonicalJson, isJsonObject, pointerAppend, type JsonValue } from "../ir/json.js";

export interface Fingerprint {
  /** Hex sha256 of the canonical JSON of the whole bundled schema. */
  readonly sha256: string;
  /** JSON pointer → first 16 hex digits of the sha256 of that node, for nodes at depth 1 and 2. */
  readonly parts: Readonly<Record<string, string>>;
}

/** Parts kept per version at most (a schema with thousands of properties keeps the first ones, in pointer order). */
export const MAX_PARTS = 400;
const DEPTH = 2;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function fingerprint(schema: JsonValue): Fingerprint {
  const parts: [string, string][] = [];
  const walk = (node: JsonValue, pointer: string, depth: number): void => {
    if (depth > 0) parts.push([pointer, sha256(canonicalJson(node)).slice(0, 16)]);
    if (depth === DEPTH) return;
    // Arrays are one part: an inserted item would otherwise change the pointer of every later one.
    if (isJsonObject(node)) for (const key of Object.keys(node).sort()) walk(node[key] as JsonValue, pointerAppend(pointer, key), depth + 1);
  };
  walk(schema, "", 0);
  parts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { sha256: sha256(canonicalJson(schema)), parts: Object.fromEntries(parts.slice(0, MAX_PARTS)) };
}

/**
 * Where `now` differs from `locked`: the deepest recorded pointers whose hash changed, was added or was removed
 * (a changed `/properties/status` is named instead of its parent `/properties`). Empty when only nodes deeper
 * than the recorded ones changed in a way the parts cannot place: the caller then names the root.
 */
export function changedPointers(locked: Fingerprint, now: Fingerprint): string[] {
  const keys = new Set([...Object.keys(locked.parts), ...Object.keys(now.parts)]);
  const differing = [...keys].filter((k) => locked.parts[k] !== now.parts[k]).sort();
  return differing.filter((p) => !differing.some((q) => q !== p && q.startsWith(`${p}/`)));
}
