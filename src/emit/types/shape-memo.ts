/**
 * Printed types by shape: the skeleton (skeleton.ts) with every declared type name replaced by a placeholder, so
 * that contracts of one shape under other names (`OrderV1`, `InvoiceV1`) are printed once per thread and run.
 *
 * Why the output is the one a direct print gives:
 * - Names reach the printer only as the `title` of a def and the `tsType` of a reference to it (dialect.ts
 *   `named`, `refNode`); the renaming is one-to-one, so whatever jsts decides by comparing names or nodes it
 *   decides alike, and the layout (TypeScript's printer) does not depend on a name's length.
 * - A placeholder is `LlmcShape<i>Z`, an identifier jsts keeps as it is (`toSafeString` leaves it unchanged); a
 *   skeleton whose text holds `LlmcShape` anywhere (a name, a key, a literal) is printed directly, so after
 *   printing every occurrence is one we put there, and is put back by position (`named`).
 * - Anything unexpected (a placeholder jsts renamed, a print that throws) falls back to the direct print, which
 *   gives today's result or error.
 * test/emit/types/shape-memo.test.ts compares both ways on every types table case under two root names.
 */
import { copyTree } from "./dialect.js";
import type { NormalizedTypes } from "./normalize.js";
import { TextMemo } from "../../memo/text-memo.js";

const PREFIX = "LlmcShape";
const PLACEHOLDER = /(?<![A-Za-z0-9_$])LlmcShape([0-9]{1,9})Z(?![A-Za-z0-9_$])/g;

/** Characters of printed types the memo keeps per thread (types are 1–20 KB; 4 M chars ≈ 8 MB). */
export const SHAPE_MEMO_CHARS = 4_000_000;

/** The skeleton with placeholders for its names, and the memo key of that; undefined when it cannot be renamed. */
export function anonymous(normalized: NormalizedTypes): { readonly key: string; readonly normalized: NormalizedTypes } | undefined {
  const names = new Map(normalized.names.map((name, i) => [name, `${PREFIX}${i}Z`] as const));
  const holder = copyTree(normalized.holder, (out, node) => {
    if (node.title !== undefined) out.title = names.get(node.title) ?? node.title;
    if (node.tsType !== undefined) out.tsType = names.get(node.tsType) ?? node.tsType;
  });
  const renamed: NormalizedTypes = { holder, names: [...names.values()], propertyKeys: normalized.propertyKeys };
  const key = JSON.stringify([holder, renamed.names.length, normalized.propertyKeys]);
  // The original text must hold no placeholder of its own (checked on the original: names are renamed in `key`).
  if (JSON.stringify([normalized.holder, normalized.names, normalized.propertyKeys]).includes(PREFIX)) return undefined;
  return { key, normalized: renamed };
}

/** The printed shape with each placeholder replaced by its name; undefined when one is unknown or left over. */
export function named(printed: string, names: readonly string[]): string | undefined {
  let bad = false;
  const out = printed.replace(PLACEHOLDER, (_m, n: string) => {
    const name = names[Number(n)];
    if (name === undefined) bad = true;
    return name ?? "";
  });
  return bad || printed.replace(PLACEHOLDER, "").includes(PREFIX) ? undefined : out;
}

/** This thread's printed shapes. */
export const shapeMemo = new TextMemo(SHAPE_MEMO_CHARS);
