/**
 * `runSteps` (src/api/steps.ts): the check steps run together, the migration gate started first, and what comes
 * out is what running them one after the other gives: findings in CHECK_STEPS's order, and the error of the first
 * failing step in that order, thrown only once every step has ended.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { CHECK_STEPS, runSteps } from "../../src/api/steps.js";
import type { CheckStep } from "../../src/shapes/check-step.js";
import type { Diagnostic } from "../../src/errors.js";

const step = (name: string): CheckStep => ({ name, run: () => Promise.reject(new Error("not run here")) });
const found = (name: string): Diagnostic[] => [{ code: `${name}.finding`, file: name, message: name }];
const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test("check steps › the migration gate starts first; findings keep the list's order", async () => {
  const steps = ["published", "drift", "migrations", "lint"].map(step);
  const started: string[] = [];
  const out = await runSteps(steps, async (s) => {
    started.push(s.name);
    await tick(s.name === "migrations" ? 30 : 1); // the gate ends last
    return found(s.name);
  });
  assert.deepEqual(started, ["migrations", "published", "drift", "lint"]);
  assert.deepEqual(out, steps.map((s) => found(s.name)));
  assert.ok(CHECK_STEPS.some((s) => s.name === "migrations"), "the gate is a step of check");
});

test("check steps › the first failing step in the list's order is the error, once every step has ended", async () => {
  const steps = ["published", "drift", "migrations"].map(step);
  const ended: string[] = [];
  await assert.rejects(
    runSteps(steps, async (s) => {
      await tick(s.name === "migrations" ? 1 : 20);
      ended.push(s.name);
      if (s.name !== "published") throw new Error(`${s.name} failed`);
      return [];
    }),
    /^Error: drift failed$/,
  );
  assert.deepEqual([...ended].sort(), ["drift", "migrations", "published"]);
});
