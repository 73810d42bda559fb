import type { CheckStep } from "../shapes/check-step.js";
import type { Diagnostic } from "../errors.js";
import type { Project } from "../config/config.js";
import type { CompileResult } from "../shapes/compiled.js";

export type { CheckStep } from "../shapes/check-step.js";

/*
 * Why each step is imported when it runs: importing a step imports what it checks with (drift's engine, the
 * migration gate's TypeScript settings, lint's profiles). A `check` that runs no step for any contract (a golden
 * example edited: src/incremental/settled.ts) must not pay for loading them.
 */

/** Each lazy step's import (`runSteps` starts them all at once). */
const imports = new WeakMap<CheckStep, () => Promise<unknown>>();

const lazy = (name: string, load: () => Promise<CheckStep>): CheckStep => {
  const step: CheckStep = { name, run: async (project, compiled) => (await load()).run(project, compiled) };
  imports.set(step, load);
  return step;
};

/** `lazy` for a step with a `start` (see `runSteps`). */
const lazyStarted = (name: string, load: () => Promise<CheckStep>): CheckStep => {
  const step: CheckStep = {
    ...lazy(name, load),
    start: async (project, compiled) => {
      const loaded = await load();
      return loaded.start !== undefined ? loaded.start(project, compiled) : { finish: () => loaded.run(project, compiled) };
    },
  };
  imports.set(step, load);
  return step;
};

/**
 * Further checks `check` runs after a complete compile (drift between versions, provider lint, migrations).
 * An explicit, ordered list: no discovery by file name. Each step returns findings; their codes must match
 * `GATE_FINDINGS` in src/exit-codes.ts so that they count as problems (exit 1) and not as input errors (exit 2).
 */
export const CHECK_STEPS: readonly CheckStep[] = [
  lazy("published", async () => (await import("../publish/check-step.js")).publishCheckStep),
  lazy("lint", async () => (await import("../lint/check-step.js")).lintCheckStep),
  lazy("side-effects", async () => (await import("../sdk/side-effects/check-step.js")).sideEffectsCheckStep),
  lazy("drift", async () => (await import("../drift/step.js")).driftStep),
  lazyStarted("migrations", async () => {
    const [{ migrationCheckStep }, { diffSchemas }] = await Promise.all([import("../migrate/gate.js"), import("../drift/cached-diff.js")]);
    return migrationCheckStep(diffSchemas);
  }),
];

/**
 * Every step's findings, in CHECK_STEPS's order, as running them one after the other gives. A step that works in
 * other threads (`start`: the migration gate's type-check) is started first; the other steps then run one after
 * the other on this thread while those threads work, and the started steps are finished last. When some fail, the
 * error thrown is the one of the first failing step in CHECK_STEPS's order, once every step has ended.
 */
export async function runSteps(steps: readonly CheckStep[], project: Project, compiled: CompileResult): Promise<Diagnostic[][]> {
  // Every step's modules are imported at once, before the first step runs: the loader then reads one step's files
  // while it compiles another's, instead of one step after the other (a check that redid one contract spent ~15 ms
  // importing them). A failed import is the failure of its step, which imports it again when it runs.
  for (const step of steps) imports.get(step)?.().catch(() => undefined);
  const outcomes = new Array<{ found: readonly Diagnostic[] } | { error: unknown }>(steps.length);
  const started = new Map<number, { finish(): Promise<readonly Diagnostic[]> }>();
  const attempt = async (i: number, work: () => Promise<readonly Diagnostic[]>): Promise<void> => {
    try {
      outcomes[i] = { found: await work() };
    } catch (error) {
      outcomes[i] = { error };
    }
  };
  for (const [i, step] of steps.entries()) {
    if (step.start === undefined) continue;
    try {
      started.set(i, await step.start(project, compiled));
    } catch (error) {
      outcomes[i] = { error };
    }
  }
  for (const [i, step] of steps.entries()) if (step.start === undefined) await attempt(i, () => step.run(project, compiled));
  for (const [i, handle] of started) await attempt(i, () => handle.finish());
  return outcomes.map((o) => {
    if ("error" in o) throw o.error;
    return [...o.found];
  });
}
