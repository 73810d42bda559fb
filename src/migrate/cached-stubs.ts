/**
 * `build`'s migration pass with a memo: a module whose exact text was already found in step with the same target
 * and analysis is not parsed again (ts-morph costs tens of milliseconds per module, and is not even loaded when
 * every module is known to be in step).
 *
 * Planned before anything is written, written after the output folder: a module that is another contract's (two
 * contracts' migrationsDir leading to one folder, shared-folder.ts) is refused while nothing of the run is on disk
 * yet, so a refused build leaves generated/ and every migration module as they were.
 */
import { readSourceIfPresent } from "../load/read-source.js";
import type { CompileResult } from "../shapes/compiled.js";
import type { Project } from "../config/config.js";
import { inputError } from "../errors.js";
import { planSteps, type PlannedStep } from "./plan-steps.js";
import type { StubSync } from "./sync.js";
import type { CacheStore } from "../cache/store.js";

export interface StubPlan {
  /** The modules to write, each with its new text. */
  readonly writes: readonly { readonly file: string; readonly display: string; readonly text: string; readonly existed: boolean }[];
  /** Cache keys of modules found in step, recorded once the run has written its output. */
  readonly inStep: readonly string[];
}

/** What the pass would write; throws `migration.shared-folder` (an input error) before anything is written. */
export async function planStubsCached(project: Project, compiled: Pick<CompileResult, "contracts" | "versions">, store: CacheStore | undefined): Promise<StubPlan> {
  const writes: StubPlan["writes"][number][] = [];
  const inStep: string[] = [];
  const byFile = new Map<string, PlannedStep>();
  let sync: typeof import("../migrate/sync.js") | undefined;
  for (const planned of planSteps(project, compiled)) {
    const file = planned.step.file;
    const first = byFile.get(file);
    if (first !== undefined) {
      // A module on disk that is the other contract's is named as such (shared-folder.ts); else both would write it.
      sync ??= await import("../migrate/sync.js");
      sync.desiredText(project, planned);
      throw sharedModule(planned, first);
    }
    byFile.set(file, planned);
    const current = readSourceIfPresent(file, planned.step.display);
    const key = store === undefined || current === undefined ? undefined : store.key("stub", file, JSON.stringify(planned.target), JSON.stringify(planned.analysis), current);
    if (key !== undefined && store!.get<{ inStep: boolean }>(key)?.inStep === true) continue;
    sync ??= await import("../migrate/sync.js");
    const want = sync.desiredText(project, planned);
    if (want.existed && want.current === want.text) {
      if (key !== undefined) inStep.push(key);
      continue;
    }
    writes.push({ file, display: planned.step.display, text: want.text, existed: want.existed });
  }
  return { writes, inStep };
}

/** Writes what `planStubsCached` planned (each module atomically) and records the modules found in step. */
export async function writeStubs(plan: StubPlan, store: CacheStore | undefined): Promise<StubSync> {
  for (const key of plan.inStep) store?.set(key, { inStep: true });
  if (plan.writes.length === 0) return { created: [], updated: [] };
  const { writeAtomic } = await import("../migrate/sync.js");
  for (const w of plan.writes) writeAtomic(w.file, w.text);
  return { created: plan.writes.filter((w) => !w.existed).map((w) => w.display), updated: plan.writes.filter((w) => w.existed).map((w) => w.display) };
}

/** Two contracts' steps planned into one module (their migrationsDir lead to one folder, and it has no module yet). */
function sharedModule(planned: PlannedStep, first: PlannedStep): Error {
  return inputError(
    "migration.shared-folder",
    { file: planned.step.display },
    `this module would hold both ${first.step.contract}'s and ${planned.step.contract}'s migration: both contracts' migrationsDir lead to one folder; give each contract its own (e.g. src/migrations/${planned.step.contract})`,
  );
}
