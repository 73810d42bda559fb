/**
 * The full differential soundness run of the drift engine on ../shared/corpus/schemastore (issue 10, point 6):
 * every mutation operator at up to 2 sites of every schema, both argument orders, then every schema against
 * itself (the self-diffs run first: cheap, and never left out by the time cap). Prints pairs, verdicts per direction, values and witnesses checked, violations, the slowest diffs, the
 * unknown rate and the remaining unknown causes (drift-figures.ts). Exit 1 on any violation.
 * --ops K: K operators per schema, rotated over the corpus so every operator is used (default: all 15).
 * --timeout MS: the per-diff budget (default: the engine's own). --max-seconds S: start no schema (and no
 *   self-diff) after S seconds; the figures say how many were not reached.
 * --shard I/N: only the selected files at positions ≡ I (mod N) (drift-matrix.ts runs N of these in parallel).
 * --json FILE: write the figures there instead of printing them.
 *   node dist/bench/drift-corpus.js [--ops K] [--timeout MS] [--per N] [--values N] [--seed N] [--only a.json,b.json] [--no-self] [--shard I/N] [--json FILE]
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { diffSchemas } from "../src/drift/diff.js";
import { loadSchemaFile } from "../src/load/index.js";
import { corpusDir, corpusFiles } from "../test/corpus/schemastore-run.js";
import { OPERATORS, rotation } from "../test/drift/corpus/mutate.js";
import { runMutations } from "../test/drift/corpus/run.js";
import { REPO_ROOT } from "../test/util/project.js";
import { print, type Part, type SelfDiff } from "./drift-figures.js";

const { values: args } = parseArgs({
  options: {
    per: { type: "string" }, ops: { type: "string" }, timeout: { type: "string" }, "max-seconds": { type: "string" }, values: { type: "string" }, seed: { type: "string" },
    only: { type: "string" }, "no-self": { type: "boolean" }, verbose: { type: "boolean" }, shard: { type: "string" }, json: { type: "string" },
  },
});
const dir = corpusDir(REPO_ROOT);
if (dir === undefined) {
  console.log("skip: ../shared/corpus/schemastore is absent");
  process.exit(0);
}
const only = args.only?.split(",");
const [shardIndex, shardCount] = (args.shard ?? "0/1").split("/").map(Number) as [number, number];
const shard = { index: shardIndex, count: shardCount };
const capMs = args["max-seconds"] === undefined ? undefined : Number(args["max-seconds"]) * 1000;
const started = performance.now();
// Self-diffs first: they are cheap (seconds for the corpus) and a time cap must not leave them out.
const self: SelfDiff[] = [];
let selfNotReached = 0;
if (args["no-self"] !== true) {
  const schemasDir = path.join(dir, "schemas");
  const files = corpusFiles(dir).filter((file) => only === undefined || only.includes(file)).filter((_, k) => k % shard.count === shard.index);
  for (const [k, file] of files.entries()) {
    if (capMs !== undefined && performance.now() - started > capMs) {
      selfNotReached = files.length - k;
      break;
    }
    let loaded;
    let again;
    try {
      // Two reads of the file: a self-diff compares equal trees, not one object with itself.
      loaded = loadSchemaFile(path.join(schemasDir, file), { schemasDir, rootDir: dir });
      again = loadSchemaFile(path.join(schemasDir, file), { schemasDir, rootDir: dir });
    } catch {
      continue; // counted under "not judged" by the mutation run
    }
    const t = performance.now();
    const r = await diffSchemas(loaded, again);
    self.push({ file, ms: performance.now() - t, verdict: `${r.verdict.backward}/${r.verdict.forward}` });
  }
}
const figures = await runMutations(dir, {
  operators: args.ops === undefined ? () => OPERATORS : rotation(Number(args.ops)),
  perOperator: Number(args.per ?? 2),
  seed: Number(args.seed ?? 20261202),
  valuesPerDirection: Number(args.values ?? 300),
  diff: args.timeout === undefined ? {} : { timeoutMs: Number(args.timeout) },
  shard,
  ...(only !== undefined ? { only } : {}),
  ...(capMs !== undefined ? { stopAfterMs: capMs } : {}),
  ...(args.verbose === true ? { onPair: (l: string) => console.log(`  ${l}`) } : {}),
});

const part: Part = { figures, self, selfNotReached, seconds: (performance.now() - started) / 1000 };
if (args.json !== undefined) writeFileSync(args.json, JSON.stringify(part));
else print(part);
process.exitCode = figures.violations.length === 0 ? 0 : 1;
