/**
 * The full drift mutation matrix in `npm run bench` (issue 17, point 8): every mutation operator at two sites of
 * every schema of ../shared/corpus/schemastore, both argument orders, then every schema against itself
 * (drift-corpus.ts, run as a child so its figures print as they come). It reports the unknown rate per direction
 * and per cause, the slowest diff and the violations (exit 1 on any), with the load average before and after:
 * the wall-clock figures depend on it, the verdicts do not (the work budget is counted, not timed).
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchArgs } from "./args.js";

const load = (): string => os.loadavg().map((x) => x.toFixed(2)).join(", ");

export async function driftMatrixBench(_args: BenchArgs): Promise<void> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "drift-corpus.js");
  console.log(`load average before: ${load()}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [script], { stdio: "inherit" });
  console.log(`load average after: ${load()}; ${((Date.now() - started) / 60000).toFixed(1)} min`);
  if (r.status !== 0) process.exitCode = 1;
}
