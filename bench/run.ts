/**
 * `npm run bench`: every benchmark measures a ratio against a baseline timed in the same run, alternating the two,
 * and reports medians, because the machines are shared and noisy. Absolute times are printed for context only.
 */
import { anchorsBench } from "./anchors.js";
import type { BenchArgs } from "./args.js";
import { buildBench } from "./build.js";
import { docsBench } from "./docs.js";
import { driftBench } from "./drift.js";
import { hostileBench } from "./hostile.js";
import { driftMatrixBench } from "./drift-matrix.js";
import { replayBench } from "./replay.js";
import { scaleBench } from "./scale.js";
import { sizeBench } from "./size.js";
import { validatorBench } from "./validators.js";

/** The registry: every bench by name, in run order. Bench files import only what is below them (./args.ts, ./stats.ts). */
const benches: Readonly<Record<string, (args: BenchArgs) => Promise<void>>> = {
  build: buildBench,
  drift: driftBench,
  hostile: hostileBench,
  "drift-matrix": driftMatrixBench,
  replay: replayBench,
  validators: validatorBench,
  anchors: anchorsBench,
  size: sizeBench,
  scale: scaleBench,
  docs: docsBench,
};


const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const only = flag("only");
const args: BenchArgs = { rounds: Number(flag("rounds") ?? 3), size: flag("size") === undefined ? undefined : Number(flag("size")) };
for (const [name, run] of Object.entries(benches)) {
  if (only !== undefined && only !== name) continue;
  console.log(`\n== ${name}`);
  await run(args);
}
