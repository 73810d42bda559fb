/**
 * `npm run bench -- --only docs`: the contract catalogue (`docs --out`) on generated projects of 100 (and, with
 * LLM_CONTRACTS_BENCH_1000=1, 1,000) contracts of two versions each (bench/generate.ts).
 *   - cold: `docs` before any build (compiles every version and runs every drift comparison; absolute, for context);
 *   - warm, after `build` and `check` (the order CI runs them; every version and comparison is a cache hit):
 *     `docs` into a new folder each round against `node -e 0` and a no-op `check`, alternating, median of N.
 *     Goal at 1,000 contracts: under 10 s.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateProject } from "./generate.js";
import type { BenchArgs } from "./args.js";
import { median } from "./stats.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(REPO, "dist/cli/main.js");

/** Prints the child's CPU time (user + system, worker threads included) at exit. */
const CPU_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\ncpu-us "+(u.userCPUTime+u.systemCPUTime)+"\\n")})`;

/** Wall time and CPU time of one run, in milliseconds. On a loaded machine the wall time is mostly waiting for a core. */
interface Timed {
  readonly ms: number;
  readonly cpuMs: number;
}

function timed(args: readonly string[], cwd: string): Timed {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--import", CPU_HOOK, ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const cpu = /cpu-us (\d+)/.exec(r.stderr);
  return { ms, cpuMs: cpu === null ? NaN : Number(cpu[1]) / 1000 };
}

const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

export async function docsBench(args: BenchArgs): Promise<void> {
  const sizes = args.size !== undefined ? [args.size] : process.env["LLM_CONTRACTS_BENCH_1000"] === "1" ? [100, 1000] : [100];
  const rounds = Math.max(args.rounds, 3);
  const work = mkdtempSync(path.join(os.tmpdir(), "llm-contracts-docs-bench-"));
  console.log(`sizes ${sizes.join(", ")}; ${rounds} rounds, alternating; ${os.availableParallelism()} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  try {
    for (const n of sizes) {
      const root = path.join(work, `p${n}`);
      generateProject(root, n);
      const cold = timed([BIN, "docs", "--out", "site-cold"], root);
      timed([BIN, "build"], root);
      timed([BIN, "check"], root);
      timed([BIN, "check"], root);
      const node: Timed[] = [];
      const check: Timed[] = [];
      const docs: Timed[] = [];
      for (let r = 0; r < rounds; r++) {
        node.push(timed(["-e", "0"], root));
        check.push(timed([BIN, "check"], root));
        docs.push(timed([BIN, "docs", "--out", `site-${r}`], root));
      }
      const wall = (l: Timed[]): number => median(l.map((t) => t.ms));
      const cpu = (l: Timed[]): number => median(l.map((t) => t.cpuMs));
      const d = wall(docs);
      console.log(
        `${n} contracts: cold docs ${fmt(cold.ms)} (CPU ${fmt(cold.cpuMs)}); warm docs ${fmt(d)} (CPU ${fmt(cpu(docs))}; goal at 1,000: < 10 s) = ` +
          `${(d / wall(node)).toFixed(1)}x node -e 0 (${fmt(wall(node))}), ${(d / wall(check)).toFixed(1)}x a no-op check (${fmt(wall(check))}); ` +
          `CPU ${(cpu(docs) / cpu(node)).toFixed(1)}x node -e 0, ${(cpu(docs) / cpu(check)).toFixed(1)}x a no-op check; load ${os.loadavg()[0]!.toFixed(1)}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
