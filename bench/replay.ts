/**
 * Replay throughput: `replayFile` (streamed lines, text classification, the generated validator, tallies by code)
 * on a generated 100,000-line file of stored ticket-triage outputs, against a baseline timed in the same run:
 * the whole file read at once, split, `JSON.parse` and the same validator per line. The ratio is ours / baseline.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileProject } from "../src/api/compile.js";
import { importValidator } from "../src/emit/validators/load-module.js";
import { resolveProject } from "../src/config/config.js";
import { replayFile } from "../src/migrate/replay.js";
import type { BenchArgs } from "./args.js";
import { median } from "./stats.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Mostly valid v1 outputs with the failure mix seen in practice: v2 fields, wrong enums, cut-off and prose lines. */
function line(i: number): string {
  const base = { category: ["billing", "technical", "account", "other"][i % 4], priority: ["low", "medium", "high"][i % 3], summary: `Ticket ${i}: customer reports an issue with invoice ${i * 7}.`, needs_human: i % 2 === 0 };
  const kind = i % 20;
  if (kind === 17) return JSON.stringify({ ...base, priority: "urgent", tags: ["x"] });
  if (kind === 18) return JSON.stringify(base).slice(0, 40);
  if (kind === 19) return `Sure! ${JSON.stringify(base)}`;
  return JSON.stringify(base);
}

export async function replayBench(args: BenchArgs): Promise<void> {
  const size = args.size ?? 100_000;
  const work = mkdtempSync(path.join(os.tmpdir(), "llm-contracts-replay-"));
  const file = path.join(work, "outputs.jsonl");
  writeFileSync(file, Array.from({ length: size }, (_, i) => line(i)).join("\n") + "\n");
  const compiled = await compileProject(resolveProject({ root: REPO, cwd: REPO }));
  const v1 = compiled.versions.find((v) => v.contract.name === "ticket-triage" && v.source.version === 1)!;
  const validate = await importValidator(v1.validatorCode);
  console.log(`${size} lines (${(readFileSync(file).length / 1e6).toFixed(1)} MB), ticket-triage@v1, ${args.rounds} rounds, alternating`);
  const ours: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < args.rounds; round++) {
    const a = await replayFile(v1, file, { show: 5 });
    const t0 = process.hrtime.bigint();
    let ok = 0;
    for (const text of readFileSync(file, "utf8").split("\n")) {
      if (text === "") continue;
      try {
        if (validate(JSON.parse(text))) ok++;
      } catch {
        // not JSON: counted as failed
      }
    }
    const b = Number(process.hrtime.bigint() - t0) / 1e9;
    if (ok !== a.valid) throw new Error(`baseline saw ${ok} valid lines, replay ${a.valid}`);
    ours.push(a.total / a.seconds);
    base.push(size / b);
    console.log(`  round ${round + 1}: replay ${Math.round(a.total / a.seconds)} lines/s (${a.valid} valid, ${a.invalid} invalid, ${a.unparsable} not JSON), baseline ${Math.round(size / b)} lines/s`);
  }
  const m = median(ours);
  const mb = median(base);
  console.log(`median: replay ${Math.round(m)} lines/s, baseline (read all + JSON.parse + validator) ${Math.round(mb)} lines/s`);
  console.log(`median ratio (replay time / baseline time): ${(mb / m).toFixed(2)}  (replay streams in bounded memory and classifies failures; the baseline holds the file in memory)`);
  rmSync(work, { recursive: true, force: true });
}
