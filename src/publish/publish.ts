/**
 * `llm-contracts publish [<contract>[@v<N>]]`: records the fingerprint of versions in the lock, after which `check`
 * refuses any change to them. Without a selection every version not yet in the lock is published; with a contract,
 * its unpublished versions; with `<contract>@v<N>`, that version. Publishing again what is already recorded with the
 * same fingerprint changes nothing; a recorded version whose schema has changed is refused (it stays a finding).
 */
import type { CompiledVersion } from "../shapes/compiled.js";
import type { Project } from "../config/config.js";
import type { Diagnostic } from "../errors.js";
import { changedVersions } from "./check-step.js";
import { fingerprint, type Fingerprint } from "./fingerprint.js";
import { readLock, writeLock } from "./lock.js";

export interface Selection {
  readonly contract: string;
  readonly version?: number;
}

const SELECTION = /^([a-z][a-z0-9-]*)(?:@v([1-9][0-9]*))?$/;

/** `name` or `name@v3`; undefined when the text has neither form. */
export function parseSelection(text: string): Selection | undefined {
  const m = SELECTION.exec(text);
  if (m === null) return undefined;
  return m[2] === undefined ? { contract: m[1]! } : { contract: m[1]!, version: Number(m[2]) };
}

export type PublishResult =
  | { readonly ok: true; readonly published: readonly string[]; readonly already: number; readonly lockChanged: boolean }
  /** `problems`: changed published versions among the selected (exit 1) or a selection naming nothing (exit 2). */
  | { readonly ok: false; readonly problems: readonly Diagnostic[]; readonly exitCode: 1 | 2 };

/** Updates the lock from compiled versions (a complete compile without problems). Pure but for the lock write. */
export function publishVersions(project: Project, versions: readonly CompiledVersion[], selection: readonly Selection[]): PublishResult {
  const lock = readLock(project);
  const chosen = versions.filter((v) => selection.length === 0 || selection.some((s) => s.contract === v.contract.name && (s.version === undefined || s.version === v.source.version)));
  for (const s of selection) {
    if (!versions.some((v) => v.contract.name === s.contract && (s.version === undefined || v.source.version === s.version))) {
      const what = s.version === undefined ? `contract ${JSON.stringify(s.contract)}` : `${s.contract} v${s.version}`;
      return { ok: false, exitCode: 2, problems: [{ code: "publish.unknown", file: "(command line)", message: `no ${what} to publish; \`llm-contracts check\` lists the contracts and versions` }] };
    }
  }
  const changed = changedVersions(project, lock, chosen);
  if (changed.length > 0) return { ok: false, exitCode: 1, problems: changed };
  const next = new Map<string, Map<number, Fingerprint>>([...lock].map(([c, vs]) => [c, new Map(vs)]));
  const published: string[] = [];
  let already = 0;
  for (const v of chosen) {
    const byVersion = next.get(v.contract.name) ?? new Map<number, Fingerprint>();
    next.set(v.contract.name, byVersion);
    if (byVersion.has(v.source.version)) {
      already++;
      continue;
    }
    byVersion.set(v.source.version, fingerprint(v.schema));
    published.push(`${v.contract.name}@v${v.source.version}`);
  }
  if (published.length > 0) writeLock(project, next);
  return { ok: true, published, already, lockChanged: published.length > 0 };
}
