/**
 * `drift` over a project: every contract's consecutive versions (or all earlier ones with `transitive`) in the
 * contract's mode, acknowledgements applied; with `against`, the versions published at a git ref must be unchanged
 * in meaning (whatever the mode, never acknowledgeable), must still exist, and new versions are checked against
 * their predecessor.
 */
import { canonicalJson } from "../ir/json.js";
import { displayPath, type Project } from "../config/config.js";
import { discoverContracts, discoverNamed, type ContractSource } from "../discover/discover.js";
import { InputError, type Diagnostic, type Location } from "../errors.js";
import { LoadCache, loadSchemaFileMapped, readDocument, type MappedSchema } from "../load/index.js";
import { findAcknowledgement, loadAcknowledgements, type Acknowledgement } from "./ack.js";
import { diffSchemas } from "./cached-diff.js";
import type { Change, DiffResult, Direction, Mode } from "./types.js";
import { migrationSteps } from "../migrate/layout.js";
import { stepStatus } from "../migrate/status.js";

export interface DriftOptions {
  readonly transitive?: boolean;
  readonly against?: string;
  readonly allowUnknown?: boolean;
  /** Milliseconds per comparison (default: the config's `drift.timeout`, else 10 s). */
  readonly timeoutMs?: number;
  /** Only these contracts (an incremental `check` redoes the contracts a change touched, see src/incremental). */
  readonly only?: ReadonlySet<string>;
  /**
   * The contracts as this run's compile discovered them (`check`'s step: every one compiled without a problem), so
   * they are not discovered again (each manifest read and checked, each folder listed). Their schema files are
   * still loaded here: a compiled schema from the cache has lost the exact text of its number literals (src/ir/exact.ts).
   */
  readonly contracts?: readonly ContractSource[];
}

export interface ReportedChange extends Change {
  /** Where the change is in the new file (for annotations). */
  readonly location?: Location;
  /** True when this change fails the gate (in mode, not acknowledged; unknowns unless allowed). */
  readonly failing: boolean;
}

export interface PairReport {
  readonly contract?: string;
  readonly from?: number;
  readonly to?: number;
  /** "published": the version at the git ref against the same version now (must not change meaning). */
  readonly check: "consecutive" | "transitive" | "published" | "files";
  readonly mode: Mode;
  readonly oldFile: string;
  readonly newFile: string;
  readonly verdict: DiffResult["verdict"];
  readonly changes: readonly ReportedChange[];
  readonly ok: boolean;
}

export interface DriftReport {
  readonly ok: boolean;
  readonly pairs: readonly PairReport[];
  /** Deleted published versions or contracts (codes `drift.version-deleted`, `drift.contract-deleted`). */
  readonly problems: readonly Diagnostic[];
}

export function modeDirections(mode: Mode): Direction[] {
  return mode === "full" ? ["backward", "forward"] : mode === "none" ? [] : [mode];
}

/** Marks failing changes and the pair's result. */
export function judge(
  result: DiffResult,
  mode: Mode,
  allowUnknown: boolean,
  ack: (c: Change) => Acknowledgement | undefined,
  locate: (pointer: string) => Location | undefined,
): { changes: ReportedChange[]; ok: boolean } {
  const dirs = modeDirections(mode);
  const changes = result.changes.map((c): ReportedChange => {
    const a = c.kind === "change" ? ack(c) : undefined;
    const hit = c.breaks.some((d) => dirs.includes(d)) || (!allowUnknown && (c.unknown ?? []).some((d) => dirs.includes(d)));
    const location = locate(c.pointer);
    return { ...c, ...(a !== undefined ? { acknowledged: a.reason } : {}), ...(location !== undefined ? { location } : {}), failing: c.kind === "change" && hit && a === undefined };
  });
  return { changes, ok: changes.every((c) => !c.failing) };
}

/** File and line of a pointer of a bundled schema; a pointer that does not exist (a removed member) maps to its parent. */
export function locator(mapped: MappedSchema): (pointer: string) => Location | undefined {
  return (pointer) => {
    let p = pointer;
    for (;;) {
      try {
        const loc = mapped.sourceOf(p);
        if (loc.line !== undefined || p === "") return loc;
      } catch {
        // not in the bundle: try the parent
      }
      if (p === "") return undefined;
      p = p.slice(0, p.lastIndexOf("/"));
    }
  };
}

export async function driftProject(project: Project, options: DriftOptions = {}): Promise<DriftReport> {
  const timeout = options.timeoutMs ?? (project.drift.timeout !== undefined ? project.drift.timeout * 1000 : undefined);
  const budget = { ...(timeout !== undefined ? { timeoutMs: timeout } : {}), ...(project.drift.keywords !== undefined ? { keywords: project.drift.keywords } : {}) };
  const current = loadContracts(project, options.only, options.contracts);
  const acks = loadAcknowledgements(project);
  const pairs: PairReport[] = [];
  const problems: Diagnostic[] = [];
  let fresh: (c: string, v: number) => boolean = () => true;
  if (options.against !== undefined) {
    // Imported here: git (child_process, with net and dgram) loads only for a comparison against a ref.
    const { readRefSchemas } = await import("./git.js");
    const tree = readRefSchemas(project, options.against);
    try {
      const refProject: Project = { ...project, rootDir: tree.root, schemasDir: tree.schemasDir };
      const published = loadContracts(refProject);
      for (const [name, old] of published) {
        const now = current.get(name);
        if (now === undefined) {
          problems.push({ code: "drift.contract-deleted", file: `${displayPath(project.rootDir, project.schemasDir)}/${name}`, message: `contract "${name}" was published at ${options.against} and is deleted` });
          continue;
        }
        for (const [version, mapped] of old.versions) {
          const nowVersion = now.versions.get(version);
          const file = `${displayPath(project.rootDir, now.source.dir)}/v${version}`;
          if (nowVersion === undefined) {
            problems.push({ code: "drift.version-deleted", file, message: `version ${version} of "${name}" was published at ${options.against} and is deleted` });
            continue;
          }
          if (canonicalJson(mapped.loaded.schema) === canonicalJson(nowVersion.loaded.schema)) continue;
          const result = await diffSchemas(mapped.loaded, nowVersion.loaded, { modelOutput: now.source.manifest.kind === "model-output", ...budget });
          const judged = judge(result, "full", false, () => undefined, locator(nowVersion));
          pairs.push({
            contract: name, from: version, to: version, check: "published", mode: "full",
            oldFile: `${options.against}:${nowVersion.loaded.file}`, newFile: nowVersion.loaded.file,
            verdict: result.verdict, changes: judged.changes, ok: judged.ok,
          });
        }
      }
      fresh = (c, v) => !(published.get(c)?.versions.has(v) ?? false);
    } finally {
      tree.dispose();
    }
  }
  const breathe = breather();
  for (const [name, contract] of current) {
    await breathe();
    const mode = contract.source.manifest.compatibility;
    const versions = [...contract.versions.keys()].sort((a, b) => a - b);
    for (const to of versions) {
      if (!fresh(name, to)) continue;
      const froms = options.transitive === true ? versions.filter((v) => v < to) : versions.filter((v) => v === to - 1);
      for (const from of froms) {
        const a = contract.versions.get(from)!;
        const b = contract.versions.get(to)!;
        const result = await diffSchemas(a.loaded, b.loaded, { modelOutput: contract.source.manifest.kind === "model-output", ...budget });
        const covered = from === to - 1 ? coveringMigration(project, contract.source, from) : undefined;
        const ack = (c: Change): Acknowledgement | undefined =>
          findAcknowledgement(acks, { contract: name, from, to, rule: c.rule, pointer: c.pointer }) ??
          (covered !== undefined && onlyBackward(c) ? { contract: name, from, to, rule: c.rule, pointer: c.pointer, reason: covered } : undefined);
        const judged = judge(result, mode, options.allowUnknown ?? false, ack, locator(b));
        pairs.push({
          contract: name, from, to, check: from === to - 1 ? "consecutive" : "transitive", mode,
          oldFile: a.loaded.file, newFile: b.loaded.file, verdict: result.verdict, changes: judged.changes, ok: judged.ok,
        });
      }
    }
  }
  return { ok: problems.length === 0 && pairs.every((p) => p.ok), pairs, problems };
}

/**
 * Lets this thread's other events run every ~20 ms of comparisons. Why: in `check`, drift runs while the migration
 * gate's type-check threads work (src/api/steps.ts), and a thread's next batch is sent when its last reply is read,
 * which a run of comparisons awaiting only promises would hold back for seconds. Between pairs, so it changes no
 * comparison's time budget.
 */
function breather(): () => Promise<void> {
  // `Date.now`, not `performance.now`: the first use of `performance` loads perf_hooks (ten modules), and a
  // 20 ms period needs no finer clock.
  let last = Date.now();
  return async () => {
    if (Date.now() - last < 20) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = Date.now();
  };
}

/**
 * A consecutive step whose migration is implemented covers that step's backward breaks: old data is upgraded
 * instead of read as is. Forward breaks are not covered (old consumers still receive new data).
 */
function coveringMigration(project: Project, source: ContractSource, from: number): string | undefined {
  const step = migrationSteps(project, source).find((s) => s.from === from);
  if (step === undefined || stepStatus(step).status !== "implemented") return undefined;
  return `covered by the implemented migration ${step.display}`;
}

function onlyBackward(c: Change): boolean {
  return [...c.breaks, ...(c.unknown ?? [])].every((d) => d === "backward");
}

interface LoadedContract {
  readonly source: ContractSource;
  readonly versions: Map<number, MappedSchema>;
}

function loadContracts(project: Project, only?: ReadonlySet<string>, discovered?: readonly ContractSource[]): Map<string, LoadedContract> {
  const contracts = discovered?.filter((c) => only === undefined || only.has(c.name)) ?? discoverAll(project, only);
  const cache = new LoadCache();
  const ctx = { schemasDir: project.schemasDir, rootDir: project.rootDir, cache };
  const out = new Map<string, LoadedContract>();
  for (const source of contracts) {
    const versions = new Map<number, MappedSchema>();
    for (const v of source.versions) versions.set(v.version, loadSchemaFileMapped(v.file, ctx));
    out.set(source.name, { source, versions });
  }
  return out;
}

function discoverAll(project: Project, only?: ReadonlySet<string>): readonly ContractSource[] {
  const discovery = only === undefined ? discoverContracts(project) : discoverNamed(project, only);
  if (discovery.problems.length > 0) throw new InputError(discovery.problems[0]!);
  return discovery.contracts;
}

/** For `diff`: locations in a plain file. */
export function fileLocator(absFile: string, display: string): (pointer: string) => Location | undefined {
  const doc = readDocument(absFile, display);
  return (pointer) => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
      const lc = doc.locate(p);
      if (lc !== undefined) return { file: display, pointer: p, ...lc };
      if (p === "") return { file: display };
    }
  };
}
