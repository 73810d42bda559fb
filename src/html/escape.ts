/**
 * The one place text becomes HTML. Every page of the catalogue and the HTML drift report is built with the `html`
 * tag: each interpolated value is escaped for both text and attribute positions unless it is already `Html` made
 * by this module. Schema text (titles, descriptions, enum values, property names, witnesses) is never concatenated
 * into markup any other way.
 *
 * Why one function for text and attributes: escaping `& < > " '` makes a string safe inside element content and
 * inside a quoted attribute value alike; every attribute in our templates is double-quoted.
 * @see https://html.spec.whatwg.org/multipage/parsing.html#escapingString
 */

const BRAND: unique symbol = Symbol("Html");

/** Markup produced by this module: safe to place in a page as is. */
export interface Html {
  readonly [BRAND]: true;
  readonly text: string;
}

const make = (text: string): Html => ({ [BRAND]: true, text });

export function isHtml(value: unknown): value is Html {
  return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for element content and double-quoted attribute values. Lone surrogates and control characters other
 * than tab and newline are shown as U+FFFD, so a hostile string cannot produce a parse error or a NUL in the page.
 */
export function escapeText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** Values the `html` tag accepts: markup, text, numbers, and lists of those (joined with nothing). */
export type Part = Html | string | number | boolean | undefined | null | readonly Part[];

function partText(part: Part): string {
  if (part === undefined || part === null || part === false) return "";
  if (isHtml(part)) return part.text;
  if (Array.isArray(part)) return (part as readonly Part[]).map(partText).join("");
  return escapeText(String(part));
}

/** Tagged template: the literal parts are markup written in this repository, every `${}` is escaped. */
export function html(strings: TemplateStringsArray, ...values: readonly Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += partText(values[i]!) + strings[i + 1]!;
  return make(out);
}

/** Joins parts with a separator that is itself text (escaped). */
export function join(parts: readonly Part[], separator = ""): Html {
  return make(parts.map(partText).join(escapeText(separator)));
}

/**
 * Trusted markup written in this repository (the stylesheet, the doctype). Never pass data to it: the name says
 * so at every call site, and a test checks that only the files of this folder call it.
 */
export function trustedMarkup(text: string): Html {
  return make(text);
}

/** A fragment id from any text: letters, digits, `-` and `_` kept, anything else as `.XX` hex, so ids never collide. */
export function anchorId(text: string): string {
  let out = "";
  for (const ch of text) out += /^[A-Za-z0-9_-]$/.test(ch) ? ch : `.${ch.codePointAt(0)!.toString(16)}.`;
  return out;
}

/** Pretty JSON as text (escaped when placed through `html`), with a length bound so one witness cannot bloat a page. */
export function jsonText(value: unknown, max = 20_000): string {
  const text = JSON.stringify(value, null, 2) ?? "undefined";
  return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text;
}
