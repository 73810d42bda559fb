/**
 * Hostile model output (issue 23): time and peak memory of the generated validators on input built to exhaust them,
 * each case in its own process, and the ratio of time per byte between a large and a small input of the same
 * kind, so a super-linear validator shows as a ratio well above 1 whatever the machine's load. Medians over rounds.
 *
 * `node dist/bench/hostile.js [--rounds N]`; `--fuzz N` runs N random hostile texts and values through every entry
 * point instead and fails (exit 1) on the first throw.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchArgs } from "./args.js";
import { median } from "./stats.js";
import { fuzz } from "./hostile-fuzz.js";

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "hostile-child.js");

interface Sample {
  readonly bytes: number;
  readonly ms: number;
  readonly maxRssKB: number;
  readonly result: string;
}

function runCase(name: string): Sample {
  const r = spawnSync(process.execPath, [CHILD, name], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${name}: exit ${String(r.status)} ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout) as Sample;
}

/** Pairs of the same kind: [small, large]. The closing note's sizes: 2 / 50 MB, 100,000 levels, patterns. */
const PAIRS: readonly (readonly [string, string])[] = [
  ["array-2", "array-50"],
  ["deep-10000", "deep-100000"],
  ["words-10000", "words-100000"],
  ["nested-10000", "nested-100000"],
];

export async function hostileBench(args: BenchArgs): Promise<void> {
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  for (const [small, large] of PAIRS) {
    const a: Sample[] = [];
    const b: Sample[] = [];
    for (let i = 0; i < args.rounds; i++) {
      a.push(runCase(small));
      b.push(runCase(large));
    }
    const perByte = (s: readonly Sample[]): number => median(s.map((x) => x.ms / x.bytes));
    for (const [label, s] of [[small, a], [large, b]] as const) {
      console.log(`  ${label.padEnd(16)} ${(s[0]!.bytes / 1e6).toFixed(2).padStart(7)} MB  ${median(s.map((x) => x.ms)).toFixed(1).padStart(9)} ms  peak RSS ${(median(s.map((x) => x.maxRssKB)) / 1024).toFixed(0).padStart(5)} MB  ${s[0]!.result}`);
    }
    console.log(`  time per byte, ${large} / ${small}: ${(perByte(b) / perByte(a)).toFixed(2)} (linear: about 1 or below)`);
  }
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}

const argv = process.argv.slice(2);
if (import.meta.url === `file://${process.argv[1]}`) {
  const at = argv.indexOf("--fuzz");
  if (at >= 0) {
    const failures = await fuzz(Number(argv[at + 1] ?? 1000), argv.includes("--seed") ? Number(argv[argv.indexOf("--seed") + 1]) : 1);
    for (const f of failures.slice(0, 20)) console.error(f);
    console.log(`fuzz: ${failures.length} failure(s)`);
    process.exitCode = failures.length > 0 ? 1 : 0;
  } else {
    const rounds = argv.indexOf("--rounds") >= 0 ? Number(argv[argv.indexOf("--rounds") + 1]) : 3;
    await hostileBench({ rounds, size: undefined });
  }
}
