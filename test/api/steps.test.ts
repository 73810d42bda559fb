/**
 * `runSteps` (src/api/steps.ts): a step with `start` (the migration gate) does its share on this thread first, the
 * other steps then run one after the other while its threads work, and it is finished last. What comes out is what
 * running them one after the other gives: findings in CHECK_STEPS's order, and the error of the first failing step
 * in that order, thrown only once every step has ended.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { CHECK_STEPS, runSteps } from "../../src/api/steps.js";
import type { CheckStep } from "../../src/shapes/check-step.js";
import type { Diagnostic } from "../../src/errors.js";
import type { Project } from "../../src/config/config.js";
import type { CompileResult } from "../../src/shapes/compiled.js";

const found = (name: string): Diagnostic[] => [{ code: `${name}.finding`, file: name, message: name }];
const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const project = {} as Project;
const compiled = {} as CompileResult;

/** Steps that log what they do; `fail` names the steps that throw (in `run`, or in `finish` for a started one). */
function steps(log: string[], fail: readonly string[] = []): CheckStep[] {
  const plain = (name: string): CheckStep => ({
    name,
    run: async () => {
      log.push(`run ${name}`);
      await tick(5);
      if (fail.includes(name)) throw new Error(`${name} failed`);
      log.push(`ran ${name}`);
      return found(name);
    },
  });
  const gate: CheckStep = {
    name: "migrations",
    run: () => Promise.reject(new Error("a started step is not run")),
    start: async () => {
      log.push("start migrations");
      return {
        finish: async () => {
          log.push("finish migrations");
          if (fail.includes("migrations")) throw new Error("migrations failed");
          return found("migrations");
        },
      };
    },
  };
  return [plain("published"), plain("drift"), gate, plain("lint")];
}

test("check steps › the gate starts first and finishes last; the others run one after the other; findings in order", async () => {
  const log: string[] = [];
  const out = await runSteps(steps(log), project, compiled);
  assert.deepEqual(log, ["start migrations", "run published", "ran published", "run drift", "ran drift", "run lint", "ran lint", "finish migrations"]);
  assert.deepEqual(out, ["published", "drift", "migrations", "lint"].map(found));
  assert.ok(CHECK_STEPS.some((s) => s.name === "migrations" && s.start !== undefined), "the gate is a started step of check");
});

test("check steps › the first failing step in the list's order is the error, once every step has ended", async () => {
  const log: string[] = [];
  await assert.rejects(runSteps(steps(log, ["migrations", "drift"]), project, compiled), /^Error: drift failed$/);
  assert.deepEqual(log.at(-1), "finish migrations");
  assert.ok(log.includes("ran lint"));
  await assert.rejects(runSteps(steps([], ["migrations", "lint"]), project, compiled), /^Error: migrations failed$/);
});
