/**
 * Cache entries of one compiled contract version: its generated files, the compiled schema, its problems and the
 * number of golden examples checked. The key holds everything `compileVersion` reads besides `$ref`ed files
 * (contract, manifest, version, the schema file, the example files); those are only known after loading, so the
 * entry lists them with their hashes and is a hit only while every one is unchanged.
 */
import { readdirSync } from "node:fs";
import { statSync } from "../contain/stat.js";
import path from "node:path";
import type { ContractSource, VersionSource } from "../discover/discover.js";
import { canonicalJson, type JsonValue } from "../ir/json.js";
import type { Project } from "../config/config.js";
import type { FileHasher } from "./files.js";
import type { CacheStore } from "./store.js";
import { getText, putText } from "./texts.js";
import type { VersionOutcome } from "../shapes/compiled.js";

export type { VersionOutcome } from "../shapes/compiled.js";

/**
 * What one entry holds. Why two forms: a version's outcome is its schema's outcome (generated files, validator
 * code: about 40 KB) plus what its golden examples gave (their problems and count). The schema's part is stored
 * once, under `schemaKey`; the version's entry holds only its own part and the schema key (`schema`), so a cold
 * run writes each version's files once, not twice (#25). An entry whose schema part is missing is a miss.
 */
type VersionEntry = Deps & ({ readonly outcome: StoredOutcome } | { readonly schema: string; readonly problems: VersionOutcome["problems"]; readonly examples: number });

interface Deps {
  /** [display path, content hash] of every file the loader read besides the schema file itself. */
  readonly deps: readonly (readonly [string, string])[];
}

export interface CompileCache {
  readonly store: CacheStore;
  readonly hasher: FileHasher;
}

export function versionKey(cache: CompileCache, project: Project, contract: ContractSource, source: VersionSource): string | undefined {
  const examples: string[] = [];
  const dir = path.join(contract.dir, "examples", `v${source.version}`);
  const walk = (abs: string, rel: string): void => {
    for (const e of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path.join(abs, e.name), r);
      else examples.push(`${r} ${cache.hasher.hash(path.join(abs, e.name)) ?? "-"}`);
    }
  };
  // Walked only when a folder (through a link too, as the run reads it): a file there holds no example for the run
  // (src/compile/examples-run.ts finds no valid/ or invalid/ below it), and listing it would end the run (ENOTDIR).
  if (isFolder(dir)) walk(dir, "");
  return keyOf("version", cache, project, contract, source, examples.join("\n"));
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The shape of the entries below, in their keys: an entry of another shape is never looked up. 3: the project
 * files a version plans are held by content address (texts.ts), and the validator cache may point at a schema's
 * entry for its code (src/compile/validator-ref.ts).
 */
const SHAPE = "outcome/3";

/**
 * The key of what a version's schema alone decides (generated files, validator code, schema problems): the version
 * key without the golden examples. An edited or added example misses `versionKey` but hits this one, and only the
 * examples run again, through the cached validator code (src/compile/compile.ts): no compiler is loaded for them.
 */
export function schemaKey(cache: CompileCache, project: Project, contract: ContractSource, source: VersionSource): string | undefined {
  return keyOf("version-schema", cache, project, contract, source, "");
}

/** The cached schema outcome of a version, stripped of its examples' part, for `schemaKey`. */
export function schemaOutcome(outcome: VersionOutcome): VersionOutcome {
  // Without compiled code the schema itself failed and no example ran: the outcome is the schema's alone.
  return outcome.compiled === undefined ? outcome : { ...outcome, problems: [], examples: 0 };
}

function keyOf(kind: string, cache: CompileCache, project: Project, contract: ContractSource, source: VersionSource, examples: string): string | undefined {
  const own = cache.hasher.hash(source.file);
  if (own === undefined) return undefined;
  return cache.store.key(
    kind,
    SHAPE,
    project.rootDir,
    contract.name,
    contract.dir,
    canonicalJson(contract.manifest as unknown as JsonValue),
    canonicalJson(project.defaults as unknown as JsonValue),
    // The strictness policy decides which findings refuse the build and which custom formats are validated.
    canonicalJson(project.strictness as unknown as JsonValue),
    // Config `limits` are written into every version module as its defaults.
    canonicalJson((project.limits ?? {}) as unknown as JsonValue),
    String(source.version),
    contract.versions.map((v) => v.display).join("\n"),
    source.file,
    source.display,
    own,
    examples,
  );
}

/** The cached outcome with the display paths of the other files it was loaded from, while all are unchanged. */
export function readVersion(cache: CompileCache, project: Project, key: string): { outcome: VersionOutcome; read: readonly string[] } | undefined {
  const entry = cache.store.get<VersionEntry>(key);
  if (entry === undefined) return undefined;
  for (const [display, hash] of entry.deps) if (cache.hasher.hash(path.resolve(project.rootDir, display)) !== hash) return undefined;
  const read = entry.deps.map(([display]) => display);
  if ("outcome" in entry) {
    const outcome = unpackOutcome(entry.outcome, cache.store.dir);
    return outcome === undefined ? undefined : { outcome, read };
  }
  // The schema's entry was keyed on the same files but the examples: the deps checked above are its deps too.
  const schema = cache.store.get<VersionEntry>(entry.schema);
  const outcome = schema === undefined || !("outcome" in schema) ? undefined : unpackOutcome(schema.outcome, cache.store.dir);
  return outcome === undefined ? undefined : { outcome: { ...outcome, problems: entry.problems, examples: entry.examples }, read };
}

/**
 * The validator code held by the schema entry `key` (its deps unchecked: the caller proves the code by its hash,
 * src/compile/validator-ref.ts); undefined when that entry is absent, damaged or holds no code.
 */
export function storedValidatorCode(cache: CompileCache, key: string): string | undefined {
  const entry = cache.store.get<VersionEntry>(key);
  if (entry === undefined || !("outcome" in entry)) return undefined;
  return unpackOutcome(entry.outcome, cache.store.dir)?.compiled?.validatorCode;
}

/**
 * Stores a compiled version's outcome: the schema's part under `schema` (its `schemaKey`; undefined when that key
 * cannot be made) and the version's own part under `key`. `schemaStored`: the schema's part is already stored
 * (an example-only change re-ran the examples on it), so only the version's own part is written. Returns the key
 * of the entry that now holds the outcome's validator code (the schema's part, or the whole outcome's), if any.
 */
export function writeOutcome(
  cache: CompileCache,
  project: Project,
  key: string,
  schema: string | undefined,
  readFiles: readonly string[],
  outcome: VersionOutcome,
  schemaStored = false,
): string | undefined {
  const deps: [string, string][] = [];
  for (const display of readFiles) {
    const hash = cache.hasher.hash(path.resolve(project.rootDir, display));
    if (hash === undefined) return undefined;
    deps.push([display, hash]);
  }
  if (schema === undefined) {
    cache.store.set(key, { deps, outcome: packOutcome(outcome, cache.store.dir) } satisfies VersionEntry);
    return key;
  }
  if (!schemaStored) cache.store.set(schema, { deps, outcome: packOutcome(schemaOutcome(outcome), cache.store.dir) } satisfies VersionEntry);
  cache.store.set(key, { deps, schema, problems: outcome.problems, examples: outcome.examples } satisfies VersionEntry);
  return schema;
}

// ─── The validator code, stored as a reference into its module ─────────────────────────────────────────────────
//
// Why: `compiled.validatorCode` is, but for a few bytes, the body of the planned `v<N>.validate.ts` (half of an
// entry's size). It is stored as the place it starts in that file, how far it runs there, and the rest as text;
// packing checks that unpacking gives the code back exactly, and stores it whole otherwise.

interface CodeRef {
  /** Index in `files`, start offset in that file's text, length taken from there; then `tail` follows. */
  readonly file: number;
  readonly at: number;
  readonly length: number;
  readonly tail: string;
}

/** A planned file as an entry holds it: its text, or the address of its text among the cache's texts (texts.ts). */
type StoredFile = readonly [string, string] | readonly [string, { readonly at: string }];

type StoredOutcome = Omit<VersionOutcome, "compiled" | "files"> & {
  readonly files: readonly StoredFile[];
  readonly compiled?: Omit<NonNullable<VersionOutcome["compiled"]>, "validatorCode"> & ({ readonly validatorCode: string } | { readonly codeRef: CodeRef });
};

/** Bytes of validator code compared at once while finding where it starts in the module. */
const PROBE = 256;

/**
 * Why project files go by address: a file outside every contract's folder (no `/` in its path: `_standard.ts`,
 * `_json-schema.ts`) is planned by an extension for the project, the same text in every version's outcome; stored
 * once as a text, each outcome holds 64 characters instead. A contract's own files are that version's alone and
 * stay in its entry (a text file each would cost a file per version for nothing shared).
 */
const sharedFile = (rel: string): boolean => !rel.includes("/");

/** The outcome as an entry holds it; `texts`: the cache folder to keep the project files in (none: kept inline). */
export function packOutcome(outcome: VersionOutcome, texts?: string): StoredOutcome {
  const withCode = packCode(outcome);
  if (texts === undefined) return withCode;
  const files = outcome.files.map(([rel, text]): StoredFile => {
    const at = sharedFile(rel) ? putText(texts, text) : undefined;
    return at === undefined ? [rel, text] : [rel, { at }];
  });
  return { ...withCode, files };
}

/** The outcome an entry holds; undefined when a text it points at is missing or not the text of its address. */
export function unpackOutcome(stored: StoredOutcome, texts?: string): VersionOutcome | undefined {
  const files: (readonly [string, string])[] = [];
  for (const [rel, held] of stored.files) {
    if (typeof held === "string") files.push([rel, held]);
    else {
      const text = texts === undefined ? undefined : getText(texts, held?.at);
      if (text === undefined) return undefined;
      files.push([rel, text]);
    }
  }
  return unpackCode({ ...stored, files });
}

type CodePacked = Omit<StoredOutcome, "files"> & { readonly files: VersionOutcome["files"] };

function packCode(outcome: VersionOutcome): CodePacked {
  const compiled = outcome.compiled;
  if (compiled === undefined) return outcome;
  const code = compiled.validatorCode;
  const probe = code.slice(0, PROBE);
  for (let file = 0; file < outcome.files.length && probe.length > 0; file++) {
    const text = outcome.files[file]![1];
    const at = text.indexOf(probe);
    if (at === -1) continue;
    // Usually the module holds the code to its end but for trailing space: compared at once, not by character.
    const most = Math.min(code.length, text.length - at);
    let length = text.startsWith(code.slice(0, most), at) ? most : probe.length;
    while (length < code.length && at + length < text.length && text.charCodeAt(at + length) === code.charCodeAt(length)) length++;
    const ref: CodeRef = { file, at, length, tail: code.slice(length) };
    const { validatorCode: _code, ...rest } = compiled;
    const packed: CodePacked = { ...outcome, compiled: { ...rest, codeRef: ref } };
    if (unpackCode(packed).compiled?.validatorCode === code) return packed;
  }
  return outcome;
}

function unpackCode(stored: CodePacked): VersionOutcome {
  const compiled = stored.compiled;
  if (compiled === undefined || !("codeRef" in compiled)) return stored as VersionOutcome;
  const { codeRef: ref, ...rest } = compiled;
  const text = stored.files[ref.file]?.[1] ?? "";
  return { ...stored, compiled: { ...rest, validatorCode: text.slice(ref.at, ref.at + ref.length) + ref.tail } };
}
