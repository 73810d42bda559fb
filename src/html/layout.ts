/**
 * The page shell every catalogue page and the HTML drift report share: doctype, a strict Content Security Policy
 * (nothing may load; the inline stylesheet and a page's own script constant from scripts.ts are allowed by their
 * hashes, no other script runs), the stylesheet, a header.
 * @see https://www.w3.org/TR/CSP3/#grammardef-hash-source
 */
import { createHash } from "node:crypto";
import { html, trustedMarkup, type Html } from "./escape.js";
import type { InlineScript } from "./scripts.js";
import { STYLESHEET } from "./style.js";

const hash = (text: string): string => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * No source is allowed but the stylesheet and the page's own script constant (if any), each by its hash: no other
 * script, no image, font, frame, connection or form target.
 */
export function contentSecurityPolicy(script?: InlineScript): string {
  return `default-src 'none'; style-src ${hash(STYLESHEET)}; ${script !== undefined ? `script-src ${hash(script.source)}; ` : ""}img-src 'none'; base-uri 'none'; form-action 'none'`;
}

export interface PageInput {
  readonly title: string;
  /** Relative link to the catalogue's index (e.g. `../index.html`); omitted for a standalone report. */
  readonly home?: string;
  readonly body: Html;
  /** A script constant from scripts.ts, run after the body; the page must read fully without it. */
  readonly script?: InlineScript;
}

/** A whole document. LF line endings and a trailing newline, no timestamps: the same input gives the same bytes. */
export function page(input: PageInput): string {
  const header = input.home !== undefined ? html`<header class="top"><a href="${input.home}">Contract catalogue</a></header>` : html``;
  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(input.script)}">
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
${input.script !== undefined ? html`<script>${trustedMarkup(input.script.source)}</script>` : html``}
</body>
</html>
`;
  return doc.text;
}
