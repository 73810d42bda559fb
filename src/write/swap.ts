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
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
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

/** Finishes or undoes a swap an earlier run left halfway (see the steps above). */
export function recoverInterruptedSwap(paths: SwapPaths): void {
  const { outDir, backup, manifest } = paths;
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

/** The carried names; undefined when there is no manifest. An unreadable one carries nothing (the backup is kept until then). */
function readManifest(manifest: string): readonly string[] | undefined {
  let text: string;
  try {
    text = readFileSync(manifest, "utf8");
  } catch {
    return undefined;
  }
  try {
    const names: unknown = JSON.parse(text);
    if (Array.isArray(names) && names.every((n) => typeof n === "string" && n !== "" && !n.includes("/") && !n.includes("\\") && n !== "." && n !== "..")) return names as string[];
  } catch {
    // fall through: a torn manifest was written before any rename (step 1), so nothing needs carrying
  }
  return [];
}
