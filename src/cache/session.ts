/**
 * One run's view of the cache: where it lives, the snapshot of the previous run of the same command, the file
 * hasher (memoised by that snapshot) and, once needed, the content-addressed entry store bound to the tool.
 */
import path from "node:path";
import { CONFIG_FILE, type Project } from "../config/config.js";
import { swapPaths } from "../write/swap.js";
import { FileHasher } from "./files.js";
import { readSnapshot, snapshotFile, takeSnapshot, verifySnapshot, writeSnapshot, type SnapshotScope, type StoredSnapshot } from "./snapshot.js";
import { snapshotRecords } from "./snapshot-format.js";
import { RACY_MS, type FileRecord } from "./files.js";
import { readBounded } from "./read-bounded.js";
import { CacheStore, defaultCacheDir, sha256, writeText } from "./store.js";
import { toolIdentity, toolListing, toolRoot, type FolderStat } from "./tool.js";
import { isFolderStats, provenToolFiles } from "./tool-proof.js";
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
  /** The previous snapshot's file records as a walk of this run met them (src/incremental/changes.ts). */
  private walked: readonly FileRecord[] | undefined;
  private toolList: string[] | undefined;
  /** The signatures of the folders `toolList` was listed from (tool.ts), recorded for the next run's proof. */
  private toolFolders: readonly FolderStat[] | undefined;
  private toolIdentityValue: string | undefined;
  /** The tool files' hashes as the walk proved them, when the identity was taken over rather than computed. */
  private provedTool: ReadonlyMap<string, string> | undefined;
  /** The units text `previousUnits` read and found to be the one the previous snapshot names. */
  private unitsRead: { readonly text: string; readonly id: string } | undefined;
  /** A focused run's contracts outside its focus (src/incremental/focus.ts): their entries are taken as recorded. */
  private trustedValue: ((abs: string) => boolean) | undefined;

  private constructor(
    readonly dir: string,
    private readonly id: string,
    private readonly project: Project,
    readonly startedAt: number,
  ) {
    this.previous = readSnapshot<R>(dir, id);
    const previous = this.previous;
    this.hasher = new FileHasher(startedAt, () => this.walked ?? (previous === undefined ? [] : (snapshotRecords(previous)?.files ?? [])), previous?.startedAt ?? 0);
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

  /**
   * Focuses this run (src/incremental/focus.ts): the previous snapshot's entries `trusted` holds are taken as
   * recorded by the changes walk (src/incremental/changes.ts), not stat-ed. A focused run does not replay.
   */
  trust(trusted: (abs: string) => boolean): void {
    this.trustedValue = trusted;
  }

  /** The entries a focused run takes as recorded (undefined: a whole run, every entry proved). */
  get trusted(): ((abs: string) => boolean) | undefined {
    return this.trustedValue;
  }

  /** The previous run's result when nothing it depended on has changed. */
  replay(): R | undefined {
    if (this.previous === undefined) return undefined;
    const verdict = verifySnapshot(this.previous, this.startedAt, REFRESH_AT);
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

  /**
   * The previous run's result as it recorded it, whether or not its snapshot still holds: for a run that proves by
   * other means that it stands (the examples-only lane, src/incremental/examples-lane.ts).
   */
  previousResult(): R | undefined {
    return this.previous === undefined ? undefined : withoutUnits(this.previous.result);
  }

  /** The units text `previousUnits` read (and found named by the previous snapshot), if it read one. */
  get unitsReadText(): string | undefined {
    return this.unitsRead?.text;
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
    const text = readBounded(this.unitsFile())?.toString("utf8");
    if (text === undefined) return undefined;
    if (sha256(text) !== id) return undefined;
    this.unitsRead = { text, id };
    return text;
  }

  private unitsFile(): string {
    return `${snapshotFile(this.dir, this.id).file.slice(0, -4)}.units.json`;
  }

  /**
   * What a walk of the previous snapshot found (src/incremental/changes.ts), before anything is hashed:
   *   - `records`, the previous snapshot's file records, become the hash memo (no second decode of the snapshot);
   *   - when none of `changed` is one of the tool's files and the tool's file list is the one the previous run
   *     recorded, the tool identity it recorded is taken over. Why that is sound: the previous snapshot recorded
   *     every file of that list, and the walk proved each one unchanged (it is not in `changed`), so hashing them
   *     again would give the same identity; a file added to or removed from the tool changes the list.
   */
  learnFromWalk(records: readonly FileRecord[], changed: readonly string[]): void {
    this.walked = records;
    const tool = (this.previous?.result as Record<string, unknown> | undefined)?.[TOOL];
    if (this.toolIdentityValue !== undefined || !isToolRecord(tool)) return;
    // The list itself, proved unchanged without listing the tool again where the recorded folders allow (tool-proof.ts).
    const listed = this.toolList === undefined && isFolderStats(tool.folders) ? provenToolFiles(toolRoot(), tool.folders, records, tool.list, this.previous!.startedAt - RACY_MS) : undefined;
    if (listed !== undefined) {
      this.toolList = listed;
      this.toolFolders = tool.folders as FolderStat[];
    } else if (tool.list !== sha256(this.toolFiles().join("\n"))) return;
    const files = new Set(this.toolFiles());
    if (changed.some((p) => files.has(p))) return;
    const proved = new Map<string, string>();
    for (const r of records) if (files.has(r[0])) proved.set(r[0], r[5]);
    this.toolIdentityValue = tool.identity;
    this.provedTool = proved;
  }

  private toolFiles(): string[] {
    if (this.toolList === undefined) {
      const listing = toolListing();
      this.toolList = listing.files;
      this.toolFolders = listing.folders;
    }
    return this.toolList;
  }

  /** The tool identity (hashing the tool's files on first use, unless `learnFromWalk` proved the recorded one). */
  private identity(): string {
    if (this.toolIdentityValue === undefined) {
      const hashes = new Map<string, string>();
      for (const file of this.toolFiles()) hashes.set(file, file.startsWith("missing:") ? "missing" : (this.hasher.hash(file) ?? "unreadable"));
      this.toolIdentityValue = toolIdentity(hashes);
    }
    return this.toolIdentityValue;
  }

  private toolStillProved(tools: readonly string[]): boolean {
    const proved = this.provedTool;
    return proved === undefined || tools.every((f) => f.startsWith("missing:") || (proved.has(f) && this.hasher.hash(f) === proved.get(f)));
  }

  /** Entries bound to this tool build. */
  store(): CacheStore {
    return (this.storeValue ??= new CacheStore(this.dir, this.identity()));
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
    const tools = this.toolFiles();
    const paths = [p.configFile ?? path.join(p.rootDir, CONFIG_FILE), backup, manifest, ...tools.filter((f) => !f.startsWith("missing:")), ...this.extraPaths];
    let recorded: R = result;
    if (units !== undefined) {
      // Why equal units are not rewritten: the file holds them already, as this run read and checked them against
      // the previous snapshot's hash (a scoped check after an edited example leaves every unit as it was; at 1,000
      // contracts the file is ~436 KB). Should the file change after that read, the hash the new snapshot names no
      // longer matches it, and the next run reads no units (it redoes the whole project, never a wrong replay).
      const same = units === this.unitsRead?.text;
      if (!same) writeText(this.unitsFile(), units);
      // Equal units keep the hash they were read under (the ~436 KB are not hashed twice).
      recorded = { ...result, [UNITS]: same ? this.unitsRead!.id : sha256(units) };
    }
    // Only an identity this run computed, or took over for files still as proved, is recorded with the files the
    // snapshot records: a tool file rewritten after the walk is recorded with its new hash and without the identity.
    if (this.toolIdentityValue !== undefined && this.toolStillProved(tools)) recorded = { ...recorded, [TOOL]: { identity: this.toolIdentityValue, list: sha256(tools.join("\n")), ...(this.toolFolders !== undefined ? { folders: this.toolFolders } : {}) } };
    const taken = takeSnapshot({ trees, paths, ...(reuse !== undefined ? { reuse } : {}) }, this.hasher, recorded);
    // Records a focused run took over unproved (src/incremental/focus.ts) are as old as the previous snapshot: dated
    // to this run's start, a stat would prove one that the previous run recorded within its racy window (files.ts).
    const carried = this.trustedValue !== undefined && reuse !== undefined && this.previous !== undefined;
    writeSnapshot(this.dir, this.id, carried ? { ...taken, startedAt: Math.min(taken.startedAt, this.previous!.startedAt) } : taken, this.previous);
  }
}

/**
 * How many racily clean entries a replay must have re-hashed before it rewrites the snapshot. Why not one: the
 * usual replay after a commit's check meets just the few files edited right before that check, and re-hashing
 * them costs far less than rewriting the whole ~2.6 MB snapshot at 1,000 contracts; a replay never depends on
 * the rewrite (the snapshot as it was stays exact), and a run that meets many such files (a check right after a
 * build) still writes it.
 */
const REFRESH_AT = 64;

/** The key under which a recorded result names its units file (never part of a replayed result). */
const UNITS = "$units";
/** The key under which a recorded result keeps the tool identity and the hash of the tool's file list (never replayed). */
const TOOL = "$tool";

function isToolRecord(value: unknown): value is { identity: string; list: string; folders?: unknown } {
  const v = value as { identity?: unknown; list?: unknown } | null | undefined;
  return typeof v === "object" && v !== null && typeof v.identity === "string" && typeof v.list === "string";
}

function withoutUnits<R>(result: R): R {
  if (result === null || typeof result !== "object" || !(UNITS in result || TOOL in result)) return result;
  const { [UNITS]: _units, [TOOL]: _tool, ...rest } = result as Record<string, unknown>;
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
