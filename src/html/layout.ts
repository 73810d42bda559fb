/**
 * The page shell every catalogue page and the HTML drift report share: doctype, a strict Content Security Policy
 * (nothing may load, no script may run; the inline stylesheet is allowed by its hash), the stylesheet, a header.
 * @see https://www.w3.org/TR/CSP3/#grammardef-hash-source
 */
import { createHash } from "node:crypto";
import { html, trustedMarkup, type Html } from "./escape.js";
import { STYLESHEET } from "./style.js";

const STYLE_HASH = `sha256-${createHash("sha256").update(STYLESHEET, "utf8").digest("base64")}`;

/** No source is allowed but the stylesheet: no scripts, images, fonts, frames, connections or form targets. */
export const CSP = `default-src 'none'; style-src '${STYLE_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

export interface PageInput {
  readonly title: string;
  /** Relative link to the catalogue's index (e.g. `../index.html`); omitted for a standalone report. */
  readonly home?: string;
  readonly body: Html;
}

/** A whole document. LF line endings and a trailing newline, no timestamps: the same input gives the same bytes. */
export function page(input: PageInput): string {
  const header = input.home !== undefined ? html`<header class="top"><a href="${input.home}">Contract catalogue</a></header>` : html``;
  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="llm-contracts">
<meta name="referrer" content="no-referrer">
<title>${input.title}</title>
<style>${trustedMarkup(STYLESHEET)}</style>
</head>
<body>
${header}
<main>
${input.body}
</main>
</body>
</html>
`;
  return doc.text;
}
