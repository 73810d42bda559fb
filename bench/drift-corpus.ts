/**
 * The full differential soundness run of the drift engine on ../shared/corpus/schemastore (issue 10, point 6):
 * every mutation operator at up to 2 sites of every schema, both argument orders, then every schema against
 * itself. Prints pairs, verdicts per direction, values and witnesses checked, violations, the slowest diffs, the
 * unknown rate and the remaining unknown causes. Exit 1 on any violation.
 * --ops K: K operators per schema, rotated over the corpus so every operator is used (default: all 15).
 * --timeout MS: the per-diff budget (default: the engine's own). --max-seconds S: start no schema after S seconds.
 *   node dist/bench/drift-corpus.js [--ops K] [--timeout MS] [--per N] [--values N] [--seed N] [--only a.json,b.json] [--no-self]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { diffSchemas } from "../src/drift/diff.js";
import { loadSchemaFile } from "../src/load/index.js";
import { corpusDir, corpusFiles } from "../test/corpus/schemastore-run.js";
import { OPERATORS, rotation } from "../test/drift/corpus/mutate.js";
import { runMutations } from "../test/drift/corpus/run.js";
import { REPO_ROOT } from "../test/util/project.js";

const { values: args } = parseArgs({
  options: { per: { type: "string" }, ops: { type: "string" }, timeout: { type: "string" }, "max-seconds": { type: "string" }, values: { type: "string" }, seed: { type: "string" }, only: { type: "string" }, "no-self": { type: "boolean" }, verbose: { type: "boolean" } },
});
const dir = corpusDir(REPO_ROOT);
if (dir === undefined) {
  console.log("skip: ../shared/corpus/schemastore is absent");
  process.exit(0);
}
const only = args.only?.split(",");
const started = performance.now();
const f = await runMutations(dir, {
  operators: args.ops === undefined ? () => OPERATORS : rotation(Number(args.ops)),
  perOperator: Number(args.per ?? 2),
  seed: Number(args.seed ?? 20261202),
  valuesPerDirection: Number(args.values ?? 300),
  diff: args.timeout === undefined ? {} : { timeoutMs: Number(args.timeout) },
  ...(only !== undefined ? { only } : {}),
  ...(args["max-seconds"] !== undefined ? { stopAfterMs: Number(args["max-seconds"]) * 1000 } : {}),
  ...(args.verbose === true ? { onPair: (l: string) => console.log(`  ${l}`) } : {}),
});
const directions = f.pairs * 4;
const unknown = f.verdicts.backward.unknown + f.verdicts.forward.unknown;
console.log(`mutation pairs: ${f.pairs} over ${f.schemas} schemas (${f.diffs} diffs, both argument orders; ${((performance.now() - started) / 1000).toFixed(0)} s)`);
for (const d of ["backward", "forward"] as const) console.log(`  ${d}: ${JSON.stringify(f.verdicts[d])}`);
console.log(`  values checked on compatible directions: ${f.valuesChecked}; witnesses re-checked with ajv: ${f.witnessesChecked}`);
console.log(`  violations: ${f.violations.length}`);
for (const v of f.violations.slice(0, 30)) console.log(`    ${v}`);
console.log(`  not judged: ${JSON.stringify(f.notJudged)}`);
console.log(`  slowest diff: ${f.slowest.name} ${f.slowest.ms.toFixed(0)} ms`);
console.log(`  unknown rate: ${unknown}/${directions} directions (${((100 * unknown) / Math.max(1, directions)).toFixed(1)}%)`);
console.log("  by operator (directions): ");
for (const [op, t] of Object.entries(f.byOperator)) console.log(`    ${op.padEnd(30)} pairs ${t.pairs} compatible ${t.compatible} incompatible ${t.incompatible} unknown ${t.unknown}`);
console.log("  unknown causes (directions naming them):");
for (const [c, n] of Object.entries(f.unknownCauses).sort((x, y) => y[1] - x[1])) console.log(`    ${String(n).padStart(5)}  ${c}`);

if (args["no-self"] !== true) {
  const schemasDir = path.join(dir, "schemas");
  const rows: { file: string; ms: number; verdict: string }[] = [];
  for (const file of corpusFiles(dir)) {
    if (only !== undefined && !only.includes(file)) continue;
    const loaded = loadSchemaFile(path.join(schemasDir, file), { schemasDir, rootDir: dir });
    const t = performance.now();
    const r = await diffSchemas(loaded, loaded);
    rows.push({ file, ms: performance.now() - t, verdict: `${r.verdict.backward}/${r.verdict.forward}` });
  }
  rows.sort((x, y) => y.ms - x.ms);
  const tally: Record<string, number> = {};
  for (const r of rows) tally[r.verdict] = (tally[r.verdict] ?? 0) + 1;
  console.log(`self-diffs: ${rows.length}, verdicts ${JSON.stringify(tally)}, total ${(rows.reduce((s, r) => s + r.ms, 0) / 1000).toFixed(1)} s`);
  for (const r of rows.slice(0, 8)) console.log(`  ${r.file} ${r.ms.toFixed(0)} ms ${r.verdict}`);
}
process.exitCode = f.violations.length === 0 ? 0 : 1;
