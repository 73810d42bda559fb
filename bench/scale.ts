/**
 * `npm run bench -- --only scale`: work proportional to the change. On generated projects of 10, 100 (and, with
 * LLM_CONTRACTS_BENCH_1000=1, 1,000) contracts of two versions each (bench/generate.ts):
 *   - cold `build` (absolute time and peak RSS; goal at 1,000: under 20 s on 2 cores), then the first `check`
 *     (it runs drift and the migration type-check once; peak RSS: must fit the default heap);
 *   - no-op `check` and `build` against `node -e 0`, alternating, median of N (goal at 1,000: check <= 3x);
 *   - one schema changed: `check` and `build` at N contracts against a project holding that contract alone,
 *     alternating, the same edit on both (goal: <= 2x).
 * Peak RSS comes from `process.resourceUsage().maxRSS` printed by the child at exit (worker threads included).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { contractName, generateProject } from "./generate.js";
import type { BenchArgs } from "./args.js";
import { median } from "./stats.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(REPO, "dist/cli/main.js");
const RSS_HOOK = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmaxrss-kb "+process.resourceUsage().maxRSS+"\\n"))`;

interface Timed {
  readonly ms: number;
  readonly rssMb: number;
  readonly code: number | null;
}

function run(args: readonly string[], cwd: string, ok: readonly number[] = [0]): Timed {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--import", RSS_HOOK, ...args], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!ok.includes(r.status ?? -1)) throw new Error(`${args.join(" ")} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const rss = /maxrss-kb (\d+)/.exec(r.stderr);
  return { ms, rssMb: rss === null ? NaN : Number(rss[1]) / 1024, code: r.status };
}

const cli = (cwd: string, command: string, ok: readonly number[] = [0]): Timed => run([BIN, command], cwd, ok);
const baseline = (cwd: string): Timed => run(["-e", "0"], cwd);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

/** A one-file change that alters the generated output: the changed contract's v2 title text. */
function edit(root: string, index: number, round: number): void {
  const file = path.join(root, "schemas", contractName(index), "v2.json");
  const schema = JSON.parse(readFileSync(file, "utf8")) as { properties: { title: { description: string } } };
  schema.properties.title.description = `Short title (edit ${round}).`;
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
}

async function settle(root: string): Promise<void> {
  // Files written moments ago are "racily clean" (src/cache/files.ts) until they are older than the racy window;
  // a steady-state no-op is measured once the tree has settled and one run has refreshed the snapshot.
  await sleep(3000);
  cli(root, "build");
  cli(root, "check");
}

export async function scaleBench(args: BenchArgs): Promise<void> {
  const sizes = args.size !== undefined ? [args.size] : process.env["LLM_CONTRACTS_BENCH_1000"] === "1" ? [10, 100, 1000] : [10, 100];
  const rounds = Math.max(args.rounds, 5);
  const work = mkdtempSync(path.join(os.tmpdir(), "llm-contracts-scale-"));
  console.log(`sizes ${sizes.join(", ")}; ${rounds} rounds, alternating with \`node -e 0\`; ${os.availableParallelism()} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  try {
    for (const n of sizes) {
      const root = path.join(work, `p${n}`);
      generateProject(root, n);
      const cold = cli(root, "build");
      const firstCheck = cli(root, "check");
      console.log(`${n} contracts: cold build ${fmt(cold.ms)} (peak RSS ${cold.rssMb.toFixed(0)} MB), first check ${fmt(firstCheck.ms)} (peak RSS ${firstCheck.rssMb.toFixed(0)} MB)`);
      await settle(root);

      const node: number[] = [];
      const check: number[] = [];
      const build: number[] = [];
      let checkRss = 0;
      for (let r = 0; r < rounds; r++) {
        node.push(baseline(root).ms);
        const c = cli(root, "check");
        check.push(c.ms);
        checkRss = Math.max(checkRss, c.rssMb);
        build.push(cli(root, "build").ms);
      }
      const base = median(node);
      console.log(
        `  no-op: node -e 0 ${fmt(base)}; check ${fmt(median(check))} = ${(median(check) / base).toFixed(2)}x (goal at 1,000: <= 3x), ` +
          `build ${fmt(median(build))} = ${(median(build) / base).toFixed(2)}x; no-op check peak RSS ${checkRss.toFixed(0)} MB`,
      );

      // One changed contract vs a project holding that contract alone; the same edit on both, alternating.
      const index = Math.floor(n / 2);
      const alone = path.join(work, `alone${n}`);
      generateProject(alone, 1, index);
      cli(alone, "build");
      cli(alone, "check");
      await settle(alone);
      const big: { check: number[]; build: number[] } = { check: [], build: [] };
      const small: { check: number[]; build: number[] } = { check: [], build: [] };
      for (let r = 0; r < rounds; r++) {
        for (const [dir, into] of [[root, big], [alone, small]] as const) {
          edit(dir, index, r);
          into.check.push(cli(dir, "check", [1]).ms);
          into.build.push(cli(dir, "build").ms);
        }
      }
      const ratio = (a: number[], b: number[]): string => `${fmt(median(a))} vs ${fmt(median(b))} alone = ${(median(a) / median(b)).toFixed(2)}x`;
      console.log(`  one schema changed: check ${ratio(big.check, small.check)}, build ${ratio(big.build, small.build)} (goal: <= 2x)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
