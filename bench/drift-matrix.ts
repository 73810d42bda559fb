/**
 * The full drift mutation matrix in `npm run bench` (issue 17, point 8): every mutation operator at two sites of
 * every schema of ../shared/corpus/schemastore, both argument orders, then every schema against itself
 * (drift-corpus.ts). Worker processes take one job at a time from a shared queue (every self-diff, then each
 * schema's mutations, largest schema first), so no worker idles while another has a fixed share left; each keeps
 * its validators per schema across its jobs. A time cap stops starting new jobs; the report says how many
 * schemas the cap left out (none is the goal: the full matrix in under 15 minutes). It gives the unknown rate per direction and per cause, the slowest diff and the
 * violations (exit 1 on any), with the load average before and after: the wall-clock figures depend on it, the
 * verdicts do not (the work budget is counted, not timed).
 * Environment: LLMC_DRIFT_WORKERS (default: cores, at most 4), LLMC_DRIFT_MAX_SECONDS (default 780: the cap for
 * starting work; a schema under way finishes), LLMC_DRIFT_ONLY (a comma-separated sample of schema files),
 * LLMC_DRIFT_VALUES (generated values per compatible direction, default 300).
 */
import { fork } from "node:child_process";
import { statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { corpusDir, corpusFiles } from "../test/corpus/schemastore-run.js";
import { REPO_ROOT } from "../test/util/project.js";
import type { BenchArgs } from "./args.js";
import { emptyFigures, merge, print, type Part } from "./drift-figures.js";

const load = (): string => os.loadavg().map((x) => x.toFixed(2)).join(", ");

interface Job {
  readonly kind: "self" | "mutations";
  readonly file: string;
}

export async function driftMatrixBench(_args: BenchArgs): Promise<void> {
  const env = process.env;
  const dir = corpusDir(REPO_ROOT);
  if (dir === undefined) {
    console.log("skip: ../shared/corpus/schemastore is absent");
    return;
  }
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "drift-corpus.js");
  const workers = Math.max(1, Number(env["LLMC_DRIFT_WORKERS"] ?? Math.min(os.availableParallelism(), 4)));
  const capMs = Number(env["LLMC_DRIFT_MAX_SECONDS"] ?? 780) * 1000;
  const only = env["LLMC_DRIFT_ONLY"]?.split(",");
  const extra = env["LLMC_DRIFT_VALUES"] !== undefined ? ["--values", env["LLMC_DRIFT_VALUES"]] : [];
  const files = corpusFiles(dir).filter((f) => only === undefined || only.includes(f));
  // Self-diffs first (cheap; the cap must not leave them out), then each schema's mutations, the largest schema
  // first: its cost grows with its size, and the last job to start is then a small one, so the workers end together.
  const size = new Map(files.map((f) => [f, statSync(path.join(dir, "schemas", f)).size]));
  const jobs: Job[] = [
    ...files.map((file) => ({ kind: "self" as const, file })),
    ...[...files].sort((a, b) => size.get(b)! - size.get(a)! || (a < b ? -1 : 1)).map((file) => ({ kind: "mutations" as const, file })),
  ];
  console.log(`load average before: ${load()}; ${workers} workers fed one schema at a time, largest first; time cap ${capMs / 1000} s`);
  const started = Date.now();
  const parts: Part[] = [];
  const jobCpu: { file: string; cpu: number }[] = [];
  let lost = 0;
  let next = 0;
  const runs = Array.from({ length: Math.min(workers, jobs.length) }, () => {
    const child = fork(script, ["--serve", ...extra], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let current: Job | undefined;
    // The next job, or the end: no job is started after the cap (one under way finishes).
    const feed = (): void => {
      current = next < jobs.length && Date.now() - started <= capMs ? jobs[next++] : undefined;
      if (current === undefined) child.disconnect();
      else child.send(current);
    };
    child.on("message", (part: Part) => {
      parts.push(part);
      if (current?.kind === "mutations") jobCpu.push({ file: current.file, cpu: part.cpuSeconds ?? 0 });
      feed();
    });
    return new Promise<void>((resolve) => {
      child.on("exit", () => {
        if (current !== undefined) lost++; // the worker died under a job: reported, and the run fails
        resolve();
      });
      feed();
    });
  });
  await Promise.all(runs);
  const left = jobs.slice(next);
  parts.push({ figures: { ...emptyFigures(), notReached: left.filter((j) => j.kind === "mutations").length }, self: [], selfNotReached: left.filter((j) => j.kind === "self").length, seconds: 0 });
  const merged = merge(parts, (Date.now() - started) / 1000);
  print(merged);
  // What the run would take on an idle machine: its CPU seconds spread over the workers (the load makes the wall
  // clock measure the others; CPU time is this run's own work).
  console.log(`  CPU: ${(merged.cpuSeconds ?? 0).toFixed(0)} s over ${workers} workers, about ${((merged.cpuSeconds ?? 0) / Math.min(workers, os.availableParallelism()) / 60).toFixed(1)} min on idle cores`);
  console.log(`  schema jobs with the most CPU: ${[...jobCpu].sort((a, b) => b.cpu - a.cpu).slice(0, 6).map((j) => `${j.file} ${j.cpu.toFixed(1)} s`).join(", ")}`);
  if (lost > 0) console.log(`  workers that died under a job: ${lost}`);
  console.log(`load average after: ${load()}; ${((Date.now() - started) / 60000).toFixed(1)} min`);
  const violations = parts.reduce((n, p) => n + p.figures.violations.length, 0);
  if (lost > 0 || violations > 0) process.exitCode = 1;
}
