/**
 * `build`'s migration pass with a memo: a module whose exact text was already found in step with the same target
 * and analysis is not parsed again (ts-morph costs tens of milliseconds per module, and is not even loaded when
 * every module is known to be in step).
 */
import { readSourceIfPresent } from "../load/read-source.js";
import type { CompileResult } from "../shapes/compiled.js";
import type { Project } from "../config/config.js";
import { planSteps } from "./plan-steps.js";
import type { StubSync } from "./sync.js";
import type { CacheStore } from "../cache/store.js";

export async function syncStubsCached(project: Project, compiled: Pick<CompileResult, "contracts" | "versions">, store: CacheStore | undefined): Promise<StubSync> {
  const created: string[] = [];
  const updated: string[] = [];
  let sync: typeof import("../migrate/sync.js") | undefined;
  for (const planned of planSteps(project, compiled)) {
    const file = planned.step.file;
    const current = readSourceIfPresent(file, planned.step.display);
    const key = store === undefined || current === undefined ? undefined : store.key("stub", file, JSON.stringify(planned.target), JSON.stringify(planned.analysis), current);
    if (key !== undefined && store!.get<{ inStep: boolean }>(key)?.inStep === true) continue;
    sync ??= await import("../migrate/sync.js");
    const want = sync.desiredText(project, planned);
    if (want.existed && want.current === want.text) {
      if (key !== undefined) store!.set(key, { inStep: true });
      continue;
    }
    sync.writeAtomic(file, want.text);
    (want.existed ? updated : created).push(planned.step.display);
  }
  return { created, updated };
}
