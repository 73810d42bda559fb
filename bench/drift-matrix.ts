/**
 * The full drift mutation matrix in `npm run bench` (issue 17, point 8): every mutation operator at two sites of
 * every schema of ../shared/corpus/schemastore, both argument orders, then every schema against itself
 * (drift-corpus.ts). The corpus is split over worker processes (each keeps its validators per schema across its
 * pairs) and a time cap stops starting new schemas, so the run ends in under 15 minutes; the report says how many
 * schemas the cap left out. It gives the unknown rate per direction and per cause, the slowest diff and the
 * violations (exit 1 on any), with the load average before and after: the wall-clock figures depend on it, the
 * verdicts do not (the work budget is counted, not timed).
 * Environment: LLMC_DRIFT_WORKERS (default: cores, at most 4), LLMC_DRIFT_MAX_SECONDS (default 780: the cap for
 * starting work; a schema under way finishes), LLMC_DRIFT_ONLY (a comma-separated sample of schema files),
 * LLMC_DRIFT_VALUES (generated values per compatible direction, default 300).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchArgs } from "./args.js";
import { merge, print, type Part } from "./drift-figures.js";

const load = (): string => os.loadavg().map((x) => x.toFixed(2)).join(", ");

export async function driftMatrixBench(_args: BenchArgs): Promise<void> {
  const env = process.env;
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "drift-corpus.js");
  const workers = Math.max(1, Number(env["LLMC_DRIFT_WORKERS"] ?? Math.min(os.availableParallelism(), 4)));
  const cap = Number(env["LLMC_DRIFT_MAX_SECONDS"] ?? 780);
  const extra = [
    ...(env["LLMC_DRIFT_ONLY"] !== undefined ? ["--only", env["LLMC_DRIFT_ONLY"]] : []),
    ...(env["LLMC_DRIFT_VALUES"] !== undefined ? ["--values", env["LLMC_DRIFT_VALUES"]] : []),
  ];
  console.log(`load average before: ${load()}; ${workers} workers, time cap ${cap} s`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "llmc-drift-matrix-"));
  const started = Date.now();
  try {
    const runs = Array.from({ length: workers }, (_, i) => {
      const out = path.join(tmp, `part-${i}.json`);
      const child = spawn(process.execPath, [script, "--shard", `${i}/${workers}`, "--max-seconds", String(cap), "--json", out, ...extra], { stdio: ["ignore", "inherit", "inherit"] });
      return new Promise<Part | undefined>((resolve) => {
        child.on("close", () => {
          try {
            resolve(JSON.parse(readFileSync(out, "utf8")) as Part);
          } catch {
            resolve(undefined);
          }
        });
      });
    });
    const parts = await Promise.all(runs);
    const missing = parts.filter((p) => p === undefined).length;
    print(merge(parts.filter((p): p is Part => p !== undefined)));
    if (missing > 0) console.log(`  workers that reported nothing: ${missing}`);
    console.log(`load average after: ${load()}; ${((Date.now() - started) / 60000).toFixed(1)} min`);
    const violations = parts.reduce((n, p) => n + (p?.figures.violations.length ?? 0), 0);
    if (missing > 0 || violations > 0) process.exitCode = 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
