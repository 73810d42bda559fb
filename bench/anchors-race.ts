/**
 * The anchors bench's timing loop (anchors.ts, anchors-failure.ts): competitors alternating within each round
 * (the order rotates), median CPU ns per call over the rounds, and each competitor's median per-round ratio to one
 * of them. CPU time rather than wall time: the bench machine is shared.
 */
import { median } from "./stats.js";

export type Fn = (data: unknown) => unknown;

type Loop = (fn: Fn, data: unknown, n: number) => number;

/** The body of one timing loop: `n` calls of `fn(data)`, CPU ns per call (the count keeps the calls alive). */
const LOOP_BODY = "let s = 0; const t = process.cpuUsage(); for (let i = 0; i < n; i++) if (fn(data)) s++; const d = process.cpuUsage(t); const ns = ((d.user + d.system) * 1000) / n; return s === -1 ? 0 : ns;";

/**
 * A timing loop of its own for each competitor of each race: a function compiled from source has its own type
 * feedback, so its call site sees one validator only. Loops written once and reused by every race saw several
 * validators of a subject (`is` in one race, `parse` in the next), so a later race timed them through a call site
 * that was no longer monomorphic. (With the reused loops, one process timed ajv's all-errors call on ticket-triage
 * v3's many-errors payload at 2,105 ns in the parse race and 446 ns in the next race, same function and data; how
 * much of that the call site explains was not isolated: ajv's own function is shared by the races too.)
 */
function freshLoops(count: number): Loop[] {
  // A numbered comment makes each source new: V8 caches compiled sources, and with them the feedback.
  return Array.from({ length: count }, () => new Function("fn", "data", "n", `${LOOP_BODY}\n// loop ${++compiled}`) as Loop);
}

let compiled = 0;

/**
 * Calls each competitor gets, alternating in chunks, before any is timed: at least `WARM_CALLS`, or `WARM_NS` of
 * CPU where that many would take longer. Timed from the first call, a validator's cost per call falls by 10–30x
 * while V8 tiers its functions up, and the tiers arrive at different call counts for different code: on
 * SchemaStore dependabot's one-error payload, in one process and 1,000-call chunks, our `parse…` settled at about
 * 650 ns only after ~15,000 calls (near 1,300 ns between 8,000 and 15,000, after validateFast was optimized) and
 * ajv's all-errors function at about 1,150 ns after ~5,000. A race whose calibration and two warm-up rounds come
 * to a few thousand calls timed that climb, and read 1.6x on one run and 0.47 on another. This warm-up makes every
 * row a steady-state figure; what the first calls cost is not what this bench reports.
 */
export const WARM_CALLS = 20_000;
export const WARM_NS = 250e6;
const WARM_CHUNK = 1_000;

function warm(loops: readonly Loop[], fns: readonly Fn[], data: unknown): void {
  const calls = fns.map(() => 0);
  const spent = fns.map(() => 0);
  while (calls.some((c, i) => c < WARM_CALLS && spent[i]! < WARM_NS)) {
    fns.forEach((fn, i) => {
      if (calls[i]! >= WARM_CALLS || spent[i]! >= WARM_NS) return;
      spent[i] = spent[i]! + loops[i]!(fn, data, WARM_CHUNK) * WARM_CHUNK;
      calls[i] = calls[i]! + WARM_CHUNK;
    });
  }
}

/** Median ns/call of each competitor over alternating rounds, and median per-round ratio to competitor `base`. */
export function race(fns: readonly Fn[], data: unknown, rounds: number, base: number): { ns: number[]; ratio: number[] } {
  const LOOPS = freshLoops(fns.length);
  warm(LOOPS, fns, data);
  // Iterations for about 5 ms of the slowest competitor.
  let n = 64;
  for (;;) {
    const worst = Math.max(...fns.map((fn, i) => LOOPS[i]!(fn, data, n) * n));
    if (worst > 2e6 || n > 1e7) {
      n = Math.max(64, Math.round((n * 5e6) / Math.max(worst, 1)));
      break;
    }
    n *= 4;
  }
  const times: number[][] = fns.map(() => []);
  const ratios: number[][] = fns.map(() => []);
  for (let r = 0; r < rounds + 2; r++) {
    const round: number[] = new Array<number>(fns.length).fill(0);
    for (let k = 0; k < fns.length; k++) {
      const i = (k + r) % fns.length;
      round[i] = LOOPS[i]!(fns[i]!, data, n);
    }
    if (r < 2) continue; // warm-up rounds
    round.forEach((t, i) => {
      times[i]!.push(t);
      ratios[i]!.push(t / round[base]!);
    });
  }
  return { ns: times.map(median), ratio: ratios.map(median) };
}
