/**
 * What the migration type-check's cache key is made of (typecheck.ts), apart from the check itself:
 *
 * - A generated module other than an upgrade chain's root is keyed by its text without comments (comments.ts): its
 *   own diagnostics are never reported (only the roots' and the user's files' are), and its comments (the schemas'
 *   descriptions and titles, as JSDoc) change no type. The `title`/`description` values and the schema hash that it
 *   also holds as values are left out too, unless a file of the user's can name what holds them (REACHES_ANNOTATIONS).
 *   So an annotation-only schema edit keeps the key, and the check is not run again. The user's files and the roots
 *   are keyed by their whole text, since their diagnostics carry lines and columns.
 * - A module's import specifiers are read from its code where its imports are plain (plain-imports.ts); only a
 *   module with another form is scanned by TypeScript, the answer kept in the cache under the hash of its text, so
 *   that a run whose chains are all cached does not load TypeScript for its scanner.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import type ts from "typescript";
import type { CacheStore } from "../cache/store.js";
import { withoutComments } from "./comments.js";
import { scannedSpecifiers, type Specifiers } from "./imports.js";
import { plainSpecifiers } from "./plain-imports.js";

/** The key parts of chains' files, each file's hashed once per run (every chain reaches the same runtime). */
export class ChainKeys {
  private readonly memo = new Map<string, { text: string; part: string }>();
  /** `generated`, by path: asked of every file of every chain, twice. */
  private readonly kinds = new Map<string, boolean>();

  constructor(private readonly outDir: string) {}

  /** One part per file of `closure` (absolute path → text), in path order. */
  parts(closure: ReadonlyMap<string, string>): string[] {
    const files = [...closure].sort(([a], [b]) => (a < b ? -1 : 1));
    // The annotations' values are left out only where no file of the user's (or root) can name what holds them.
    const bare = files.every(([f, t]) => this.generated(f) || !REACHES_ANNOTATIONS.test(codeOf(t) ?? t));
    return files.map(([f, t]) => `${f} ${this.part(f, t, bare)}`);
  }

  private part(file: string, text: string, bare: boolean): string {
    const id = `${bare ? "bare" : "full"} ${file}`;
    const known = this.memo.get(id);
    if (known !== undefined && known.text === text) return known.part;
    const code = this.generated(file) ? codeOf(text) : undefined;
    const part = code === undefined ? `text ${sha(text)}` : `code ${sha(bare ? withoutAnnotations(code) : code)}`;
    this.memo.set(id, { text, part });
    return part;
  }

  /** A generated module other than a chain's root (`<outDir>/<contract>/upgrade.ts`). */
  private generated(file: string): boolean {
    let kind = this.kinds.get(file);
    if (kind === undefined) {
      const rel = path.relative(this.outDir, file).split(path.sep);
      kind = rel[0] !== ".." && !path.isAbsolute(rel[0]!) && !(rel.length === 2 && rel[1] === "upgrade.ts");
      this.kinds.set(file, kind);
    }
    return kind;
  }
}

/**
 * A module's specifiers read from its code where its imports are plain (plain-imports.ts), else `scan`'s (the
 * compiler's scanner, `cachedSpecifiers`). Why not always from the cache: reading and writing an entry per module
 * cost more than reading its code, which the key reads anyway (`codeOf`, once per file). Every file is read for
 * real (the plan's text, the disk's, the user's), so a hand edit of a generated module is seen.
 */
export function plainFirst(scan: Specifiers): Specifiers {
  return (text) => {
    const code = codeOf(text);
    return (code === undefined ? undefined : plainSpecifiers(code)) ?? scan(text);
  };
}

/**
 * What a file must contain to reach the annotations kept as values (the `as const` schema behind `…Schema` and
 * `…Standard`, the schema hash in `…Hash` and `…Meta`): one of those names, or a way to reach every export of a
 * module without naming it (a namespace import or re-export, an `import()` type, `import x = require(...)`).
 */
const REACHES_ANNOTATIONS = /Schema|Standard|Meta|Hash|\bimport\s*\*|\bexport\s*\*|\bimport\s*\(|\brequire\s*\(/;

/**
 * A version module's code (comments already left out, src/emit/modules/version.ts) with the annotations of its
 * `canonical` schema constant emptied (the `title`, `description` and `$comment` strings, the `examples` arrays:
 * what drift calls annotation-only, rule table row 44) and its schema hash (`…Hash`, `…Meta`); the types above
 * them (where a `title: "x"` may be a literal type) are kept as they are. A JSON string's own quotes are escaped,
 * so a string pattern cannot start inside another string; what an `examples` array holds is skipped string by
 * string up to its closing bracket, and a bracket that cannot be matched leaves the constant as it is.
 *
 * Why emptying more of the constant cannot change a result: in the mode this key is used in (no file of the user's
 * or root can name the constant, REACHES_ANNOTATIONS), its values reach no reported diagnostic, whichever they are.
 */
function withoutAnnotations(code: string): string {
  const start = code.indexOf("\nconst canonical = {\n");
  const end = start < 0 ? -1 : code.indexOf("\n} as const;", start);
  if (end < 0) return code;
  const schema = withoutExamples(code.slice(start, end))
    .replace(/\b(description|title): "(?:[^"\\\n]|\\.)*"/g, '$1: ""')
    .replace(/(\s)\$comment: "(?:[^"\\\n]|\\.)*"/g, '$1$$comment: ""');
  const rest = code.slice(end).replace(/^(export const \w+Hash = |  hash: )"sha256:[0-9a-f]{64}"/gm, '$1"sha256:"');
  return code.slice(0, start) + schema + rest;
}

/** Every `examples: [...]` of a printed schema constant as `examples: []`; the text as it is when a bracket does not match. */
function withoutExamples(block: string): string {
  let out = "";
  let from = 0;
  const at = /\bexamples: \[/g;
  for (let found = at.exec(block); found !== null; found = at.exec(block)) {
    const open = found.index + found[0].length - 1;
    const close = closingBracket(block, open);
    if (close < 0) return block;
    out += block.slice(from, open + 1);
    from = close;
    at.lastIndex = close;
  }
  return out + block.slice(from);
}

/** The index of the `]` that closes the `[` at `open`, skipping JSON strings; -1 when there is none. */
function closingBracket(text: string, open: number): number {
  const stops = /["[\]]/g;
  let depth = 0;
  stops.lastIndex = open;
  for (let found = stops.exec(text); found !== null; found = stops.exec(text)) {
    const c = found[0];
    if (c === "[") depth++;
    else if (c === "]") {
      if (--depth === 0) return found.index;
    } else {
      STRING_REST.lastIndex = found.index + 1;
      if (!STRING_REST.test(text)) return -1;
      stops.lastIndex = STRING_REST.lastIndex;
    }
  }
  return -1;
}

/** The rest of a JSON string after its opening quote, closing quote included (no line end: JSON escapes it). */
const STRING_REST = /(?:[^"\\\n]|\\.)*"/y;

/** `Specifiers` remembered in `store` (when there is one); TypeScript is loaded by `load` on the first miss only. */
export function cachedSpecifiers(store: CacheStore | undefined, load: () => typeof ts): Specifiers {
  let scan: Specifiers | undefined;
  return (text) => {
    const key = store?.key("import-specifiers", sha(specifierText(text)));
    const hit = key === undefined ? undefined : store!.get<{ specifiers: string[] | null }>(key);
    if (hit !== undefined && (hit.specifiers === null || (Array.isArray(hit.specifiers) && hit.specifiers.every((s) => typeof s === "string")))) {
      return hit.specifiers ?? undefined;
    }
    scan ??= scannedSpecifiers(load());
    const found = scan(text);
    if (key !== undefined) store!.set(key, { specifiers: found === undefined ? null : [...found] });
    return found;
  };
}

/**
 * What a module's import specifiers depend on: its code without comments, and the annotation values of a version
 * module left out (JSON strings, never a specifier), so that an annotation edit keeps the scan cached too. A text
 * with a directive comment (triple-slash, `@ts-`), the one kind of comment that can name a dependency, is taken whole.
 */
function specifierText(text: string): string {
  const bare = codeOf(text);
  return bare === undefined ? `text ${text}` : `code ${withoutAnnotations(bare)}`;
}

/**
 * `withoutComments`, remembered by text. Why: a file of a chain is read three ways per run (its import
 * specifiers' key, whether it can reach the annotations, its key part), each scanning the whole text; at a
 * bounded total size, so that a cold check of every chain does not keep every generated module twice.
 */
const bareTexts = new Map<string, string | undefined>();
let bareChars = 0;
const BARE_CHARS = 2_000_000;

function codeOf(text: string): string | undefined {
  if (bareTexts.has(text)) return bareTexts.get(text);
  const code = withoutComments(text);
  if (bareChars + text.length > BARE_CHARS) {
    bareTexts.clear();
    bareChars = 0;
  }
  bareTexts.set(text, code);
  bareChars += text.length;
  return code;
}

function sha(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
