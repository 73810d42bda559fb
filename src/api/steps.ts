import type { CheckStep } from "../shapes/check-step.js";

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
