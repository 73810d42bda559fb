/**
 * Differential soundness of `diffSchemas` on real schemas (../shared/corpus/schemastore): each schema against
 * mutations of itself, diffed in both argument orders. Every `compatible` direction is checked with ajv in memory
 * (not the generated validators the engine confirms its witnesses with) on the instance documents and on values
 * from an independent generator; every reported witness is re-checked with ajv; the two argument orders must
 * agree (backward of (a, b) is forward of (b, a)). Any disagreement is a violation.
 */
import path from "node:path";
import { diffSchemas, type DiffOptions } from "../../../src/drift/diff.js";
import type { DiffResult, Direction } from "../../../src/drift/types.js";
import { createAjv } from "../../../src/emit/validators/index.js";
import { InputError } from "../../../src/errors.js";
import type { Draft, JsonObject, JsonValue } from "../../../src/ir/json.js";
import { loadSchemaFile } from "../../../src/load/index.js";
import { corpusFiles, readInstances } from "../../corpus/schemastore-run.js";
import { mutations, type Operator } from "./mutate.js";
import { values } from "./values.js";

export interface RunOptions {
  /** Operators for the schema at index i of the sorted corpus. */
  readonly operators: (index: number) => readonly Operator[];
  readonly perOperator: number;
  /** At most this many mutations per schema (the first that apply, in operator order). */
  readonly perSchema?: number;
  readonly seed: number;
  /** Generated values per compatible direction (instance documents come on top). */
  readonly valuesPerDirection: number;
  readonly diff: DiffOptions;
  /** Only these schema files (all when undefined). */
  readonly only?: readonly string[];
  readonly onPair?: (line: string) => void;
  /** Wall-clock ms after which no further schema is started (the figures say how many were not reached). */
  readonly stopAfterMs?: number;
  /** This run's share of the corpus: the files at positions ≡ index (mod count) among those selected. */
  readonly shard?: { readonly index: number; readonly count: number };
}

type Tally = Record<"compatible" | "incompatible" | "unknown", number>;

export interface Figures {
  schemas: number;
  pairs: number;
  diffs: number;
  verdicts: Record<Direction, Tally>;
  byOperator: Record<string, { pairs: number; compatible: number; incompatible: number; unknown: number }>;
  valuesChecked: number;
  witnessesChecked: number;
  violations: string[];
  /** Pairs not judged, by reason (input errors of the engine, schemas ajv will not compile). */
  notJudged: Record<string, number>;
  slowest: { name: string; ms: number };
  /**
   * The same by the process's CPU time (garbage collection included): on a machine shared with other work the
   * wall clock mostly measures the others; CPU time is what the diff itself cost.
   */
  slowestCpu: { name: string; ms: number };
  /** CPU milliseconds of every diff, for the median and the count over 2 s. */
  cpuMs: number[];
  unknownCauses: Record<string, number>;
  /** Schemas of this run's selection never started because the time cap was reached. */
  notReached: number;
  /**
   * Unknown directions cut by the wall clock (the time budget ran out, or building the witness validators would
   * have overrun it): these depend on the machine's load, the others on the engine alone.
   */
  clockUnknown: number;
}

const DIRS: readonly Direction[] = ["backward", "forward"];
/** Causes that name the wall clock (see Figures.clockUnknown). */
const CLOCK = /judging stopped: (the time budget|building the validators)/;

type Check = (v: JsonValue) => boolean;

function ajvCheck(schema: JsonObject, draft: Draft): Check {
  // In-memory options (refs compiled once, no optimisation pass): the same answers, half the compile time.
  const validate = createAjv(draft, { strict: false, validateSchema: false, inMemory: true }).compile(schema);
  return (v) => validate(v) === true;
}

/** A message with its values blanked, so the same cause at different places counts once per kind. */
export function cause(rule: string, message: string): string {
  const text = message
    .replace(/^(.*?)(: compatibility is not proven| \(|; e\.g\.).*$/, "$1$2")
    .replace(/(\/[^\s,;:)"]*)+/g, "<ptr>")
    .replace(/(?<!keyword )"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/-?\d+(\.\d+)?/g, "N");
  return `${rule}: ${text}`.slice(0, 160);
}

export async function runMutations(dir: string, options: RunOptions): Promise<Figures> {
  const f: Figures = {
    schemas: 0,
    pairs: 0,
    diffs: 0,
    verdicts: { backward: { compatible: 0, incompatible: 0, unknown: 0 }, forward: { compatible: 0, incompatible: 0, unknown: 0 } },
    byOperator: {},
    valuesChecked: 0,
    witnessesChecked: 0,
    violations: [],
    notJudged: {},
    slowest: { name: "", ms: 0 },
    slowestCpu: { name: "", ms: 0 },
    cpuMs: [],
    unknownCauses: {},
    notReached: 0,
    clockUnknown: 0,
  };
  const schemasDir = path.join(dir, "schemas");
  const files = corpusFiles(dir);
  const selected = files.filter((file) => options.only === undefined || options.only.includes(file)).filter((_, k) => options.shard === undefined || k % options.shard.count === options.shard.index);
  const started = Date.now();
  for (const [index, file] of files.entries()) {
    if (!selected.includes(file)) continue;
    if (options.stopAfterMs !== undefined && Date.now() - started > options.stopAfterMs) {
      f.notReached = selected.length - selected.indexOf(file);
      break;
    }
    const stem = file.replace(/\.json$/, "");
    let loaded;
    try {
      loaded = loadSchemaFile(path.join(schemasDir, file), { schemasDir, rootDir: dir });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      f.notJudged[`load: ${e.diagnostic.code}`] = (f.notJudged[`load: ${e.diagnostic.code}`] ?? 0) + 1;
      continue;
    }
    f.schemas++;
    const { draft } = loaded;
    const docs = readInstances(dir, stem).documents.map((d) => d.value as JsonValue);
    const isOld = ajvCheck(loaded.schema, draft);
    const old04or07 = draft === "draft-04" || draft === "draft-06" || draft === "draft-07";
    const made = mutations(loaded.schema, stem, options.seed, options.operators(index), options.perOperator, old04or07);
    for (const m of made.slice(0, options.perSchema ?? made.length)) {
      const name = `${stem} ${m.operator} at ${m.site || "/"}`;
      let isNew: Check;
      try {
        isNew = ajvCheck(m.schema, draft);
      } catch {
        f.notJudged["ajv does not compile the mutated schema"] = (f.notJudged["ajv does not compile the mutated schema"] ?? 0) + 1;
        continue;
      }
      const a = { schema: loaded.schema, draft, file: `${stem} (old)` };
      const b = { schema: m.schema, draft, file: `${stem} (${m.operator})` };
      const results: DiffResult[] = [];
      for (const [x, y] of [[a, b], [b, a]] as const) {
        const t = performance.now();
        const cpu = process.cpuUsage();
        try {
          results.push(await diffSchemas(x, y, options.diff));
        } catch (e) {
          if (!(e instanceof InputError)) {
            f.violations.push(`${name}: diff crashed: ${(e as Error).message.split("\n")[0]}`);
            break;
          }
          f.notJudged[`diff: ${e.diagnostic.code}`] = (f.notJudged[`diff: ${e.diagnostic.code}`] ?? 0) + 1;
          break;
        } finally {
          const ms = performance.now() - t;
          f.diffs++;
          const used = process.cpuUsage(cpu);
          const cpuMs = (used.user + used.system) / 1000;
          f.cpuMs.push(cpuMs);
          if (ms > f.slowest.ms) f.slowest = { name: `${name} (${x === a ? "old→new" : "new→old"})`, ms };
          if (cpuMs > f.slowestCpu.ms) f.slowestCpu = { name: `${name} (${x === a ? "old→new" : "new→old"})`, ms: cpuMs };
        }
      }
      if (results.length < 2) continue;
      f.pairs++;
      const op = (f.byOperator[m.operator] ??= { pairs: 0, compatible: 0, incompatible: 0, unknown: 0 });
      op.pairs++;
      const [ab, ba] = results as [DiffResult, DiffResult];
      for (const d of DIRS) {
        const mirrored = ba.verdict[d === "backward" ? "forward" : "backward"];
        const v = ab.verdict[d];
        if ((v === "compatible" && mirrored === "incompatible") || (v === "incompatible" && mirrored === "compatible")) {
          f.violations.push(`${name}: ${d} is ${v} old→new but ${mirrored} new→old`);
        }
      }
      for (const [result, isX, isY, label] of [[ab, isOld, isNew, "old→new"], [ba, isNew, isOld, "new→old"]] as const) {
        // isX: the first argument's validator ("old" side of this diff), isY: the second's.
        for (const c of result.changes) {
          if (c.witness === undefined) continue;
          f.witnessesChecked++;
          const [valid, invalid] = c.witness.validUnder === "old" ? [isX, isY] : [isY, isX];
          if (!valid(c.witness.value) || invalid(c.witness.value)) {
            f.violations.push(`${name} (${label}): witness of ${c.rule} at ${c.pointer} is not valid under ${c.witness.validUnder} only: ${JSON.stringify(c.witness.value).slice(0, 300)}`);
          }
        }
        for (const d of DIRS) {
          const verdict = result.verdict[d];
          f.verdicts[d][verdict]++;
          op[verdict]++;
          if (verdict === "unknown") {
            const seen = new Set<string>();
            for (const c of result.changes) if (c.unknown?.includes(d)) seen.add(cause(c.rule, c.message));
            if (seen.size === 0) seen.add("(no change names the direction)");
            if ([...seen].some((k) => CLOCK.test(k))) f.clockUnknown++;
            for (const k of seen) f.unknownCauses[k] = (f.unknownCauses[k] ?? 0) + 1;
          }
          if (verdict !== "compatible") continue;
          const [isSrc, isTgt, srcSchema] = d === "backward" ? [isX, isY, label === "old→new" ? loaded.schema : m.schema] : [isY, isX, label === "old→new" ? m.schema : loaded.schema];
          const seed = options.seed ^ (f.diffs * 7919);
          for (const v of [...docs, ...values(srcSchema as never, docs, seed, options.valuesPerDirection)]) {
            if (!isSrc(v)) continue;
            f.valuesChecked++;
            if (!isTgt(v)) {
              f.violations.push(`${name} (${label}): ${d} claimed compatible, but ${JSON.stringify(v).slice(0, 300)} is valid under the ${d === "backward" ? "first" : "second"} schema and not the other`);
              break;
            }
          }
        }
      }
      options.onPair?.(`${name}: ${ab.verdict.backward}/${ab.verdict.forward} | ${ba.verdict.backward}/${ba.verdict.forward}`);
    }
  }
  return f;
}
