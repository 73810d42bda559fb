import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, writeFileSync } from "node:fs";
import { lstatSync, rmSync } from "../contain/stat.js";
import { OUTPUT_FILE_LIMIT, readRegular } from "../contain/read-regular.js";
import path from "node:path";
import { inputError } from "../errors.js";
import { readBanner } from "../emit/codegen/module.js";
import { cmp } from "../discover/discover.js";
import { diffPlan, isEmptyDiff, type PlanDiff, type WritePlan } from "./plan.js";
import { recoverInterruptedSwap, replaceEntries, swapIn, swapPaths } from "./swap.js";
import { clearLeftovers, lockOutput } from "./lock.js";
import { environmentError } from "../fault/environment.js";
import type { StreamedOutput } from "./stream.js";

export interface ApplyResult {
  readonly changed: boolean;
  readonly diff: PlanDiff;
}

/**
 * Writes a plan so that the output folder is never a silent mix of old and new modules (see swap.ts).
 * Nothing is touched when the folder already matches the plan; top-level folders whose every file matches are
 * carried over from the old tree instead of being written again, and so are the folders named in `keep`.
 */
export function applyPlan(outDir: string, plan: WritePlan, displayOutDir: string, hashOf?: (file: string) => string | undefined, keep?: ReadonlySet<string>, streamed?: StreamedOutput): ApplyResult {
  const st = lstatSync(outDir, { throwIfNoEntry: false });
  if (st !== undefined && !st.isDirectory()) {
    throw inputError("generated.not-a-folder", { file: displayOutDir }, "the output folder is a file (or a link); move it away or choose another outDir");
  }
  try {
    mkdirSync(path.dirname(outDir), { recursive: true });
  } catch (error) {
    throw environmentError(error, displayOutDir);
  }
  // One run at a time per output folder (lock.ts); a second one waits.
  const lock = lockOutput(outDir, displayOutDir);
  try {
    return applyLocked(outDir, plan, displayOutDir, hashOf, keep, streamed);
  } finally {
    // Taken over as the staging, or not needed: either way nothing of it outlives the apply.
    streamed?.discard();
    lock.release();
  }
}

function applyLocked(outDir: string, plan: WritePlan, displayOutDir: string, hashOf?: (file: string) => string | undefined, keep?: ReadonlySet<string>, streamed?: StreamedOutput): ApplyResult {
  const paths = swapPaths(outDir);
  recoverInterruptedSwap(paths);
  // Holding the lock, every staging folder and temp file beside the output folder is a dead run's.
  clearLeftovers(outDir);
  const diff = diffPlan(outDir, plan, hashOf, keep);
  // A file equal to its planned text carries our banner; only the others need reading.
  assertOwned(outDir, displayOutDir, [...diff.stale, ...diff.edited, ...diff.extra]);
  if (isEmptyDiff(diff)) return { changed: false, diff };

  const carry = carriedFolders(plan, diff);
  // Folders a partial plan leaves alone are carried as they are (an incremental run proved them unchanged).
  for (const name of keep ?? []) if (existsSync(path.join(outDir, name))) carry.add(name);
  const entries = changedEntries(outDir, plan, diff, keep);
  // Replacing a few entries costs two renames each; the whole-folder swap costs one per carried folder.
  const replacing = entries !== undefined && 2 * (entries.replace.length + entries.remove.length) < carry.size;
  const staging = path.join(path.dirname(outDir), `.${path.basename(outDir)}.llm-contracts-new-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const made = new Set<string>();
    const wanted = replacing ? new Set(entries.replace) : undefined;
    // The files streamed during the compile serve only a staging of the whole plan (a cold build's): see stream.ts.
    const prestaged = wanted === undefined && carry.size === 0 ? takeStream(streamed, staging, plan) : undefined;
    mkdirSync(staging, { recursive: true });
    for (const [rel, text] of plan) {
      if (wanted !== undefined ? !wanted.has(entryOf(rel)) : carry.has(topLevel(rel))) continue;
      if (prestaged?.get(rel) === text) continue;
      const file = path.join(staging, ...rel.split("/"));
      const dir = path.dirname(file);
      // One mkdir per folder, not per file: a build of thousands of contracts writes several files into each.
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      writeFileSync(file, text, "utf8");
    }
    if (replacing) replaceEntries(paths, staging, entries.replace, entries.remove);
    else swapIn(paths, staging, [...carry].sort(cmp));
  } catch (error) {
    // Out of space, permission denied: the staging goes, the old tree is put back as it was.
    rmSync(staging, { recursive: true, force: true });
    recoverInterruptedSwap(paths);
    throw environmentError(error, displayOutDir);
  }
  return { changed: true, diff };
}

/**
 * Moves the streamed folder in as the staging and returns what it holds. A streamed file the final plan does not
 * have is removed, with the folders it leaves empty, so the staging holds exactly what a write of the plan would.
 * undefined (and nothing moved) when there is no usable stream.
 */
function takeStream(streamed: StreamedOutput | undefined, staging: string, plan: WritePlan): ReadonlyMap<string, string> | undefined {
  if (streamed === undefined || !streamed.ok || streamed.written.size === 0) return undefined;
  try {
    renameSync(streamed.dir, staging);
  } catch {
    return undefined; // the plan is written whole instead
  }
  const held = new Map(streamed.written);
  for (const rel of [...held.keys()]) {
    if (plan.has(rel)) continue;
    held.delete(rel);
    const parts = rel.split("/");
    rmSync(path.join(staging, ...parts), { force: true });
    for (let n = parts.length - 1; n > 0; n--) {
      const dir = path.join(staging, ...parts.slice(0, n));
      if (readdirSync(dir).length > 0) break;
      rmdirSync(dir);
    }
  }
  return held;
}

/** The top-level entry a planned path is in: its folder, or the file itself at the top. */
function entryOf(rel: string): string {
  const slash = rel.indexOf("/");
  return slash === -1 ? rel : rel.slice(0, slash);
}

/**
 * The top-level entries that differ from the plan (to replace) and the old ones it no longer has (to remove), or
 * undefined when the output folder does not exist yet.
 */
function changedEntries(outDir: string, plan: WritePlan, diff: PlanDiff, keep: ReadonlySet<string> | undefined): { replace: string[]; remove: string[] } | undefined {
  if (!existsSync(outDir)) return undefined;
  const planned = new Set([...plan.keys()].map(entryOf));
  const dirty = new Set([...diff.missing, ...diff.stale, ...diff.edited, ...diff.extra].map(entryOf));
  const replace = [...dirty].filter((e) => planned.has(e)).sort(cmp);
  const remove = readdirSync(outDir).filter((e) => !planned.has(e) && keep?.has(e) !== true).sort(cmp);
  return { replace, remove };
}

function topLevel(rel: string): string {
  const slash = rel.indexOf("/");
  return slash === -1 ? "" : rel.slice(0, slash);
}

/** Top-level folders of the plan whose files all match the old tree, with nothing missing or left over in them. */
function carriedFolders(plan: WritePlan, diff: PlanDiff): Set<string> {
  const dirty = new Set([...diff.missing, ...diff.stale, ...diff.edited, ...diff.extra].map(topLevel));
  const carry = new Set<string>();
  for (const rel of plan.keys()) {
    const top = topLevel(rel);
    if (top !== "" && !dirty.has(top)) carry.add(top);
  }
  return carry;
}

/**
 * The output folder belongs to the tool and is replaced whole, so refuse to replace one that holds files we did
 * not generate (a misconfigured `outDir` pointing at source code must not be wiped).
 */
function assertOwned(outDir: string, displayOutDir: string, files: readonly string[]): void {
  for (const rel of [...files].sort(cmp)) {
    const file = path.join(outDir, ...rel.split("/"));
    // A link is never followed (it may lead out of the project), nor a pipe read: it is not ours.
    const read = readRegular(file, { limit: OUTPUT_FILE_LIMIT, noFollow: true });
    const text = read.ok ? read.bytes.toString("utf8") : "";
    if (readBanner(text) === undefined) {
      throw inputError(
        "generated.foreign-file",
        { file: `${displayOutDir}/${rel}` },
        "the output folder holds a file llm-contracts did not generate; move it away or choose another outDir",
      );
    }
  }
}
