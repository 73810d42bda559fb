import type { CheckStep } from "../shapes/check-step.js";
import { diffSchemas } from "../drift/cached-diff.js";
import { driftStep } from "../drift/step.js";
import { lintCheckStep } from "../lint/check-step.js";
import { migrationCheckStep } from "../migrate/gate.js";
import { publishCheckStep } from "../publish/check-step.js";
import { sideEffectsCheckStep } from "../sdk/side-effects/check-step.js";

export type { CheckStep } from "../shapes/check-step.js";

/**
 * Further checks `check` runs after a complete compile (drift between versions, provider lint, migrations).
 * An explicit, ordered list: no discovery by file name. Each step returns findings; their codes must match
 * `GATE_FINDINGS` in src/exit-codes.ts so that they count as problems (exit 1) and not as input errors (exit 2).
 */
export const CHECK_STEPS: readonly CheckStep[] = [publishCheckStep, lintCheckStep, sideEffectsCheckStep, driftStep, migrationCheckStep(diffSchemas)];
