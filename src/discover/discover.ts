import { existsSync, readdirSync } from "node:fs";
import { statSync } from "../contain/stat.js";
import path from "node:path";
import { displayPath, type Compatibility, type Project, type ProviderProfile } from "../config/config.js";
import { assertValid } from "../config/validate.js";
import { InputError, inputError, type Diagnostic } from "../errors.js";
import { readDocument } from "../load/read.js";
import { canonicalJson } from "../ir/json.js";
import { assertInsideRoot } from "../contain/real-path.js";

export type ContractKind = "model-output" | "tool-arguments";

export interface ContractManifest {
  readonly kind: ContractKind;
  readonly compatibility: Compatibility;
  readonly description?: string;
  /** The wire name (tool / function / format name); default: the contract name. */
  readonly toolName?: string;
  /** Tool-arguments contracts: what running the handler does (`unsafe`: it acts again on every run). */
  readonly sideEffects?: SideEffects;
  /** The argument naming one intended action; the router runs an `unsafe` handler at most once per value. */
  readonly idempotencyKey?: string;
  readonly providers: readonly ProviderProfile[];
}

export type SideEffects = "none" | "idempotent" | "unsafe";

export interface VersionSource {
  readonly version: number;
  /** Absolute path. */
  readonly file: string;
  readonly display: string;
}

export interface ContractSource {
  /** Kebab-case name, also the folder name. */
  readonly name: string;
  readonly dir: string;
  readonly manifest: ContractManifest;
  /** Versions 1..N in order. */
  readonly versions: readonly VersionSource[];
}

export interface Discovery {
  readonly contracts: readonly ContractSource[];
  /** Contracts that could not be read; each is an input error. Other contracts are still returned. */
  readonly problems: readonly Diagnostic[];
}

export const CONTRACT_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const VERSION_FILE = /^v([0-9]+)\.(json|yaml|yml)$/;
/** Entries a contract folder may hold besides version files. */
const KNOWN_ENTRIES = new Set(["contract.json", "examples", "migrations", "README.md"]);

/** Finds every contract under the schemas folder. Folders starting with `_` (shared definitions) or `.` are skipped. */
export function discoverContracts(project: Project): Discovery {
  const display = displayPath(project.rootDir, project.schemasDir);
  if (!existsSync(project.schemasDir) || !statSync(project.schemasDir).isDirectory()) {
    throw inputError("discover.no-schemas", { file: display }, "schemas folder not found");
  }
  const contracts: ContractSource[] = [];
  const problems: Diagnostic[] = [];
  for (const entry of readdirSync(project.schemasDir, { withFileTypes: true }).sort((a, b) => cmp(a.name, b.name))) {
    if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue;
    if (!entry.isDirectory()) continue;
    try {
      contracts.push(readContract(project, entry.name));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.diagnostic);
    }
  }
  return { contracts, problems };
}

/**
 * The named contracts only, in name order (an incremental run redoes the contracts a change touched; see
 * src/incremental). The names come from an earlier discovery, so they are folders under the schemas folder.
 */
/** `proven`: contracts whose manifest is known valid (unchanged since a run validated it): not validated again. */
export function discoverNamed(project: Project, names: Iterable<string>, proven?: ReadonlySet<string>): Discovery {
  const contracts: ContractSource[] = [];
  const problems: Diagnostic[] = [];
  for (const name of [...names].sort(cmp)) {
    try {
      contracts.push(readContract(project, name, proven?.has(name) === true));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.diagnostic);
    }
  }
  return { contracts, problems };
}

/*
 * Why a memo of valid manifests: validating one compiles the manifest schema with ajv, and an incremental `check`
 * that validates none (every manifest proven unchanged, `proven`) must not load ajv when a later step (drift)
 * discovers the same contracts. Keyed by file and canonical content, so an edit in between is validated.
 */
const validManifests = new Map<string, string>();

function readContract(project: Project, name: string, proven = false): ContractSource {
  const dir = path.join(project.schemasDir, name);
  const dirDisplay = displayPath(project.rootDir, dir);
  if (!CONTRACT_NAME.test(name)) {
    throw inputError("contract.name", { file: dirDisplay }, "contract names are kebab-case (e.g. ticket-triage)");
  }
  assertInsideRoot(project.rootDir, dir, dirDisplay);
  const manifestFile = path.join(dir, "contract.json");
  const manifestDisplay = `${dirDisplay}/contract.json`;
  assertInsideRoot(project.rootDir, manifestFile, manifestDisplay);
  if (!existsSync(manifestFile)) throw inputError("contract.manifest-missing", { file: manifestDisplay }, "missing contract.json");
  const doc = readDocument(manifestFile, manifestDisplay);
  const content = canonicalJson(doc.value);
  if (!proven && validManifests.get(manifestFile) !== content) assertValid("contract.schema.json", doc.value, manifestDisplay, "contract.manifest-invalid");
  validManifests.set(manifestFile, content);
  const raw = doc.value as { kind: ContractKind; compatibility?: Compatibility; description?: string; toolName?: string; sideEffects?: SideEffects; idempotencyKey?: string; providers?: ProviderProfile[] };
  const manifest: ContractManifest = {
    kind: raw.kind,
    // Model outputs are stored and read back: new readers must read old data. Tool arguments are produced by the
    // model for handlers that may still run the old version: old handlers must accept new data.
    compatibility: raw.compatibility ?? project.defaults.compatibility ?? (raw.kind === "model-output" ? "backward" : "forward"),
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    ...(raw.toolName !== undefined ? { toolName: raw.toolName } : {}),
    ...(raw.sideEffects !== undefined ? { sideEffects: raw.sideEffects } : {}),
    ...(raw.idempotencyKey !== undefined ? { idempotencyKey: raw.idempotencyKey } : {}),
    providers: raw.providers ?? project.defaults.providers ?? [],
  };
  const versions = readVersions(dir, dirDisplay);
  for (const v of versions) assertInsideRoot(project.rootDir, v.file, v.display);
  return { name, dir, manifest, versions };
}

function readVersions(dir: string, dirDisplay: string): VersionSource[] {
  const byVersion = new Map<number, VersionSource>();
  for (const entry of readdirSync(dir).sort(cmp)) {
    const m = VERSION_FILE.exec(entry);
    if (m === null) {
      if (/^v[^.]*\.(json|ya?ml)$/i.test(entry)) {
        throw inputError("contract.version-name", { file: `${dirDisplay}/${entry}` }, "version files are named v1.json, v2.json, ... (no leading zeros)");
      }
      if (!KNOWN_ENTRIES.has(entry) && !entry.startsWith(".")) {
        throw inputError("contract.unknown-entry", { file: `${dirDisplay}/${entry}` }, "unexpected file in a contract folder (expected contract.json, vN.json|yaml, examples/, migrations/)");
      }
      continue;
    }
    const version = Number(m[1]);
    const display = `${dirDisplay}/${entry}`;
    if (String(version) !== m[1] || version < 1) {
      throw inputError("contract.version-name", { file: display }, "versions are integers from 1 without leading zeros");
    }
    const existing = byVersion.get(version);
    if (existing !== undefined) {
      throw inputError("contract.version-duplicate", { file: display }, `version ${version} is also defined by ${existing.display}`);
    }
    byVersion.set(version, { version, file: path.join(dir, entry), display });
  }
  if (byVersion.size === 0) throw inputError("contract.no-versions", { file: dirDisplay }, "contract has no versions (expected v1.json)");
  const versions = [...byVersion.values()].sort((a, b) => a.version - b.version);
  versions.forEach((v, i) => {
    if (v.version !== i + 1) {
      throw inputError("contract.version-gap", { file: v.display }, `version ${i + 1} is missing: versions must be consecutive from v1`);
    }
  });
  return versions;
}

/** Code-unit order: independent of locale, so every machine sorts the same. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
