/**
 * Validator throughput: the generated validators against ajv compiled in memory with the same options (the same
 * `createAjv`), timed in the same run, alternating, medians over rounds. Two pairs per schema:
 * - `is…`    : generated `validateFirst` vs ajv `allErrors: false` (goal: <= 1.00 on valid data, <= 1.50 invalid);
 * - `parse…` : generated `validate` vs ajv `allErrors: true`.
 * Payloads per schema: a valid document, the same with its first scalar leaf given the wrong type (one error), and
 * with every scalar leaf given the wrong type (many errors). Ratios are generated time / ajv time.
 *
 * Schemas: ticket-triage v3 (schemas/) and two SchemaStore schemas with their own valid documents (corpus).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Draft, JsonObject } from "../src/ir/json.js";
import { createAjv, emitValidator } from "../src/emit/validators/index.js";
import type { BenchArgs } from "./args.js";
import { median } from "./stats.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SCHEMASTORE = path.resolve(REPO, "../shared/corpus/schemastore");
/** SchemaStore schemas (draft-07, standalone) whose upstream valid documents exercise objects, arrays, enums. */
const CORPUS: readonly (readonly [string, string])[] = [
  ["prometheus.rules", "prometheus.rules"],
  ["claude-code-keybindings", "claude-code-keybindings"],
];

type Check = (data: unknown) => boolean;
export interface Subject {
  readonly name: string;
  readonly schema: JsonObject;
  readonly draft: Draft;
  readonly strict: boolean;
  readonly valid: unknown;
}

/** Scalar leaves replaced by a value of another type: the first one only, or all of them. */
export function mutate(value: unknown, all: boolean): unknown {
  let done = false;
  const visit = (v: unknown): unknown => {
    if (done && !all) return v;
    if (Array.isArray(v)) return v.map(visit);
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = visit(x);
      return out;
    }
    done = true;
    return typeof v === "string" ? 12345 : "not-the-type";
  };
  return visit(value);
}

/**
 * CPU time of this process since `start`, in ns. CPU time rather than wall time: the bench machine is shared, and
 * time spent waiting for a core is not the validator's.
 */
function cpuNs(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) * 1000;
}

/*
 * Two separate loop functions, one per side: a shared loop would see both validators at its call site and stop
 * inlining either (megamorphic), which measures the loop rather than the validators.
 */
function loopOurs(fn: Check, data: unknown, iterations: number): number {
  let sink = 0;
  const t0 = process.cpuUsage();
  for (let i = 0; i < iterations; i++) if (fn(data)) sink++;
  const ns = cpuNs(t0) / iterations;
  return sink === -1 ? 0 : ns;
}

function loopTheirs(fn: Check, data: unknown, iterations: number): number {
  let sink = 0;
  const t0 = process.cpuUsage();
  for (let i = 0; i < iterations; i++) if (fn(data)) sink++;
  const ns = cpuNs(t0) / iterations;
  return sink === -1 ? 0 : ns;
}

/** Iterations for about 10 ms of `fn`. */
function calibrate(fn: Check, data: unknown): number {
  let n = 256;
  for (;;) {
    const ns = loopTheirs(fn, data, n) * n;
    if (ns > 5e6 || n > 1e7) return Math.max(256, Math.round((n * 1e7) / Math.max(ns, 1)));
    n *= 4;
  }
}

/**
 * Median ns/call of ours and theirs over alternating rounds, and the median of the per-round ratios (ours /
 * theirs): on a loaded machine a round's two halves share its conditions, so their ratio is steadier than either.
 */
export function race(ours: Check, theirs: Check, data: unknown, rounds: number): { ours: number; theirs: number; ratio: number } {
  const n = calibrate(theirs, data);
  for (let w = 0; w < 3; w++) {
    loopOurs(ours, data, n);
    loopTheirs(theirs, data, n);
  }
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const first = r % 2 === 0;
    const x = first ? loopOurs(ours, data, n) : 0;
    const y = loopTheirs(theirs, data, n);
    const z = first ? x : loopOurs(ours, data, n);
    a.push(z);
    b.push(y);
    ratios.push(z / y);
  }
  return { ours: median(a), theirs: median(b), ratio: median(ratios) };
}

async function load(code: string): Promise<{ validate: Check & { errors?: unknown[] | null }; validateFirst: Check }> {
  return (await import(`data:text/javascript;base64,${Buffer.from(code, "utf8").toString("base64")}`)) as {
    validate: Check & { errors?: unknown[] | null };
    validateFirst: Check;
  };
}

function subjects(): Subject[] {
  const list: Subject[] = [];
  const triage = JSON.parse(readFileSync(path.join(REPO, "schemas/ticket-triage/v3.json"), "utf8")) as JsonObject;
  const example: unknown = JSON.parse(readFileSync(path.join(REPO, "schemas/ticket-triage/examples/v3/valid/leaked-key.json"), "utf8"));
  list.push({ name: "ticket-triage v3", schema: triage, draft: "2020-12", strict: true, valid: example });
  for (const [name, file] of CORPUS) {
    const schemaFile = path.join(SCHEMASTORE, "schemas", `${file}.json`);
    const validDir = path.join(SCHEMASTORE, "instances", file, "valid");
    if (!existsSync(schemaFile) || !existsSync(validDir)) {
      console.log(`skip ${name}: not found under ${SCHEMASTORE}`);
      continue;
    }
    const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as JsonObject;
    const doc = readdirJson(validDir);
    if (doc === undefined) continue;
    // SchemaStore schemas are not written for strict mode (unknown keywords such as `markdownDescription`).
    list.push({ name: `schemastore ${name}`, schema, draft: "draft-07", strict: false, valid: doc });
  }
  return list;
}

function readdirJson(dir: string): unknown {
  const first = readdirSync(dir).filter((f) => f.endsWith(".json")).sort()[0];
  return first === undefined ? undefined : (JSON.parse(readFileSync(path.join(dir, first), "utf8")) as unknown);
}

export interface Figure {
  readonly subject: string;
  readonly pair: "is" | "parse";
  readonly payload: "valid" | "one error" | "many errors";
  readonly ours: number;
  readonly theirs: number;
  readonly ratio: number;
}

/** Number of subjects available (ticket-triage v3 and whichever corpus schemas are present). */
export function subjectNames(): string[] {
  return subjects().map((s) => s.name);
}

/** Figures for one subject and one pair, in this process (the bench runs each in a fresh process). */
export async function measurePair(subjectIndex: number, pair: Figure["pair"], rounds: number): Promise<{ figures: Figure[]; errors: string }> {
  const s = subjects()[subjectIndex]!;
  const module = await load(emitValidator({ schema: s.schema, draft: s.draft, strict: s.strict }));
  const ajvAll = createAjv(s.draft, { strict: s.strict }).compile(s.schema);
  const ajvFirst = createAjv(s.draft, { strict: s.strict, firstFailure: true }).compile(s.schema);
  const payloads = { valid: s.valid, "one error": mutate(s.valid, false), "many errors": mutate(s.valid, true) } as const;
  const errorCounts: string[] = [];
  for (const [label, data] of Object.entries(payloads)) {
    const expected = label === "valid";
    for (const [who, fn] of [["validate", module.validate], ["validateFirst", module.validateFirst], ["ajv", ajvAll], ["ajv first", ajvFirst]] as const) {
      if (fn(data) !== expected) throw new Error(`${s.name} ${label}: ${who} says ${String(!expected)}`);
    }
    module.validate(data);
    errorCounts.push(`${label} ${module.validate.errors?.length ?? 0}`);
  }
  const [ours, theirs] = pair === "is" ? [module.validateFirst, ajvFirst] : [module.validate, ajvAll];
  const figures: Figure[] = [];
  for (const [label, data] of Object.entries(payloads) as [Figure["payload"], unknown][]) {
    figures.push({ subject: s.name, pair, payload: label, ...race(ours, theirs, data, rounds) });
  }
  return { figures, errors: errorCounts.join(", ") };
}

export async function validatorBench(args: BenchArgs): Promise<void> {
  const rounds = Math.max(15, args.rounds);
  console.log(`generated validators vs ajv in memory (same options), ${rounds} alternating rounds, median CPU ns per call; ratio = median of per-round generated / ajv`);
  const figures: Figure[] = [];
  const child = path.join(path.dirname(fileURLToPath(import.meta.url)), "validators-child.js");
  const names = subjectNames();
  for (let i = 0; i < names.length; i++) {
    for (const pair of ["is", "parse"] as const) {
      // A fresh process per subject and pair, so one measurement's JIT state cannot slow another's.
      const r = spawnSync(process.execPath, [child, String(i), pair, String(rounds)], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`validator bench child failed: ${r.stderr}`);
      const result = JSON.parse(r.stdout) as { figures: Figure[]; errors: string };
      if (pair === "is") console.log(`${names[i]} (errors per payload: ${result.errors})`);
      for (const f of result.figures) {
        figures.push(f);
        console.log(
          `  ${f.pair.padEnd(5)} ${f.payload.padEnd(11)}  generated ${f.ours.toFixed(0).padStart(6)} ns  ajv ${f.theirs.toFixed(0).padStart(6)} ns  ratio ${f.ratio.toFixed(2)}`,
        );
      }
    }
  }
  const worst = (pair: Figure["pair"], valid: boolean): number =>
    Math.max(...figures.filter((f) => f.pair === pair && (f.payload === "valid") === valid).map((f) => f.ratio));
  console.log(`worst ratio is… valid ${worst("is", true).toFixed(2)} (goal <= 1.00), invalid ${worst("is", false).toFixed(2)} (goal <= 1.50)`);
  console.log(`worst ratio parse… valid ${worst("parse", true).toFixed(2)}, invalid ${worst("parse", false).toFixed(2)}`);
}
