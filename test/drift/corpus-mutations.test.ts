/**
 * Differential soundness on real schemas (issue 10, point 6): every schema of ../shared/corpus/schemastore gets
 * one mutation that real histories show (the operator rotates over the corpus so all 15 are used; when a schema
 * has no site for its operator, the next applies), diffed in both argument orders. Every `compatible` direction
 * is checked with ajv in memory on the instance documents and on independently generated values, every witness is
 * re-checked with ajv, and the two argument orders must agree. Violations must be 0.
 *
 * Budget (CI): 170 pairs, 340 diffs, each bounded by the engine's own budget set here to 100 000 comparisons and
 * 3 s; 80 generated values per compatible direction. Measured: 134 s of CPU, 4 min 20 s wall at load average 5-9
 * on the 2-core machine; 5 min 16 s wall at load average 10-14 (issue 17). The full set (every operator at several sites) is `node dist/bench/drift-corpus.js`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { corpusDir } from "../corpus/schemastore-run.js";
import { REPO_ROOT } from "../util/project.js";
import { OPERATORS } from "./corpus/mutate.js";
import { runMutations } from "./corpus/run.js";

const dir = corpusDir(REPO_ROOT);
/**
 * Unknown directions recorded on this bounded run (issue 17, part A, third round, final commit; load average
 * 7-13, two other processes of mine running): 33 of 680 (4.9%), of which 24 by the engine alone and 9 cut by the
 * 3 s clock; 0 violations. The commit before it (meets not yet limited to object keywords): 26 (22 by the engine,
 * 4 by the clock). An earlier run of the same round, before `shared/names.ts`, at load average 17-20: 53 (24 by
 * the engine, 29 by the clock), which is why the clock's margin is wider than its recorded share.
 * Second round (issue 17, part A; load average 15-26 on the
 * 2-core machine, two runs): 44 of 680 (6.5%), of which 29 by the engine alone and 15 cut by the 3 s clock below
 * (the time budget ran out, or building the witness validators would have overrun it); 0 violations. The run
 * before it in the same window: 57 (30 by the engine, 27 by the clock). Before this round: 89 of 680 (53 by the
 * engine, 36 by the clock) at load average 16-22; before issue 17: 196.
 * The clock's share depends on the machine's load, so each figure has a margin: a lighter machine finishes some
 * of the clock-cut directions and may leave a few of them unknown by the engine; a heavier one cuts more (27 seen).
 */
const RECORDED_JUDGED = 24;
const JUDGED_MARGIN = 8;
const RECORDED_UNKNOWN = 33;
const TIMEOUT_MARGIN = 35;

test("drift corpus mutations › compatible verdicts hold on real instances and generated values; witnesses are real", { skip: dir === undefined ? "../shared/corpus/schemastore is absent" : false }, async () => {
  const f = await runMutations(dir!, {
    operators: (i) => OPERATORS.map((_, j) => OPERATORS[(i + j) % OPERATORS.length]!),
    perOperator: 1,
    perSchema: 1,
    seed: 20261202,
    valuesPerDirection: 80,
    diff: { maxSteps: 100_000, timeoutMs: 3000 },
  });
  const unknown = f.verdicts.backward.unknown + f.verdicts.forward.unknown;
  console.log(`# corpus mutations: ${f.pairs} pairs over ${f.schemas} schemas, backward ${JSON.stringify(f.verdicts.backward)}, forward ${JSON.stringify(f.verdicts.forward)}`);
  console.log(`# values checked ${f.valuesChecked}, witnesses re-checked ${f.witnessesChecked}, unknown ${unknown}/${f.pairs * 4} (cut by the clock ${f.clockUnknown}), not judged ${JSON.stringify(f.notJudged)}, slowest ${f.slowest.name} ${f.slowest.ms.toFixed(0)} ms`);
  for (const v of f.violations) console.log(`# violation: ${v}`);
  for (const [c, n] of Object.entries(f.unknownCauses).sort((x, y) => y[1] - x[1]).slice(0, 12)) console.log(`# unknown cause (directions): ${n} ${c}`);
  assert.deepEqual(f.violations, []);
  // The run must have judged something in every way, or it proves nothing.
  assert.ok(f.pairs >= 150, `pairs judged: ${f.pairs}`);
  assert.equal(Object.keys(f.byOperator).length, OPERATORS.length, `operators used: ${Object.keys(f.byOperator).join(", ")}`);
  for (const d of ["backward", "forward"] as const) {
    assert.ok(f.verdicts[d].compatible > 20 && f.verdicts[d].incompatible > 20, `${d}: ${JSON.stringify(f.verdicts[d])}`);
  }
  assert.ok(f.valuesChecked > 5000, `values checked: ${f.valuesChecked}`);
  assert.ok(f.witnessesChecked > 50, `witnesses checked: ${f.witnessesChecked}`);
  // The unknown rate must not rise above what was recorded (issue 17): the engine's own exactly, with the clock's.
  const judged = unknown - f.clockUnknown;
  assert.ok(judged <= RECORDED_JUDGED + JUDGED_MARGIN, `unknown by the engine alone in ${judged} of ${f.pairs * 4} directions, more than the ${RECORDED_JUDGED} recorded`);
  assert.ok(unknown <= RECORDED_UNKNOWN + TIMEOUT_MARGIN, `unknown in ${unknown} of ${f.pairs * 4} directions, more than the ${RECORDED_UNKNOWN} recorded`);
});
