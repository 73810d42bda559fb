/**
 * What an unknown keyword is: an annotation (no finding), a near miss of a keyword the draft knows (refused,
 * with "did you mean"), or an unknown keyword (kept, not checked).
 */
import { closest } from "../suggest/did-you-mean.js";
import { DRAFT_KEYWORDS, isAnnotation } from "./annotations.js";
import type { FindingId } from "./findings.js";

export interface KeywordVerdict {
  readonly id: FindingId;
  readonly message: string;
}

/** `known`: every keyword the schema's draft defines (ajv's list for that draft). */
export function classifyUnknownKeyword(keyword: string, known: readonly string[]): KeywordVerdict | undefined {
  if (isAnnotation(keyword)) return undefined;
  if (!DRAFT_KEYWORDS.has(keyword)) {
    const match = closest(keyword, known);
    if (match !== undefined) {
      return {
        id: "keyword-typo",
        message: `unknown keyword "${keyword}"; did you mean "${match}"? (a misspelt keyword checks nothing)`,
      };
    }
  }
  const other = DRAFT_KEYWORDS.has(keyword) ? " (a keyword of another JSON Schema draft)" : "";
  return {
    id: "unknown-keyword",
    message:
      `unknown keyword "${keyword}"${other} is not checked; rename it "x-${keyword}" to mark it as an annotation, ` +
      `or remove it`,
  };
}
