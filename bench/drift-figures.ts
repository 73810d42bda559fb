/**
 * The drift mutation matrix's figures: merged over the workers of one run (drift-matrix.ts) and printed the same
 * way by a single run (drift-corpus.ts). Unknown rate per direction and per cause, the slowest diff, violations,
 * self-diffs, and what the time cap left out.
 */
import type { Figures } from "../test/drift/corpus/run.js";

export interface SelfDiff {
  readonly file: string;
  readonly ms: number;
  readonly verdict: string;
}

export interface Part {
  readonly figures: Figures;
  readonly self: readonly SelfDiff[];
  /** Self-diffs left out by the time cap. */
  readonly selfNotReached: number;
  readonly seconds: number;
  /** CPU seconds of the process(es) that did the work (user + system, garbage collection included). */
  readonly cpuSeconds?: number;
}

const add = (into: Record<string, number>, from: Readonly<Record<string, number>>): void => {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
};

export function emptyFigures(): Figures {
  return {
    schemas: 0, pairs: 0, diffs: 0,
    verdicts: { backward: { compatible: 0, incompatible: 0, unknown: 0 }, forward: { compatible: 0, incompatible: 0, unknown: 0 } },
    byOperator: {}, valuesChecked: 0, witnessesChecked: 0, violations: [], notJudged: {}, slowest: { name: "", ms: 0 }, slowestCpu: { name: "", ms: 0 }, cpuMs: [], unknownCauses: {}, notReached: 0, clockUnknown: 0,
  };
}

/** The parts of one run added up; `seconds` is the longest part's unless the caller knows the run's own. */
export function merge(parts: readonly Part[], seconds?: number): Part {
  const f = emptyFigures();
  for (const { figures: p } of parts) {
    f.schemas += p.schemas;
    f.pairs += p.pairs;
    f.diffs += p.diffs;
    for (const d of ["backward", "forward"] as const) add(f.verdicts[d], p.verdicts[d]);
    for (const [op, t] of Object.entries(p.byOperator)) add((f.byOperator[op] ??= { pairs: 0, compatible: 0, incompatible: 0, unknown: 0 }), t);
    f.valuesChecked += p.valuesChecked;
    f.witnessesChecked += p.witnessesChecked;
    f.violations.push(...p.violations);
    add(f.notJudged, p.notJudged);
    if (p.slowest.ms > f.slowest.ms) f.slowest = p.slowest;
    if (p.slowestCpu.ms > f.slowestCpu.ms) f.slowestCpu = p.slowestCpu;
    f.cpuMs.push(...p.cpuMs);
    add(f.unknownCauses, p.unknownCauses);
    f.notReached += p.notReached;
    f.clockUnknown += p.clockUnknown;
  }
  return {
    figures: f,
    self: parts.flatMap((p) => p.self),
    selfNotReached: parts.reduce((s, p) => s + p.selfNotReached, 0),
    seconds: seconds ?? Math.max(0, ...parts.map((p) => p.seconds)),
    cpuSeconds: parts.reduce((s, p) => s + (p.cpuSeconds ?? 0), 0),
  };
}

export function print(part: Part, log: (line: string) => void = console.log): void {
  const f = part.figures;
  const directions = f.pairs * 4;
  const unknown = f.verdicts.backward.unknown + f.verdicts.forward.unknown;
  const pct = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
  const cpu = part.cpuSeconds === undefined ? "" : `, ${part.cpuSeconds.toFixed(0)} CPU s in all`;
  log(`mutation pairs: ${f.pairs} over ${f.schemas} schemas (${f.diffs} diffs, both argument orders; ${part.seconds.toFixed(0)} s wall${cpu})`);
  for (const d of ["backward", "forward"] as const) log(`  ${d}: ${JSON.stringify(f.verdicts[d])} (unknown ${pct(f.verdicts[d].unknown, f.pairs * 2)})`);
  log(`  values checked on compatible directions: ${f.valuesChecked}; witnesses re-checked with ajv: ${f.witnessesChecked}`);
  log(`  violations: ${f.violations.length}`);
  for (const v of f.violations.slice(0, 30)) log(`    ${v}`);
  log(`  not judged: ${JSON.stringify(f.notJudged)}`);
  log(`  not reached (time cap): ${f.notReached} schemas`);
  log(`  slowest diff: ${f.slowest.name} ${f.slowest.ms.toFixed(0)} ms wall`);
  const perDiff = [...f.cpuMs].sort((x, y) => x - y);
  const at = (q: number): string => (perDiff.length === 0 ? "-" : perDiff[Math.min(perDiff.length - 1, Math.floor(q * perDiff.length))]!.toFixed(0));
  log(`  slowest diff by CPU time: ${f.slowestCpu.name} ${f.slowestCpu.ms.toFixed(0)} ms; CPU per diff: median ${at(0.5)} ms, p99 ${at(0.99)} ms, over 2 s: ${perDiff.filter((x) => x > 2000).length}, over 1 s: ${perDiff.filter((x) => x > 1000).length}; total ${(perDiff.reduce((s, x) => s + x, 0) / 1000).toFixed(0)} s`);
  log(`  unknown rate: ${unknown}/${directions} directions (${pct(unknown, directions)}); cut by the wall clock: ${f.clockUnknown}, decided by the engine alone: ${unknown - f.clockUnknown} (${pct(unknown - f.clockUnknown, directions)})`);
  log("  by operator (directions):");
  for (const [op, t] of Object.entries(f.byOperator).sort()) log(`    ${op.padEnd(30)} pairs ${t.pairs} compatible ${t.compatible} incompatible ${t.incompatible} unknown ${t.unknown}`);
  log("  unknown causes (directions naming them):");
  for (const [c, n] of Object.entries(f.unknownCauses).sort((x, y) => y[1] - x[1])) log(`    ${String(n).padStart(5)}  ${c}`);
  const rows = [...part.self].sort((x, y) => y.ms - x.ms);
  if (rows.length === 0 && part.selfNotReached === 0) return;
  const tally: Record<string, number> = {};
  for (const r of rows) tally[r.verdict] = (tally[r.verdict] ?? 0) + 1;
  const median = rows.length === 0 ? 0 : rows[Math.floor(rows.length / 2)]!.ms;
  log(`self-diffs: ${rows.length}, verdicts ${JSON.stringify(tally)}, not reached (time cap) ${part.selfNotReached}, total ${(rows.reduce((s, r) => s + r.ms, 0) / 1000).toFixed(1)} s, median ${median.toFixed(1)} ms, max ${(rows[0]?.ms ?? 0).toFixed(0)} ms`);
  for (const r of rows.slice(0, 8)) log(`  ${r.file} ${r.ms.toFixed(0)} ms ${r.verdict}`);
}
