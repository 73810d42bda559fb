/**
 * Replacing the output folder so that it is never a silent mix of old and new modules.
 *
 * The new tree is written into a staging folder beside the old one, holding every top-level entry that changed;
 * the top-level folders that did not change (most of them when one contract of a thousand changed) are carried
 * over by renaming them, so they keep their bytes and inodes and cost neither a write now nor a re-hash in the
 * next run. The order, and what an interrupted run leaves behind:
 *
 *   1. staging written; the names to carry recorded in `.<out>.llm-contracts-carry`  (old tree intact)
 *   2. out -> `.<out>.llm-contracts-old`                                              (out missing: restore the backup)
 *   3. staging -> out                                                                 (new tree, carried folders missing)
 *   4. each carried folder: backup/<name> -> out/<name>; then the manifest and the backup are removed
 *
 * A build that finds the leftovers of steps 2–4 finishes or undoes the swap before doing anything else. Between
 * 3 and 4 the folder lacks whole contract folders: imports of them fail loudly, nothing validates with the wrong
 * schema, and `check` reports the missing files.
 *
 * When only a few top-level entries change (one contract of a thousand), renaming every other folder back costs
 * more than the change: then the changed entries alone are replaced (`replaceEntries`), with the same guarantee.
 *
 *   1. staging holds the new entries; the manifest names the entries to replace and to remove, and the staging
 *   2. every old entry named moves into the backup          (those entries missing: imports of them fail loudly)
 *   3. every new entry moves from staging into the folder   (each entry is old, new or missing; never a mix of two runs)
 *   4. backup, staging and manifest are removed
 *
 * A build that finds the manifest finishes the steps: no entry goes in before its old version is out.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { rmSync } from "../contain/stat.js";
import { OUTPUT_FILE_LIMIT, readRegular } from "../contain/read-regular.js";
import path from "node:path";

export interface SwapPaths {
  readonly outDir: string;
  readonly backup: string;
  readonly manifest: string;
}

export function swapPaths(outDir: string): SwapPaths {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  return { outDir, backup: path.join(parent, `.${base}.llm-contracts-old`), manifest: path.join(parent, `.${base}.llm-contracts-carry`) };
}

/** Swaps `staging` in as the output folder, carrying the top-level folders named in `carry` over from the old one. */
export function swapIn(paths: SwapPaths, staging: string, carry: readonly string[]): void {
  const { outDir, backup, manifest } = paths;
  writeManifest(manifest, carry);
  if (existsSync(outDir)) renameSync(outDir, backup);
  renameSync(staging, outDir);
  finishCarry(paths, carry);
}

/** Replaces only the named top-level entries of the output folder (see the second list of steps above). */
export function replaceEntries(paths: SwapPaths, staging: string, replace: readonly string[], remove: readonly string[]): void {
  const plan: EntryPlan = { replace, remove, staging: path.basename(staging) };
  const tmp = `${paths.manifest}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(plan)}\n`, "utf8");
  renameSync(tmp, paths.manifest);
  finishEntries(paths, plan);
}

interface EntryPlan {
  readonly replace: readonly string[];
  readonly remove: readonly string[];
  /** The staging folder's name, beside the output folder. */
  readonly staging: string;
}

function finishEntries({ outDir, backup, manifest }: SwapPaths, plan: EntryPlan): void {
  const staging = path.join(path.dirname(outDir), plan.staging);
  mkdirSync(backup, { recursive: true });
  // Old entries out first: one still waiting in the staging has not gone in yet, so what is in its place is old.
  for (const name of [...plan.replace, ...plan.remove]) {
    const waiting = plan.remove.includes(name) || existsSync(path.join(staging, name));
    if (waiting && existsSync(path.join(outDir, name)) && !existsSync(path.join(backup, name))) renameSync(path.join(outDir, name), path.join(backup, name));
  }
  for (const name of plan.replace) {
    const from = path.join(staging, name);
    if (existsSync(from)) renameSync(from, path.join(outDir, name));
  }
  rmSync(backup, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
  rmSync(manifest, { force: true });
}

/** Finishes or undoes a swap an earlier run left halfway (see the steps above). */
export function recoverInterruptedSwap(paths: SwapPaths): void {
  const { outDir, backup, manifest } = paths;
  const entries = readEntryPlan(manifest, paths);
  if (entries !== undefined) {
    if (existsSync(outDir)) finishEntries(paths, entries);
    else rmSync(manifest, { force: true });
    return;
  }
  const carry = readManifest(manifest);
  if (!existsSync(backup)) {
    rmSync(manifest, { force: true });
    return;
  }
  if (!existsSync(outDir)) {
    renameSync(backup, outDir);
    rmSync(manifest, { force: true });
    return;
  }
  finishCarry(paths, carry ?? []);
}

function finishCarry({ outDir, backup, manifest }: SwapPaths, carry: readonly string[]): void {
  for (const name of carry) {
    const from = path.join(backup, name);
    const to = path.join(outDir, name);
    if (existsSync(from) && !existsSync(to)) renameSync(from, to);
  }
  rmSync(manifest, { force: true });
  rmSync(backup, { recursive: true, force: true });
}

function writeManifest(manifest: string, carry: readonly string[]): void {
  const tmp = `${manifest}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(carry)}\n`, "utf8");
  renameSync(tmp, manifest);
}

const isName = (n: unknown): n is string => typeof n === "string" && n !== "" && !n.includes("/") && !n.includes("\\") && n !== "." && n !== "..";

/** The manifest of an entry replacement; undefined when there is none, or it is not one, or it names paths outside. */
function readEntryPlan(manifest: string, paths: SwapPaths): EntryPlan | undefined {
  try {
    const raw = JSON.parse(readManifestText(manifest) ?? "") as Partial<EntryPlan>;
    const prefix = `.${path.basename(paths.outDir)}.llm-contracts-new-`;
    if (!Array.isArray(raw.replace) || !Array.isArray(raw.remove) || !isName(raw.staging) || !raw.staging.startsWith(prefix)) return undefined;
    return raw.replace.every(isName) && raw.remove.every(isName) ? { replace: raw.replace, remove: raw.remove, staging: raw.staging } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A swap manifest's text; undefined when there is none, or it is not a regular file (a named pipe there would hold
 * the run: src/contain/read-regular.ts), or too large to be one this tool wrote.
 */
function readManifestText(manifest: string): string | undefined {
  const read = readRegular(manifest, { limit: OUTPUT_FILE_LIMIT, noFollow: true });
  return read.ok ? read.bytes.toString("utf8") : undefined;
}

/** The carried names; undefined when there is no manifest. An unreadable one carries nothing (the backup is kept until then). */
function readManifest(manifest: string): readonly string[] | undefined {
  const text = readManifestText(manifest);
  if (text === undefined) return undefined;
  try {
    const names: unknown = JSON.parse(text);
    if (Array.isArray(names) && names.every(isName)) return names as string[];
  } catch {
    // fall through: a torn manifest was written before any rename (step 1), so nothing needs carrying
  }
  return [];
}
