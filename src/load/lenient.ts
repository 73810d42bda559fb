/**
 * Sloppy but unambiguous input, read generously (issue 17, point 7): a `$schema` that names a draft in a spelling
 * the draft table does not list (`https://json-schema.org/draft-07/schema`, `http://json-schema.org/draft/2020-12/schema`,
 * no trailing `#`, a trailing slash, another letter case) is read as that draft, with a warning naming the file and
 * pointer, and the bundle carries the draft's own URI (so the validators' meta-schema lookup finds it). The
 * generic `http://json-schema.org/schema#` ("the current version") is read as the latest draft we compile, unless
 * the schema uses a keyword that draft reads differently from the older ones (`items` as an array, `additionalItems`,
 * `dependencies`, `$recursiveRef`/`$recursiveAnchor`): such a schema was written for an older draft, and which one is
 * not said, so it is refused (`schema.ambiguous-draft`) with the spellings to choose from.
 * Anything else stays refused (`schema.unknown-draft`).
 * @see https://json-schema.org/understanding-json-schema/reference/schema#schema
 */
import { DRAFTS, type Draft } from "../ir/drafts.js";
import { pointerAppend, type JsonValue } from "../ir/json.js";

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

/** Whether `uri` is the generic "current version" spelling, which names no draft of its own. */
export function namesCurrent(uri: string): boolean {
  return CURRENT.test(uri.trim());
}

/** Keywords the latest draft reads differently from an older one (or not at all), each with what it was. */
const OLDER_KEYWORDS: Readonly<Record<string, (value: JsonValue) => boolean>> = {
  items: (v) => Array.isArray(v),
  additionalItems: () => true,
  dependencies: () => true,
  $recursiveRef: () => true,
  $recursiveAnchor: () => true,
};

/**
 * The first place (a JSON pointer and its keyword) where `root` uses a keyword the latest draft reads differently,
 * or undefined. A bounded walk over objects and arrays (every object counts: which ones are subschemas depends on
 * the draft, which is the question), visiting at most `MAX_VISITS` values.
 */
export function olderDraftKeyword(root: JsonValue): { pointer: string; keyword: string } | undefined {
  const stack: [JsonValue, string][] = [[root, ""]];
  for (let visits = 0; stack.length > 0 && visits < MAX_VISITS; visits++) {
    const [value, pointer] = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i]!, pointerAppend(pointer, String(i))]);
    } else if (typeof value === "object" && value !== null) {
      const entries = Object.entries(value);
      for (const [key, v] of entries) if (Object.hasOwn(OLDER_KEYWORDS, key) && OLDER_KEYWORDS[key]!(v)) return { pointer: pointerAppend(pointer, key), keyword: key };
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i]!;
        // Values of enum, const, default and examples are data, not schemas.
        if (key !== "enum" && key !== "const" && key !== "default" && key !== "examples") stack.push([v, pointerAppend(pointer, key)]);
      }
    }
  }
  return undefined;
}

const MAX_VISITS = 100_000;

/** The URI the bundle carries for a draft read from a variant spelling. */
export function canonicalUri(draft: Draft): string {
  return DRAFTS[draft].uris[0]!;
}

// ── patterns valid only without the `u` flag ──────────────────────────────────────────────────────────────
/**
 * A pattern our validators cannot compile (they use the `u` flag) but editors and most validators accept (they do
 * not): rewritten to the `u` form that means the same, or undefined when no such form is certain (then the pattern
 * is left as written and refused downstream, as before). The rewrites are the Annex B leniencies only: a lone
 * `{`/`}`/`]` is a literal, `-` next to a class escape inside a class is a literal, an escaped non-syntax character
 * (`\_`, `\:`, `\-` outside a class) is that character. Anything else (octal `\1` without a group, `\p` meaning
 * `p`) is ambiguous. The result must compile with `u` and agree with the original on probe strings.
 * @see https://tc39.es/ecma262/#sec-regular-expressions-patterns (Annex B.1.2)
 */
export function uPattern(pattern: string): string | undefined {
  if (compiles(pattern, "u") || !compiles(pattern, "")) return undefined;
  const out = rewrite(pattern);
  if (out === undefined || !compiles(out, "u")) return undefined;
  const before = new RegExp(pattern);
  const after = new RegExp(out, "u");
  for (const probe of probes(pattern)) if (before.test(probe) !== after.test(probe)) return undefined;
  return out;
}

function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

const SYNTAX = new Set([..."^$\\.*+?()[]{}|/"]);
const CLASS_ESCAPES = new Set([..."dDwWsS"]);
const QUANTIFIER = /^\{\d+(?:,\d*)?\}/;

function rewrite(p: string): string | undefined {
  let out = "";
  let inClass = false;
  let afterClassEscape = false;
  let atom = false; // whether what precedes can take a quantifier
  for (let i = 0; i < p.length; ) {
    const c = p[i]!;
    if (c === "\\") {
      const d = p[i + 1];
      if (d === undefined || d === "p" || d === "P" || d === "k") return undefined;
      if (/[1-9]/.test(d) && inClass) return undefined; // octal inside a class: ambiguous intent
      let piece: string;
      if (SYNTAX.has(d) || /[bBfnrtv0cxu1-9]/.test(d) || CLASS_ESCAPES.has(d)) piece = `\\${d}`;
      else if (d === "-") piece = inClass ? "\\-" : "-";
      else if (/[A-Za-z]/.test(d)) return undefined; // `\a`, `\e`, `\z`: a letter escape meaning the letter, or a typo
      else piece = d;
      out += piece;
      afterClassEscape = inClass && CLASS_ESCAPES.has(d);
      atom = true;
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      const next = p.slice(i + 1, i + 3);
      const literalDash = c === "-" && (afterClassEscape || (next[0] === "\\" && CLASS_ESCAPES.has(next[1] ?? "")));
      out += literalDash ? "\\-" : c;
      afterClassEscape = false;
      atom = !inClass;
      i++;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += "[";
      i++;
      if (p[i] === "^") (out += "^"), i++;
      if (p[i] === "]") (out += "]"), (inClass = false), i++; // `[]` is the empty class in both readings
      continue;
    }
    if (c === "{") {
      const q = QUANTIFIER.exec(p.slice(i));
      if (q !== null && atom) {
        out += q[0];
        i += q[0].length;
        continue;
      }
      out += "\\{";
    } else if (c === "}" || c === "]") out += `\\${c}`;
    else out += c;
    atom = !(c === "(" || c === "|" || c === "^");
    i++;
  }
  return inClass ? undefined : out;
}

/** Strings that exercise the pattern's own characters, alone and in pairs, plus a few generic ones. */
function probes(p: string): string[] {
  const chars = [...new Set([...p, "a", "Z", "0", "9", "_", "-", ".", " ", "{", "}", "é"])];
  const out = ["", ...chars];
  for (const a of chars) for (const b of chars.slice(0, 24)) out.push(a + b);
  for (let n = 1; n <= 10; n++) out.push("0123456789abcdef".slice(0, n), `{${"0a".repeat(n)}}`, "a-b_c.d".slice(0, n));
  return out;
}
