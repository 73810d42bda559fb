import type { CheckStep } from "../shapes/check-step.js";
import type { Diagnostic } from "../errors.js";

export type { CheckStep } from "../shapes/check-step.js";

/*
 * Why each step is imported when it runs: importing a step imports what it checks with (drift's engine, the
 * migration gate's TypeScript settings, lint's profiles). A `check` that runs no step for any contract (a golden
 * example edited: src/incremental/settled.ts) must not pay for loading them.
 */
const lazy = (name: string, load: () => Promise<CheckStep>): CheckStep => ({ name, run: async (project, compiled) => (await load()).run(project, compiled) });

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
  lazy("migrations", async () => {
    const [{ migrationCheckStep }, { diffSchemas }] = await Promise.all([import("../migrate/gate.js"), import("../drift/cached-diff.js")]);
    return migrationCheckStep(diffSchemas);
  }),
];

/**
 * The order the steps start in; their findings keep CHECK_STEPS's order (see `runSteps`). The migration gate
 * starts first: once it has keyed its chains, its type-check runs in worker threads for seconds on a cold run,
 * and drift's comparisons run on this thread meanwhile instead of before it.
 */
const STARTS_FIRST = ["migrations"];

/**
 * Every step's findings, in CHECK_STEPS's order. The steps run together (each awaits its own work; none reads
 * another's findings or output), started in the order above. When some fail, the error thrown is the one of the
 * first failing step in CHECK_STEPS's order, as when they ran one after the other; no step is left running.
 */
export async function runSteps(steps: readonly CheckStep[], run: (step: CheckStep) => Promise<readonly Diagnostic[]>): Promise<Diagnostic[][]> {
  const order = [...steps.keys()].sort((a, b) => rank(steps[a]!) - rank(steps[b]!) || a - b);
  const started = new Array<Promise<readonly Diagnostic[]>>(steps.length);
  for (const i of order) started[i] = run(steps[i]!);
  const settled = await Promise.allSettled(started);
  return settled.map((s) => {
    if (s.status === "rejected") throw s.reason;
    return [...s.value];
  });
}

function rank(step: CheckStep): number {
  const i = STARTS_FIRST.indexOf(step.name);
  return i < 0 ? STARTS_FIRST.length : i;
}
