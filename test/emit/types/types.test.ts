/**
 * emitTypes against the validator, case by case: every value ajv accepts type-checks against the root type (in both
 * module modes, under the strictest compiler options), and where the type is precise every value ajv rejects does not.
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { arrayCases } from "./cases-arrays.js";
import { compositionCases } from "./cases-composition.js";
import { draftCases } from "./cases-drafts.js";
import { hostileCases } from "./cases-hostile.js";
import { literalCases } from "./cases-literals.js";
import { objectCases } from "./cases-objects.js";
import { refCases } from "./cases-refs.js";
import { assertWellFormed, type CaseOutcome, runCases, type TypeCase } from "./harness.js";

const groups: Readonly<Record<string, readonly TypeCase[]>> = {
  objects: objectCases,
  arrays: arrayCases,
  composition: compositionCases,
  literals: literalCases,
  refs: refCases,
  drafts: draftCases,
  hostile: hostileCases,
};
const cases = Object.values(groups).flat();

describe("emitTypes", () => {
  let outcomes: CaseOutcome[] = [];
  before(async () => {
    outcomes = await runCases(cases);
  });

  for (const [group, list] of Object.entries(groups)) {
    describe(group, () => {
      for (const c of list) {
        it(c.name, () => {
          const outcome = outcomes[cases.indexOf(c)]!;
          const show = `\n--- emitted ---\n${outcome.source}`;
          assert.deepEqual(outcome.problems, [], c.name);
          assertWellFormed(outcome.source);
          assert.deepEqual(
            outcome.errors.map((d) => d.text),
            [],
            `accepted values must type-check${show}`,
          );
          for (const [k, rejected] of outcome.rejected.entries()) {
            assert.ok(rejected, `${JSON.stringify(c.rejectsIfPrecise![k])} must not type-check${show}`);
          }
          for (const text of c.contains ?? [])
            assert.ok(outcome.source.includes(text), `must contain ${JSON.stringify(text)}${show}`);
          for (const text of c.excludes ?? [])
            assert.ok(!outcome.source.includes(text), `must not contain ${JSON.stringify(text)}${show}`);
        });
      }
    });
  }
});
