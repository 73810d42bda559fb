/**
 * Cache entries of one compiled contract version: its generated files, the compiled schema, its problems and the
 * number of golden examples checked. The key holds everything `compileVersion` reads besides `$ref`ed files
 * (contract, manifest, version, the schema file, the example files); those are only known after loading, so the
 * entry lists them with their hashes and is a hit only while every one is unchanged.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { ContractSource, VersionSource } from "../discover/discover.js";
import { canonicalJson, type JsonValue } from "../ir/json.js";
import type { Project } from "../config/config.js";
import type { FileHasher } from "./files.js";
import type { CacheStore } from "./store.js";
import type { VersionOutcome } from "../shapes/compiled.js";

export type { VersionOutcome } from "../shapes/compiled.js";

interface VersionEntry {
  /** [display path, content hash] of every file the loader read besides the schema file itself. */
  readonly deps: readonly (readonly [string, string])[];
  readonly outcome: VersionOutcome;
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
  if (existsSync(dir)) walk(dir, "");
  return keyOf("version", cache, project, contract, source, examples.join("\n"));
}

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
  return { outcome: entry.outcome, read: entry.deps.map(([display]) => display) };
}

export function writeVersion(cache: CompileCache, project: Project, key: string, readFiles: readonly string[], outcome: VersionOutcome): void {
  const deps: [string, string][] = [];
  for (const display of readFiles) {
    const hash = cache.hasher.hash(path.resolve(project.rootDir, display));
    if (hash === undefined) return;
    deps.push([display, hash]);
  }
  cache.store.set(key, { deps, outcome } satisfies VersionEntry);
}
