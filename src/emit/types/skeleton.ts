/**
 * The printed types of a schema as a skeleton whose comment lines are tokens, filled in after printing.
 *
 * Why: printing needs json-schema-to-typescript and TypeScript's parser and printer (about a second to load), yet
 * an annotation-only edit (a `description` reworded) changes only comment text. The normalized schema with every
 * description line replaced by a token is the same before and after such an edit, so its printed form can be
 * cached under a hash of it (`skeletonHash`), and the edit costs a token substitution (`fillSkeleton`).
 *
 * Why the output is the one a direct print gives (test/emit/types/skeleton.test.ts prints both ways and compares,
 * on the goldens, the bundled schemas, the SchemaStore corpus and hostile texts):
 * - A description reaches the output only as comment lines (jsts `generateComment`: ` * ` + line), and jsts and
 *   the TypeScript printer lay a comment out by its line structure alone: the collapse of a one-line comment
 *   (print.ts), the re-indentation of each line (`writeCommentRange` counts the blanks before ` * `) and the trim
 *   of each line. So one token per non-empty line, and an empty line left empty, keep that structure; a line has no
 *   trailing blanks (dialect.ts `commentText`), so the trim never reaches its text.
 * - Equal lines get equal tokens and different lines different ones, so whatever jsts decides by comparing nodes
 *   (deduplication) decides the same with tokens as with the text.
 * - A token is `\u0001<n>\u0001`: U+0001 appears nowhere else in printed types (property keys and literals are
 *   JSON-escaped, names are identifiers), so filling finds exactly the tokens; a text with any other U+0001 or an
 *   unknown token number is not filled (`undefined`: the caller prints it directly).
 */
import { createHash } from "node:crypto";
import { commentLine } from "../codegen/escape.js";
import { copyTree } from "./dialect.js";
import type { NormalizedTypes } from "./normalize.js";

/** Bump when the printing pipeline changes in a way the library versions in the cache's tool id do not show. */
const SKELETON_FORMAT = "types-skeleton/1";

export interface Skeleton {
  /** The normalized types with tokens for comment lines: what is printed. */
  readonly normalized: NormalizedTypes;
  /** Comment line text by token number. */
  readonly lines: readonly string[];
}

export function skeletonOf(normalized: NormalizedTypes): Skeleton {
  const numbers = new Map<string, number>();
  const token = (line: string): string => {
    let n = numbers.get(line);
    if (n === undefined) numbers.set(line, (n = numbers.size));
    return `\u0001${n}\u0001`;
  };
  const holder = copyTree(normalized.holder, (out, node) => {
    if (node.description !== undefined) {
      out.description = node.description
        .split("\n")
        .map((line) => (line === "" ? "" : token(line)))
        .join("\n");
    }
  });
  return { normalized: { ...normalized, holder }, lines: [...numbers.keys()] };
}

/**
 * A digest of everything the printed skeleton depends on besides the printing libraries (whose versions the cache
 * store's tool id holds): the tokenized holder, the names in order and the property keys.
 */
export function skeletonHash(skeleton: Skeleton): string {
  const { holder, names, propertyKeys } = skeleton.normalized;
  return createHash("sha256")
    .update(JSON.stringify([SKELETON_FORMAT, holder, names, propertyKeys]), "utf8")
    .digest("hex");
}

/** The printed types: each token replaced by its line (through `commentLine`). undefined for a text that is not a skeleton of these lines. */
export function fillSkeleton(printed: string, lines: readonly string[]): string | undefined {
  let bad = false;
  const out = printed.replace(/\u0001([0-9]{1,9})\u0001/g, (_m, n: string) => {
    const line = lines[Number(n)];
    if (line === undefined) {
      bad = true;
      return "";
    }
    return commentLine(line);
  });
  if (bad || printed.replace(/\u0001[0-9]{1,9}\u0001/g, "").includes("\u0001")) return undefined;
  return out;
}
