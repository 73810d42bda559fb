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
 * --serve: a worker of drift-matrix.ts: takes jobs (a self-diff, or one schema's mutations) over IPC, answers each
 *   with its figures and CPU seconds.
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
import { emptyFigures, print, type Part, type SelfDiff } from "./drift-figures.js";

const { values: args } = parseArgs({
  options: {
    per: { type: "string" }, ops: { type: "string" }, timeout: { type: "string" }, "max-seconds": { type: "string" }, values: { type: "string" }, seed: { type: "string" },
    only: { type: "string" }, "no-self": { type: "boolean" }, verbose: { type: "boolean" }, shard: { type: "string" }, json: { type: "string" },
    serve: { type: "boolean" },
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
const mutationOptions = {
  operators: args.ops === undefined ? () => OPERATORS : rotation(Number(args.ops)),
  perOperator: Number(args.per ?? 2),
  seed: Number(args.seed ?? 20261202),
  valuesPerDirection: Number(args.values ?? 300),
  diff: args.timeout === undefined ? {} : { timeoutMs: Number(args.timeout) },
  ...(args.verbose === true ? { onPair: (l: string) => console.log(`  ${l}`) } : {}),
};

/** One schema against itself; undefined when it does not load (counted under "not judged" by the mutation run). */
async function selfDiff(schemasDir: string, file: string): Promise<SelfDiff | undefined> {
  let loaded;
  let again;
  try {
    // Two reads of the file: a self-diff compares equal trees, not one object with itself.
    loaded = loadSchemaFile(path.join(schemasDir, file), { schemasDir, rootDir: dir! });
    again = loadSchemaFile(path.join(schemasDir, file), { schemasDir, rootDir: dir! });
  } catch {
    return undefined;
  }
  const t = performance.now();
  const r = await diffSchemas(loaded, again);
  return { file, ms: performance.now() - t, verdict: `${r.verdict.backward}/${r.verdict.forward}` };
}

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

if (args.serve === true) {
  // drift-matrix.ts's worker: one job at a time from the parent (a self-diff, or every mutation of one schema),
  // one Part back per job, until the parent disconnects. Validators stay cached across jobs (witness/confirm.ts).
  const schemasDir = path.join(dir, "schemas");
  // CPU seconds are counted from the previous answer (the first job's include starting the process), so the
  // parts add up to the workers' whole CPU time.
  let cpu: NodeJS.CpuUsage = { user: 0, system: 0 };
  process.on("message", (message: { kind: "self" | "mutations"; file: string }) => {
    void (async () => {
      const started = performance.now();
      const self = message.kind === "self" ? await selfDiff(schemasDir, message.file) : undefined;
      const figures = message.kind === "self" ? emptyFigures() : await runMutations(dir, { ...mutationOptions, only: [message.file] });
      const part: Part = { figures, self: self === undefined ? [] : [self], selfNotReached: 0, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds(cpu) };
      cpu = process.cpuUsage();
      process.send!(part);
    })();
  });
  process.on("disconnect", () => process.exit(0));
} else {
  const started = performance.now();
  const cpu = process.cpuUsage();
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
      const r = await selfDiff(schemasDir, file);
      if (r !== undefined) self.push(r);
    }
  }
  const figures = await runMutations(dir, {
    ...mutationOptions,
    shard,
    ...(only !== undefined ? { only } : {}),
    ...(capMs !== undefined ? { stopAfterMs: capMs } : {}),
  });
  const part: Part = { figures, self, selfNotReached, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds(cpu) };
  if (args.json !== undefined) writeFileSync(args.json, JSON.stringify(part));
  else print(part);
  process.exitCode = figures.violations.length === 0 ? 0 : 1;
}
