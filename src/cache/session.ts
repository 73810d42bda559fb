/**
 * One run's view of the cache: where it lives, the snapshot of the previous run of the same command, the file
 * hasher (memoised by that snapshot) and, once needed, the content-addressed entry store bound to the tool.
 */
import path from "node:path";
import { CONFIG_FILE, type Project } from "../config/config.js";
import { swapPaths } from "../write/swap.js";
import { FileHasher } from "./files.js";
import { readFileSync } from "node:fs";
import { readSnapshot, snapshotFile, takeSnapshot, verifySnapshot, writeSnapshot, type SnapshotScope, type StoredSnapshot } from "./snapshot.js";
import { snapshotRecords } from "./snapshot-format.js";
import { CacheStore, defaultCacheDir, sha256, writeText } from "./store.js";
import { toolFiles, toolIdentity } from "./tool.js";
import { cacheKey, cacheKeyFile } from "./secret.js";
import { realPathOf } from "../contain/real-path.js";
import { assertApart } from "../contain/folders.js";

export interface CacheOptions {
  /** false: neither read nor write the cache (`--no-cache`). */
  readonly enabled?: boolean;
  /** Overrides `cacheDir` from the config (`--cache-dir`). */
  readonly dir?: string;
}

export function cacheDirOf(project: Project, options: CacheOptions = {}): string | undefined {
  if (options.enabled === false) return undefined;
  return options.dir ?? project.cacheDir ?? defaultCacheDir(project.rootDir);
}

export class CacheSession<R> {
  private readonly previous: StoredSnapshot<R> | undefined;
  readonly hasher: FileHasher;
  private storeValue: CacheStore | undefined;
  private readonly extraTrees = new Set<string>();
  private readonly extraPaths = new Set<string>();
  private provenValue = 0;

  private constructor(
    readonly dir: string,
    private readonly id: string,
    private readonly project: Project,
    readonly startedAt: number,
  ) {
    this.previous = readSnapshot<R>(dir, id);
    const previous = this.previous;
    this.hasher = new FileHasher(startedAt, () => (previous === undefined ? [] : (snapshotRecords(previous)?.files ?? [])), previous?.startedAt ?? 0);
  }

  /** A session for `command` on `project`, or undefined when caching is off. */
  static open<R>(command: string, project: Project, options: CacheOptions = {}): CacheSession<R> | undefined {
    const startedAt = Date.now();
    const dir = cacheDirOf(project, options);
    if (dir === undefined) return undefined;
    // `--cache-dir` may lie outside the project (the invoker chose it), but never over the schemas or the output.
    if (options.dir !== undefined) assertApart(project.schemasDir, [{ setting: "outDir", dir: project.outDir, file: "outDir" }, { setting: "--cache-dir", dir: options.dir, file: options.dir }]);
    if (!keyUsable(path.resolve(dir), project)) return undefined;
    const id = JSON.stringify({
      command,
      rootDir: project.rootDir,
      configFile: project.configFile ?? null,
      schemasDir: project.schemasDir,
      outDir: project.outDir,
    });
    return new CacheSession<R>(path.resolve(dir), id, project, startedAt);
  }

  /** The previous run's result when nothing it depended on has changed. */
  replay(): R | undefined {
    if (this.previous === undefined) return undefined;
    const verdict = verifySnapshot(this.previous, this.startedAt);
    this.provenValue = verdict.proven;
    if (!verdict.ok) return undefined;
    if (verdict.refresh !== undefined) writeSnapshot(this.dir, this.id, verdict.refresh);
    return withoutUnits(this.previous.result);
  }

  /**
   * How many entries of the previous snapshot, from the first, `replay` proved unchanged by stat alone (0 before
   * it ran): listing the changes (src/incremental/changes.ts) takes them as recorded instead of stat-ing them again.
   */
  get provenEntries(): number {
    return this.provenValue;
  }

  /** The previous run's snapshot (what it depended on, as recorded), if any. */
  get previousSnapshot(): StoredSnapshot<R> | undefined {
    return this.previous;
  }

  /**
   * The per-contract state the previous run recorded beside its snapshot (src/incremental), as text; undefined
   * when it left none or the file is not the one its snapshot names.
   */
  previousUnits(): string | undefined {
    const id = (this.previous?.result as Record<string, unknown> | undefined)?.[UNITS];
    if (typeof id !== "string") return undefined;
    let text: string;
    try {
      text = readFileSync(this.unitsFile(), "utf8");
    } catch {
      return undefined;
    }
    return sha256(text) === id ? text : undefined;
  }

  private unitsFile(): string {
    return `${snapshotFile(this.dir, this.id).file.slice(0, -4)}.units.json`;
  }

  /** Entries bound to this tool build (hashing the tool's files on first use). */
  store(): CacheStore {
    if (this.storeValue === undefined) {
      const hashes = new Map<string, string>();
      for (const file of toolFiles()) hashes.set(file, file.startsWith("missing:") ? "missing" : (this.hasher.hash(file) ?? "unreadable"));
      this.storeValue = new CacheStore(this.dir, toolIdentity(hashes));
    }
    return this.storeValue;
  }

  /** Something outside the default scope this run's result depends on (a migrations folder elsewhere, a .d.ts). */
  dependOnTree(dir: string): void {
    this.extraTrees.add(dir);
  }

  dependOnFile(file: string): void {
    this.extraPaths.add(file);
  }

  /**
   * Records the scope with `result` for the next run, and `units` (per-contract state, src/incremental) beside it.
   * The snapshot names the units file by its hash, so a units file left by another run is never paired with it.
   */
  record(result: R, units?: string, reuse?: SnapshotScope["reuse"]): void {
    const p = this.project;
    const { backup, manifest } = swapPaths(p.outDir);
    const trees = [p.schemasDir, p.outDir, ...this.extraTrees].filter((t) => !isInside(t, this.dir));
    const paths = [p.configFile ?? path.join(p.rootDir, CONFIG_FILE), backup, manifest, ...toolFiles().filter((f) => !f.startsWith("missing:")), ...this.extraPaths];
    let recorded: R = result;
    if (units !== undefined) {
      writeText(this.unitsFile(), units);
      recorded = { ...result, [UNITS]: sha256(units) };
    }
    writeSnapshot(this.dir, this.id, takeSnapshot({ trees, paths, ...(reuse !== undefined ? { reuse } : {}) }, this.hasher, recorded));
  }
}

/** The key under which a recorded result names its units file (never part of a replayed result). */
const UNITS = "$units";

function withoutUnits<R>(result: R): R {
  if (result === null || typeof result !== "object" || !(UNITS in result)) return result;
  const { [UNITS]: _units, ...rest } = result as Record<string, unknown>;
  return rest as R;
}

/**
 * The cache is used only with a key that those who can write the cache or the project cannot read: a key file
 * inside either (by real path) authenticates nothing, so the run goes without the cache.
 */
function keyUsable(dir: string, project: Project): boolean {
  const file = cacheKeyFile();
  if (file === undefined || cacheKey(file) === undefined) return false;
  const real = realPathOf(file);
  return ![realPathOf(dir), realPathOf(project.rootDir)].some((d) => isInside(real, d));
}

function isInside(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent + path.sep);
}
