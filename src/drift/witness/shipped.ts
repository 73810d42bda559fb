/**
 * The validator code a run has already built, offered to witness confirmation (confirm.ts), and the key both share.
 * Apart from confirm.ts because the drift step offers it on every check: importing this loads no ajv.
 */
import { canonicalJson, type Draft, type JsonObject } from "../../ir/json.js";

/**
 * The cache key of a schema: its canonical text (two loads of one file share a validator). A diff computes it once
 * per side and passes it to both calls below (the text of a large schema costs milliseconds each time); it is not
 * kept across diffs, since a caller may edit a schema object between them.
 */
export function validatorKey(schema: JsonObject, draft: Draft): string {
  return `${draft}|${canonicalJson(schema)}`;
}

/**
 * Validator modules this run has already built, by the key of confirm.ts's own cache (`offerShipped`).
 *
 * Why: in `check`, every version's validator was just compiled for `generated/`, and building a decider again per
 * schema (ajv's compile, then the lexer passes) was a fifth of a cold check at a thousand contracts. The shipped
 * module's `validate` answers true or false as the decider does (both are ajv's code for the same schema under the
 * same pinned options; the decider stops at the first failure), so loading it changes no witness.
 */
export const shipped = new Map<string, string>();

/**
 * Offers the validator code of compiled versions (`validatorCode`, what `v<N>.validate.ts` holds), replacing any
 * earlier offer. Not with custom formats: the shipped code checks them, the decider (no formats) does not.
 */
export function offerShipped(versions: readonly { readonly schema: JsonObject; readonly draft: Draft; readonly validatorCode: string }[], customFormats: boolean): void {
  shipped.clear();
  if (customFormats) return;
  for (const v of versions) shipped.set(validatorKey(v.schema, v.draft), v.validatorCode);
}
