import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchArgs } from "./args.js";
import { median, timeProcess } from "./stats.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CORPUS = path.resolve(REPO, "../shared/corpus/tool-schemas/tool-schemas.A.jsonl");

interface CorpusRecord {
  readonly id: string;
  readonly normalized: object;
  readonly ajv_strict_compiles: boolean;
}

/**
 * Cold `llm-contracts build` of real tool schemas vs. the naive script (bench/naive.ts) on the same schemas.
 * Only schemas that compile under ajv strict mode are used: our build refuses the others by design.
 */
export async function buildBench(args: BenchArgs): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.log(`skip: corpus not found at ${CORPUS}`);
    return;
  }
  const records = readFileSync(CORPUS, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as CorpusRecord)
    .filter((r) => r.ajv_strict_compiles);
  const chosen = records.slice(0, args.size ?? records.length);
  const work = mkdtempSync(path.join(os.tmpdir(), "llm-contracts-bench-"));
  const ours = path.join(work, "ours");
  const naiveIn = path.join(work, "naive-in");
  mkdirSync(naiveIn, { recursive: true });
  for (const r of chosen) {
    const dir = path.join(ours, "schemas", `tool-${r.id}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "contract.json"), '{"kind":"tool-arguments"}\n');
    writeFileSync(path.join(dir, "v1.json"), JSON.stringify(r.normalized));
    writeFileSync(path.join(naiveIn, `tool_${r.id}.json`), JSON.stringify(r.normalized));
  }
  console.log(`${chosen.length} corpus schemas (of ${records.length} strict-compilable), ${args.rounds} rounds, alternating`);
  const bin = path.join(REPO, "dist/cli/main.js");
  const naive = path.join(REPO, "dist/bench/naive.js");
  const oursMs: number[] = [];
  const naiveMs: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < args.rounds; round++) {
    rmSync(path.join(ours, "generated"), { recursive: true, force: true });
    rmSync(path.join(work, "naive-out"), { recursive: true, force: true });
    const a = timeProcess([bin, "build", "--root", ours], work);
    const b = timeProcess([naive, naiveIn, path.join(work, "naive-out")], work);
    oursMs.push(a);
    naiveMs.push(b);
    ratios.push(a / b);
    console.log(`  round ${round + 1}: llm-contracts build ${a.toFixed(0)} ms, naive ${b.toFixed(0)} ms, ratio ${(a / b).toFixed(3)}`);
  }
  console.log(`median: llm-contracts build ${median(oursMs).toFixed(0)} ms, naive ${median(naiveMs).toFixed(0)} ms`);
  console.log(`median ratio (ours / naive): ${median(ratios).toFixed(3)}  (target <= 0.5, long-term 0.2)`);
  rmSync(work, { recursive: true, force: true });
}
