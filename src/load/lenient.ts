/**
 * Sloppy but unambiguous input, read generously (issue 17, point 7): a `$schema` that names a draft in a spelling
 * the draft table does not list (`https://json-schema.org/draft-07/schema`, `http://json-schema.org/draft/2020-12/schema`,
 * no trailing `#`, a trailing slash, another letter case) is read as that draft, with a warning naming the file and
 * pointer, and the bundle carries the draft's own URI (so the validators' meta-schema lookup finds it). The
 * generic `http://json-schema.org/schema#` ("the current version") is read as the latest draft we compile.
 * Anything else stays refused (`schema.unknown-draft`).
 * @see https://json-schema.org/understanding-json-schema/reference/schema#schema
 */
import { DRAFTS, type Draft } from "../ir/drafts.js";

const NAMED = /^(?:https?:\/\/)?(?:www\.)?json-schema\.org\/(?:(draft-0[467])|draft\/(2019-09|2020-12))\/schema\/?#?$/i;
const CURRENT = /^(?:https?:\/\/)?(?:www\.)?json-schema\.org\/schema\/?#?$/i;
const LATEST: Draft = "2020-12";

/** The draft a variant spelling names, or undefined when it names none (or is not a variant at all). */
export function variantDraft(uri: string): Draft | undefined {
  const text = uri.trim();
  const m = NAMED.exec(text);
  if (m !== null) {
    const d = (m[1] ?? m[2]!).toLowerCase();
    return d in DRAFTS ? (d as Draft) : undefined;
  }
  return CURRENT.test(text) ? LATEST : undefined;
}

/** The URI the bundle carries for a draft read from a variant spelling. */
export function canonicalUri(draft: Draft): string {
  return DRAFTS[draft].uris[0]!;
}
