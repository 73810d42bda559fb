/**
 * `npm run bench -- --only scale`: cold runs and work proportional to the change. On generated projects of 10, 100
 * (and, with LLM_CONTRACTS_BENCH_1000=1, 1,000) contracts of two versions each (bench/generate.ts), once with
 * compatible second versions and once with half of them breaking (`--breaking`: a tightened maxLength/maximum,
 * a migration each, implemented after the first build as a user would):
 *   - cold `build` and cold `check` (no cache, no generated/: a fresh CI runner; goals at 1,000 half-breaking:
 *     build < 20 s, check < 30 s, in the default heap), alternating with `node -e 0`: medians, CPU, peak RSS, ratio;
 *     and `check` with the cache that cold build filled (a CI job running `build` then `check`);
 *   - no-op `check` and `build` against `node -e 0`, alternating, median of N (goal at 1,000: check <= 3x), with
 *     the stat floor beside them (bench/scale-floor.ts: a bare process lstat-ing every path the no-op proves);
 *   - `check` after each change class (bench/scale-changes.ts: an edited golden example, an annotation-only
 *     schema edit, an assertion change with its migration) against `node -e 0`, alternating, medians, peak RSS
 *     (goals at 1,000: the first two <= 3x and < 150 MB, the assertion change <= 1.5 s), and the same classes
 *     staged in git and checked as the pre-commit hook runs it, focused on their contracts (bench/scale-hook.ts);
 *   - one schema changed (compatible projects): `check` and `build` at N contracts against a project holding that
 *     contract alone, alternating, the same edit on both (goal: <= 2x).
 * Peak RSS and CPU come from `process.resourceUsage()` printed by the child at exit (worker threads included).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateProject, implementStubs, type GenerateOptions } from "./generate.js";
import { changeClasses, changedIndex } from "./scale-changes.js";
import { floorProgram, writeFloorList } from "./scale-floor.js";
import { commitAll, hookRounds } from "./scale-hook.js";
import type { BenchArgs } from "./args.js";
import { median } from "./stats.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(REPO, "dist/cli/main.js");
const RSS_HOOK =
  `data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();` +
  `process.stderr.write("\\nmaxrss-kb "+u.maxRSS+" cpu-us "+(u.userCPUTime+u.systemCPUTime)+"\\n")})`;

interface Timed {
  readonly ms: number;
  readonly cpuMs: number;
  readonly rssMb: number;
}

function run(args: readonly string[], cwd: string, ok: readonly number[] = [0]): Timed {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--import", RSS_HOOK, ...args], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!ok.includes(r.status ?? -1)) throw new Error(`${args.join(" ")} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const usage = /maxrss-kb (\d+) cpu-us (\d+)/.exec(r.stderr);
  return { ms, cpuMs: usage === null ? NaN : Number(usage[2]) / 1000, rssMb: usage === null ? NaN : Number(usage[1]) / 1024 };
}

const cli = (cwd: string, args: readonly string[], ok: readonly number[] = [0]): Timed => run([BIN, ...args], cwd, ok);
const baseline = (cwd: string): Timed => run(["-e", "0"], cwd);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(" ");

/** Medians of a series of timed runs: wall, CPU, and the largest peak RSS. */
function summary(runs: readonly Timed[], base?: number): string {
  const wall = median(runs.map((r) => r.ms));
  const ratio = base === undefined ? "" : ` = ${(wall / base).toFixed(2)}x`;
  return `${fmt(wall)}${ratio} (CPU ${fmt(median(runs.map((r) => r.cpuMs)))}, peak RSS ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} MB)`;
}

async function settle(root: string): Promise<void> {
  // Files written moments ago are "racily clean" (src/cache/files.ts) until they are older than the racy window;
  // a steady-state no-op is measured once the tree has settled and one run has refreshed the snapshot.
  await sleep(3000);
  cli(root, ["build"]);
  cli(root, ["check"]);
}

/**
 * Cold `build`, then cold `check`, each with a cache folder of its own that starts empty, alternating with `node -e 0`;
 * then `check` with the cache the cold build filled (a CI job that runs `build` then `check`: what the build
 * computed must not be computed again).
 */
function coldRuns(root: string, work: string, rounds: number): { node: Timed[]; build: Timed[]; check: Timed[]; after: Timed[] } {
  const out = { node: [] as Timed[], build: [] as Timed[], check: [] as Timed[], after: [] as Timed[] };
  for (let r = 0; r < rounds; r++) {
    rmSync(path.join(root, "generated"), { recursive: true, force: true });
    const buildCache = mkdtempSync(path.join(work, "cache-"));
    const checkCache = mkdtempSync(path.join(work, "cache-"));
    out.node.push(baseline(root));
    out.build.push(cli(root, ["build", "--cache-dir", buildCache]));
    out.node.push(baseline(root));
    out.check.push(cli(root, ["check", "--cache-dir", checkCache]));
    out.after.push(cli(root, ["check", "--cache-dir", buildCache]));
    rmSync(buildCache, { recursive: true, force: true });
    rmSync(checkCache, { recursive: true, force: true });
  }
  return out;
}

/** Cold runs, then (unless `coldOnly`) the no-op and every change class, on one generated project. */
async function shapeBench(work: string, n: number, options: GenerateOptions, rounds: number, coldOnly = false): Promise<void> {
  const shape = `${options.breaking === true ? "half breaking" : "compatible"}${options.distinct === true ? ", every contract its own shape" : ""}`;
  const root = path.join(work, `p${n}-${options.breaking === true ? "breaking" : "compatible"}${options.distinct === true ? "-distinct" : ""}`);
  generateProject(root, n, 0, options);
  // The first build scaffolds the migrations; a user implements the breaking ones before anything is committed.
  const first = cli(root, ["build", "--no-cache"]);
  const implemented = implementStubs(root);
  const cold = coldRuns(root, work, n >= 1000 ? Math.min(rounds, 3) : rounds);
  const base = median(cold.node.map((t) => t.ms));
  console.log(`${n} contracts, ${shape} (${implemented} migrations implemented; first build ${fmt(first.ms)}), load ${load()}:`);
  console.log(`  cold build ${summary(cold.build, base)}; cold check ${summary(cold.check, base)}; node -e 0 ${fmt(base)}`);
  console.log(`  check with the cache the cold build filled ${summary(cold.after, base)}`);
  if (coldOnly) return;
  await settle(root);

  const node: Timed[] = [];
  const check: Timed[] = [];
  const build: Timed[] = [];
  const floor: Timed[] = [];
  const list = path.join(work, `floor-${path.basename(root)}.txt`);
  const paths = writeFloorList(root, list);
  for (let r = 0; r < rounds; r++) {
    node.push(baseline(root));
    floor.push(run(["-e", floorProgram(list)], root));
    check.push(cli(root, ["check"]));
    build.push(cli(root, ["build"]));
  }
  const noop = median(node.map((t) => t.ms));
  console.log(`  no-op: node -e 0 ${fmt(noop)}; check ${summary(check, noop)} (goal at 1,000: <= 3x); build ${summary(build, noop)}`);
  // What no stat-based design can skip: the change classes below cost at least this plus what they change.
  console.log(`  stat floor (a bare node lstat-ing the ${paths} paths under schemas/ and generated/): ${summary(floor, noop)}`);

  const index = changedIndex(n, options);
  for (const change of changeClasses(options)) {
    const base2: Timed[] = [];
    const after: Timed[] = [];
    for (let r = 0; r < rounds; r++) {
      change.apply(root, index, r + 1);
      base2.push(baseline(root));
      // Exit 1 when the change leaves generated/ stale (a schema edit before `build`): the check has still run.
      after.push(cli(root, ["check"], [0, 1]));
      cli(root, ["build"]);
    }
    console.log(`  check after ${change.name}: ${summary(after, median(base2.map((t) => t.ms)))} vs node -e 0 ${fmt(median(base2.map((t) => t.ms)))}`);
  }
  // The same classes as the git hook checks them: staged, focused on the changed files' contracts.
  if (!commitAll(root)) {
    console.log("  hook rows skipped: git is not available here");
    return;
  }
  for (const change of changeClasses(options)) {
    const hook = hookRounds(root, index, change, rounds, 100, { cli, baseline });
    const base3 = median(hook.node.map((t) => t.ms));
    console.log(`  hook check after ${change.name}: ${summary(hook.hook, base3)} vs node -e 0 ${fmt(base3)}`);
  }
}

/** One schema changed: the project against one holding that contract alone, the same edit on both, alternating. */
async function aloneBench(work: string, n: number, rounds: number): Promise<void> {
  const root = path.join(work, `p${n}-compatible`);
  const index = Math.floor(n / 2);
  const alone = path.join(work, `alone${n}`);
  generateProject(alone, 1, index);
  cli(alone, ["build"]);
  cli(alone, ["check"]);
  await settle(alone);
  const annotation = changeClasses({})[1]!;
  const big: { check: Timed[]; build: Timed[] } = { check: [], build: [] };
  const small: { check: Timed[]; build: Timed[] } = { check: [], build: [] };
  for (let r = 0; r < rounds; r++) {
    for (const [dir, into] of [[root, big], [alone, small]] as const) {
      annotation.apply(dir, index, 100 + r);
      into.check.push(cli(dir, ["check"], [1]));
      into.build.push(cli(dir, ["build"]));
    }
  }
  const ratio = (a: Timed[], b: Timed[]): string => {
    const [x, y] = [median(a.map((t) => t.ms)), median(b.map((t) => t.ms))];
    return `${fmt(x)} vs ${fmt(y)} alone = ${(x / y).toFixed(2)}x`;
  };
  console.log(`  one schema changed: check ${ratio(big.check, small.check)}, build ${ratio(big.build, small.build)} (goal: <= 2x)`);
}

export async function scaleBench(args: BenchArgs): Promise<void> {
  const sizes = args.size !== undefined ? [args.size] : process.env["LLM_CONTRACTS_BENCH_1000"] === "1" ? [10, 100, 1000] : [10, 100];
  const rounds = Math.max(args.rounds, 5);
  const work = mkdtempSync(path.join(os.tmpdir(), "llm-contracts-scale-"));
  console.log(`sizes ${sizes.join(", ")}; ${rounds} rounds, alternating with \`node -e 0\`; ${os.availableParallelism()} cores, load ${load()}`);
  try {
    for (const n of sizes) {
      await shapeBench(work, n, {}, rounds);
      await aloneBench(work, n, rounds);
      await shapeBench(work, n, { breaking: true }, rounds);
    }
    // The largest size once more with no shape shared between contracts: the cold figures a varied project sees.
    await shapeBench(work, sizes.at(-1)!, { breaking: true, distinct: true }, rounds, true);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
