/**
 * Validators against the anchors (issue 20): our `is…` and `parse…` (the generated module used exactly as
 * `v<N>.ts` uses it: fast path first, then for `parse…` the all-errors validator, our own collector where it
 * covers the schema, else ajv's code; the note says which) against ajv
 * compiled in memory (`allErrors: false` for `is`, `allErrors: true` for `parse`, same options) and typia
 * (`createIs` / `createValidate`, built at bench time from our TypeScript types, bench/typia.ts). One process per
 * subject, competitors alternating within each round (the order rotates), median CPU ns per call over the
 * rounds, and each ratio the median of per-round ratios against ajv. Payloads: a valid document, its first scalar
 * leaf given another type (one error), every scalar leaf given another type (many errors). Also bundle sizes, and
 * for the two invalid payloads a `steps` row: what `parse…` spends past the fast path, step by step, beside ajv's
 * all-errors call (anchors-failure.ts); for the valid one an `is/typia` row: our `is…` and typia's `is` alone,
 * ratio to typia's. typia checks the TypeScript type only (no `pattern`, `format`, lengths, bounds, `uniqueItems`
 * or `additionalProperties: false`), so this ratio includes the checks it skips.
 *
 * Why several processes per subject (PROCESSES): the per-round ratio cancels what the machine does to both sides
 * of a round, but not what one process's JIT did to one side. The same code measured in fresh processes on the
 * loaded 2-core machine gave parse/ajv-all-errors from 0.4 to 3.5 on ticket-triage v3's many errors (issue 20
 * part K): ajv's or our function stays slow in some processes for the whole run. So each subject runs in
 * PROCESSES fresh processes; a cell shows the median over them of the process's median ns and of its ratio, and
 * the range of the processes' ratios.
 *
 * Why V8_FLAGS (`--no-concurrent-recompilation`): V8 optimises a hot function on a background thread, and on the
 * loaded machine that thread may get no CPU for the whole run, so a process timed ajv's or our code unoptimised
 * throughout. Issue 20 part E, ticket-triage v3 many errors, four processes each, our parse… / ajv all-errors ns:
 * without the flag 496/305, 2800/2392, 587/295, 3224/2480 (two processes never optimised); with it 439/272,
 * 498/294, 476/266, 456/276 (ratios 1.64–1.81, where the four without it gave 1.14–1.66). With it a function is
 * optimised on the main thread as soon as it is hot, in every process alike.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { createAjv, emitValidator } from "../src/emit/validators/index.js";
import { emitFast } from "../src/emit/fast/index.js";
import { typeNameFrom } from "../src/emit/codegen/escape.js";
import { runContract } from "../src/runtime/errors.js";
import { keywordRules } from "../src/emit/modules/keyword-rules.js";
import * as runtimeErrors from "../src/runtime/errors.js";
import { isValidFast } from "../src/runtime/limits.js";
import type { RawValidator } from "../src/runtime/types.js";
import { loadSchemaFile } from "../src/load/index.js";
import type { Draft, JsonObject } from "../src/ir/json.js";
import type { BenchArgs } from "./args.js";
import { median } from "./stats.js";
import { race, WARM_CALLS, WARM_NS, type Fn } from "./anchors-race.js";
import { failureRow } from "./anchors-failure.js";
import { mutate } from "./validators.js";
import { typiaBuild } from "./typia.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SCHEMASTORE = path.resolve(REPO, "../shared/corpus/schemastore");

interface Subject {
  readonly name: string;
  readonly schema: JsonObject;
  readonly draft: Draft;
  readonly strict: boolean;
  readonly valid: unknown;
}

function firstJson(dir: string): unknown {
  const file = readdirSync(dir).filter((f) => f.endsWith(".json")).sort()[0]!;
  return JSON.parse(readFileSync(path.join(dir, file), "utf8")) as unknown;
}

function subjects(): Subject[] {
  const list: Subject[] = [];
  for (const [contract, file] of [["ticket-triage", "v3.json"], ["issue-refund", "v2.json"], ["document-outline", "v1.yaml"]] as const) {
    const schemasDir = path.join(REPO, "schemas");
    const loaded = loadSchemaFile(path.join(schemasDir, contract, file), { schemasDir, rootDir: REPO });
    const examples = path.join(schemasDir, contract, "examples", file.replace(/\.\w+$/, ""), "valid");
    list.push({ name: `${contract} ${file.replace(/\.\w+$/, "")}`, schema: loaded.schema, draft: loaded.draft, strict: true, valid: firstJson(examples) });
  }
  for (const stem of ["chart", "dependabot-2.0", "prometheus.rules"]) {
    const file = path.join(SCHEMASTORE, "schemas", `${stem}.json`);
    const loaded = loadSchemaFile(file, { schemasDir: path.join(SCHEMASTORE, "schemas"), rootDir: SCHEMASTORE });
    list.push({ name: `schemastore ${stem}`, schema: loaded.schema, draft: loaded.draft, strict: false, valid: firstJson(path.join(SCHEMASTORE, "instances", stem, "valid")) });
  }
  return list;
}

async function load(code: string): Promise<{ validate: RawValidator; validateWorded?: RawValidator; validateFirst: RawValidator; validateFast: (d: unknown) => boolean | undefined }> {
  return (await import(`data:text/javascript;base64,${Buffer.from(code, "utf8").toString("base64")}`)) as never;
}

export interface AnchorRow {
  readonly subject: string;
  readonly pair: "is" | "parse" | "parse/is" | "parse/ajv" | "is/typia" | "steps";
  readonly payload: string;
  readonly names: readonly string[];
  readonly ns: readonly number[];
  readonly ratio: readonly number[];
}

export interface AnchorResult {
  readonly rows: AnchorRow[];
  readonly notes: string[];
}

/** Every measurement of one subject, in this process. */
export async function measureSubject(index: number, rounds: number): Promise<AnchorResult> {
  const s = subjects()[index]!;
  const notes: string[] = [];
  const module = await load(emitValidator({ schema: s.schema, draft: s.draft, strict: s.strict }));
  const fast = emitFast({ schema: s.schema, draft: s.draft });
  notes.push(fast.kind === "fast" ? "fast path: yes" : `fast path: no, falls back to ajv's code (${fast.feature})`);
  if (fast.kind === "fast") notes.push("code" in fast.collector ? "all-errors: ours" : `all-errors: ajv's (${fast.collector.unsupported})`);
  const fastFn = module.validateFast;
  const first = module.validateFirst;
  // What parse… runs: our collector's worded errors where it is ours, else ajv's raw ones (v<N>.ts, version.ts).
  const all = module.validateWorded ?? module.validate;
  // Exactly what v<N>.ts emits for is… and parse…: the runtime wrappers, guards (depth, error cap) included.
  const ourIs: Fn = (value) => isValidFast(fastFn, first, value);
  // The module's own rules, as v<N>.ts passes them (src/emit/modules/keyword-rules.ts).
  const exported = runtimeErrors as unknown as Readonly<Record<string, runtimeErrors.KeywordRule>>;
  const rules = Object.fromEntries(keywordRules(s.schema, module.validateWorded !== undefined).map(([keyword, name]) => [keyword, exported[name]!]));
  const ourParse: Fn = (value) => runContract(rules, all, first, fastFn, value).ok;
  const ajvFirst = createAjv(s.draft, { strict: s.strict, firstFailure: true }).compile(s.schema);
  const ajvAll = createAjv(s.draft, { strict: s.strict }).compile(s.schema);
  const typia = await typiaBuild(s.schema, s.draft, typeNameFrom(s.name.replace(/^schemastore /, "")));
  if ("error" in typia) notes.push(`typia: ${typia.error}`);
  else notes.push(`typia: is ${typia.isGzip} B, validate ${typia.validateGzip} B min+gzip`);
  const payloads: [string, unknown][] = [["valid", s.valid], ["one error", mutate(s.valid, false)], ["many errors", mutate(s.valid, true)]];
  const rows: AnchorRow[] = [];
  for (const [label, data] of payloads) {
    const expected = label === "valid";
    // ajv's all-errors function compiled afresh for each payload: one shared across payloads was timed at 8,383 ns
    // in chart's many-errors parse race and 1,480 ns in the steps race right after it (same function and data,
    // load 2): the feedback of the earlier payloads, which flattered us. A fresh one is ajv at its best.
    const ajvAllHere = createAjv(s.draft, { strict: s.strict }).compile(s.schema);
    for (const [who, fn] of [["our is", ourIs], ["our parse", ourParse], ["ajv", ajvAll], ["ajv first", ajvFirst]] as const) {
      if (Boolean(fn(data)) !== expected) throw new Error(`${s.name} ${label}: ${who} says ${String(!expected)}`);
    }
    if (!("error" in typia) && typia.is(data) !== expected) notes.push(`typia is says ${String(!expected)} on ${label} (it checks less)`);
    const isNames = ["our is", "ajv first-error"];
    const isFns: Fn[] = [ourIs, ajvFirst];
    const parseNames = ["our parse", "our is", "ajv all-errors"];
    const parseFns: Fn[] = [ourParse, ourIs, ajvAllHere];
    if (!("error" in typia)) {
      isNames.push("typia is");
      isFns.push(typia.is);
      parseNames.push("typia validate");
      parseFns.push((d) => typia.validate(d).success);
    }
    const a = race(isFns, data, rounds, 1);
    rows.push({ subject: s.name, pair: "is", payload: label, names: isNames, ns: a.ns, ratio: a.ratio });
    const b = race(parseFns, data, rounds, 2);
    rows.push({ subject: s.name, pair: "parse", payload: label, names: parseNames, ns: b.ns, ratio: b.ratio });
    if (!expected) {
      // Issue 20: parse… against ajv all-errors alone, fresh loops. In the three- or four-way race above, both
      // sides of SchemaStore's many-errors payloads were timed several times slower than alone (chart: ajv 8,369
      // ns there, 1,720 ns in the steps race), at load 1–2: this row is the one the target reads.
      const e = race([ourParse, ajvAllHere], data, rounds, 1);
      rows.push({ subject: s.name, pair: "parse/ajv", payload: label, names: ["our parse", "ajv all-errors"], ns: e.ns, ratio: e.ratio });
      // Issue 20 part S: what parse… on invalid data spends, step by step (anchors-failure.ts).
      const steps = failureRow(fastFn, all, rules, ajvAllHere, data, rounds);
      rows.push({ subject: s.name, pair: "steps", payload: label, ...steps });
    }
    if (expected) {
      // Issue 20: parse… on valid data within 10% of is…; the two alone, ratio to is.
      const c = race([ourParse, ourIs], data, rounds, 1);
      rows.push({ subject: s.name, pair: "parse/is", payload: label, names: ["our parse", "our is"], ns: c.ns, ratio: c.ratio });
      if (!("error" in typia)) {
        // Issue 20: our is… on valid data against typia's alone, ratio to typia. The `is` row's ratios are to
        // ajv, whose own time moves between processes and runs (chart's valid document: ajv first-error 1,672 ns
        // in one run, 5,815 ns in the next, ours 859 and 894 ns), and every ratio to it with it.
        const d = race([ourIs, typia.is], data, rounds, 1);
        rows.push({ subject: s.name, pair: "is/typia", payload: label, names: ["our is", "typia is"], ns: d.ns, ratio: d.ratio });
      }
    }
  }
  return { rows, notes };
}

/** min+gzip bytes of one `parse…`-like entry over the generated module: ours, and ajv's raw standalone module. */
async function sizes(s: Subject): Promise<string> {
  const code = emitValidator({ schema: s.schema, draft: s.draft, strict: s.strict });
  const dir = path.join(os.tmpdir(), `llmc-anchor-size-${process.pid}`);
  const { mkdirSync, writeFileSync, rmSync } = await import("node:fs");
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(path.join(dir, "v.js"), code);
    // What parse… imports: our collector's worded entry where it is ours (src/emit/fast/collect), else ajv's.
    const all = code.includes("export function validateWorded(") ? "validateWorded" : "validate";
    const entries = {
      "fast + all-errors (parse)": `export { validateFast, ${all} } from "./v.js";`,
      "fast + first-error (is)": `export { validateFast, validateFirst } from "./v.js";`,
      "all-errors alone": `export { ${all} } from "./v.js";`,
    };
    const out: string[] = [];
    for (const [label, source] of Object.entries(entries)) {
      writeFileSync(path.join(dir, "e.js"), source);
      const r = await build({ entryPoints: [path.join(dir, "e.js")], bundle: true, minify: true, format: "esm", platform: "neutral", write: false, logLevel: "silent", outfile: path.join(dir, "o.js") });
      out.push(`${label} ${gzipSync(r.outputFiles[0]!.text).length} B`);
    }
    return out.join(", ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fresh processes per subject (see the header). */
const PROCESSES = 3;

/** V8 flags of each subject's process (see the header): optimisation on the main thread, when a function is hot. */
const V8_FLAGS = ["--no-concurrent-recompilation"];

/** One result per row from several processes' results (rows in the same order in each): medians, ratio range. */
function combined(results: readonly AnchorResult[]): { rows: (AnchorRow & { readonly low: number[]; readonly high: number[] })[]; notes: string[] } {
  const first = results[0]!;
  const rows = first.rows.map((row, r) => {
    const cells = results.map((res) => res.rows[r]!);
    const ratios = (k: number): number[] => cells.map((c) => c.ratio[k]!);
    return {
      ...row,
      ns: row.names.map((_, k) => median(cells.map((c) => c.ns[k]!))),
      ratio: row.names.map((_, k) => median(ratios(k))),
      low: row.names.map((_, k) => Math.min(...ratios(k))),
      high: row.names.map((_, k) => Math.max(...ratios(k))),
    };
  });
  return { rows, notes: [...new Set(results.flatMap((res) => res.notes))] };
}

export async function anchorsBench(args: BenchArgs): Promise<void> {
  const rounds = Math.max(11, args.rounds);
  const load1 = os.loadavg();
  console.log(`validators vs ajv and typia: ${PROCESSES} processes per subject (${V8_FLAGS.join(" ")}), ${rounds} rounds each after ${WARM_CALLS.toLocaleString("en-US")} warm-up calls (at most ${WARM_NS / 1e6} ms) per competitor, median CPU ns per call; ratios = median per-round ratio to ajv (is: first-error, parse: all-errors), median over the processes [their range]; load average ${load1.map((l) => l.toFixed(2)).join(" ")}`);
  const child = path.join(path.dirname(fileURLToPath(import.meta.url)), "anchors-child.js");
  const list = subjects();
  for (let i = 0; i < list.length; i++) {
    const results: AnchorResult[] = [];
    for (let p = 0; p < PROCESSES; p++) {
      const r = spawnSync(process.execPath, [...V8_FLAGS, child, String(i), String(rounds)], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`anchors bench child failed: ${r.stderr}`);
      results.push(JSON.parse(r.stdout) as AnchorResult);
    }
    const result = combined(results);
    console.log(`\n${list[i]!.name} — ${result.notes.join("; ")}`);
    console.log(`  bundle sizes (min+gzip, validator module only): ${await sizes(list[i]!)}`);
    for (const row of result.rows) {
      const cells = row.names.map((n, k) => `${n} ${row.ns[k]!.toFixed(0)} ns (${row.ratio[k]!.toFixed(2)} [${row.low[k]!.toFixed(2)}–${row.high[k]!.toFixed(2)}])`).join("  ");
      console.log(`  ${row.pair.padEnd(8)} ${row.payload.padEnd(11)}  ${cells}`);
    }
  }
  console.log(`\nload average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}
