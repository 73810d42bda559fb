import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inputError } from "../errors.js";
import { readBanner } from "../emit/codegen/module.js";
import { cmp } from "../discover/discover.js";
import { diffPlan, isEmptyDiff, type PlanDiff, type WritePlan } from "./plan.js";

export interface ApplyResult {
  readonly changed: boolean;
  readonly diff: PlanDiff;
}

/**
 * Writes a plan so that the output folder is either entirely old or entirely new.
 *
 * Why a folder swap: writing files one by one leaves a mix of old and new modules if the process dies halfway,
 * and a mix can type-check yet validate with the wrong schema. The new tree is written beside the old one and
 * swapped in with two renames; a build that finds the backup of an interrupted swap restores it first.
 * Nothing is touched when the folder already matches the plan.
 */
export function applyPlan(outDir: string, plan: WritePlan, displayOutDir: string, hashOf?: (file: string) => string | undefined): ApplyResult {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  const backup = path.join(parent, `.${base}.llm-contracts-old`);
  recoverInterruptedSwap(outDir, backup);
  const diff = diffPlan(outDir, plan, hashOf);
  // A file equal to its planned text carries our banner; only the others need reading.
  assertOwned(outDir, displayOutDir, [...diff.stale, ...diff.edited, ...diff.extra]);
  if (isEmptyDiff(diff)) return { changed: false, diff };

  const staging = path.join(parent, `.${base}.llm-contracts-new-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const made = new Set<string>();
    for (const [rel, text] of plan) {
      const file = path.join(staging, ...rel.split("/"));
      const dir = path.dirname(file);
      // One mkdir per folder, not per file: a build of thousands of contracts writes several files into each.
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      writeFileSync(file, text, "utf8");
    }
    if (existsSync(outDir)) renameSync(outDir, backup);
    renameSync(staging, outDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    recoverInterruptedSwap(outDir, backup);
    throw error;
  }
  rmSync(backup, { recursive: true, force: true });
  return { changed: true, diff };
}

function recoverInterruptedSwap(outDir: string, backup: string): void {
  if (!existsSync(backup)) return;
  if (existsSync(outDir)) rmSync(backup, { recursive: true, force: true });
  else renameSync(backup, outDir);
}

/**
 * The output folder belongs to the tool and is replaced whole, so refuse to replace one that holds files we did
 * not generate (a misconfigured `outDir` pointing at source code must not be wiped).
 */
function assertOwned(outDir: string, displayOutDir: string, files: readonly string[]): void {
  for (const rel of [...files].sort(cmp)) {
    const text = readFileSync(path.join(outDir, ...rel.split("/")), "utf8");
    if (readBanner(text) === undefined) {
      throw inputError(
        "generated.foreign-file",
        { file: `${displayOutDir}/${rel}` },
        "the output folder holds a file llm-contracts did not generate; move it away or choose another outDir",
      );
    }
  }
}
