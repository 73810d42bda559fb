/**
 * What each draft means by the keywords drift normalizes, as data. Keyed by the draft name as a string so that
 * draft-04 and draft-06 (read by the loader once it accepts them) are handled here without further changes:
 * - `tupleItems`: `items: [...]` is a tuple and `additionalItems` its tail (before 2020-12).
 * - `booleanExclusive`: `exclusiveMinimum`/`exclusiveMaximum` are booleans modifying `minimum`/`maximum` (draft-04).
 * - `id`: `id` names the resource (draft-04); later drafts use `$id` and `id` is an unknown keyword. Either way the
 *   bundled schema holds only local refs, so it has no effect on which values are valid.
 * - `absent`: keywords of later (or earlier) drafts that this draft's generated validator does not have. ajv
 *   compiles them as unknown keywords (strict: false) and ignores them, so drift reads them as annotations:
 *   `unevaluatedProperties: false` in a draft-07 file closes nothing (measured on the compiled validators,
 *   test/drift/dialect.test.ts).
 *
 * Not here: `$ref` siblings. The spec makes `$ref` override them before 2019-09, but ajv, and so every validator
 * we generate, applies them in every draft (src/ir/drafts.ts `refOverridesSiblings`). Drift judges the schema as
 * the generated validator enforces it, so a `$ref` beside other assertions is one more conjunct in every draft.
 * @see https://json-schema.org/specification-links
 */
import type { Draft } from "../ir/json.js";

export interface Dialect {
  readonly tupleItems: boolean;
  readonly booleanExclusive: boolean;
  readonly idKeyword: "id" | "$id";
  readonly absent: readonly string[];
}

/** 2019-09 vocabulary that draft-04/06/07 validators ignore. */
const LATER = ["unevaluatedProperties", "unevaluatedItems", "dependentRequired", "dependentSchemas", "prefixItems", "minContains", "maxContains"];

const DIALECTS: Readonly<Record<string, Dialect>> = {
  "draft-04": { tupleItems: true, booleanExclusive: true, idKeyword: "id", absent: LATER },
  "draft-06": { tupleItems: true, booleanExclusive: false, idKeyword: "$id", absent: LATER },
  "draft-07": { tupleItems: true, booleanExclusive: false, idKeyword: "$id", absent: LATER },
  "2019-09": { tupleItems: true, booleanExclusive: false, idKeyword: "$id", absent: ["prefixItems"] },
  "2020-12": { tupleItems: false, booleanExclusive: false, idKeyword: "$id", absent: ["additionalItems"] },
};

export function dialectOf(draft: Draft | string): Dialect {
  return DIALECTS[draft] ?? DIALECTS["2020-12"]!;
}

/** Drafts a `$schema`-less file may be read as (`--default-draft`, config `drift.defaultDraft`). */
export const DEFAULT_DRAFT_CHOICES: readonly string[] = ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"];
