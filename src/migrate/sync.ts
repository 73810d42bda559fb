/**
 * `build`'s migration pass: for every consecutive pair of versions, make sure the user's migration module exists
 * and is in step with the generated types. Runs after `generated/` is written, and only for a complete compile.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { rmSync } from "../contain/stat.js";
import { readSourceIfPresent } from "../load/read-source.js";
import path from "node:path";
import { environmentError } from "../fault/environment.js";
import type { CompileResult } from "../shapes/compiled.js";
import type { Project } from "../config/config.js";
import { planSteps, type PlannedStep } from "./plan-steps.js";
import { renderStub, updateStub } from "./stub.js";
import { assertOwnStepModule } from "./shared-folder.js";

export { planSteps, type PlannedStep } from "./plan-steps.js";

export interface StubSync {
  /** Project-relative paths of modules created / updated (imports or signature). */
  readonly created: readonly string[];
  readonly updated: readonly string[];
}

/** The text a step's module should have: a fresh stub, or the user's module brought in step. */
export function desiredText(project: Project, planned: PlannedStep): { text: string; existed: boolean; current?: string } {
  const current = readSourceIfPresent(planned.step.file, planned.step.display);
  if (current === undefined) return { text: renderStub(planned.target, planned.analysis), existed: false };
  assertOwnStepModule(project, planned.step, current);
  return { text: updateStub(current, planned.target, planned.analysis), existed: true, current };
}

export function syncStubs(project: Project, compiled: Pick<CompileResult, "contracts" | "versions">): StubSync {
  const created: string[] = [];
  const updated: string[] = [];
  for (const planned of planSteps(project, compiled)) {
    const want = desiredText(project, planned);
    if (want.existed && want.current === want.text) continue;
    writeAtomic(planned.step.file, want.text);
    (want.existed ? updated : created).push(planned.step.display);
  }
  return { created, updated };
}

/** Temp file in the same folder, then rename: a reader sees the old module or the new one, never half of one. */
export function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, "utf8");
    renameSync(tmp, file);
  } catch (error) {
    // A full disk or a permission names the file meant, not the temp file (removed below).
    throw environmentError(error, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}
