/**
 * `diffSchemas`: engine walk → witness confirmation → verdict per direction.
 * compatible: no finding in that direction. incompatible: a witness confirmed by the generated validators.
 * unknown: findings, but no witness confirmed (each unconfirmed claim is downgraded to unknown).
 */
import { InputError, inputError } from "../errors.js";
import { isJsonObject, type Draft, type JsonObject, type JsonValue } from "../ir/json.js";
import { Budget, type BudgetOptions } from "./budget.js";
import { Walk, type Env, type RawChange } from "./engine.js";
import { checkInput } from "./inputs.js";
import { SameMeaning } from "./same.js";
import { RULES, unsupportedKeyword } from "./registry.js";
import { jsonEqual } from "./schema.js";
import { DIRECTIONS, sourceSide, type Change, type DiffResult, type Direction, type SchemaNode, type Verdict, type Witness } from "./types.js";
import { buildEstimateMs, validatorFor, validatorKey, type Check } from "./witness/confirm.js";
import { generate } from "./witness/generate.js";

export interface SchemaInput {
  readonly schema: JsonObject;
  readonly draft: Draft;
  /** Display path, for input errors (default "old schema" / "new schema"). */
  readonly file?: string;
}

export interface DiffOptions extends BudgetOptions {
  /** Report description/property order/enum order changes as prompt changes. */
  readonly modelOutput?: boolean;
  /** Variants of whole documents tried per direction when no rule candidate confirms (default 24). */
  readonly searchVariants?: number;
  /** Declared custom keywords (config `drift.keywords`): annotations are ignored, assertions are opaque. */
  readonly keywords?: Readonly<Record<string, "annotation" | "assertion">>;
}

export async function diffSchemas(old: SchemaInput, neu: SchemaInput, options: DiffOptions = {}): Promise<DiffResult> {
  // Each side's canonical text, computed once: the key of its input check and of its validator (witness/confirm.ts).
  // None for a schema nested too deep to print: both then do their own work, as without a key.
  const keys = new Map<SchemaInput, string | undefined>();
  const keyOf = (side: SchemaInput): string | undefined => {
    if (!keys.has(side)) keys.set(side, textKey(side));
    return keys.get(side);
  };
  await checkInput(old.schema, old.draft, old.file ?? "old schema", keyOf(old));
  await checkInput(neu.schema, neu.draft, neu.file ?? "new schema", keyOf(neu));
  const budget = new Budget(options);
  const env: Env = {
    old: { root: old.schema, draft: old.draft },
    new: { root: neu.schema, draft: neu.draft },
    rules: RULES,
    unsupported: unsupportedKeyword,
    modelOutput: options.modelOutput ?? false,
    keywords: options.keywords ?? {},
    memo: new Map(),
    inProgress: new Map(),
    frames: [],
    tentative: new Map(),
    budget,
    same: new SameMeaning(old.schema, neu.schema, old.draft === neu.draft, () => budget.tick()),
    examples: (side, node, count = 4) => examples(side === "old" ? old : neu, node, count),
    place: (side, node, path, value, variant = 0) => {
      const s = side === "old" ? old : neu;
      if (path.length > 0) return generate(s.schema, s.draft, node, { variant, override: { path, value } });
      // A value for the node itself (a conjunct's or branch's counterexample): the node's other members around it.
      const base = generate(s.schema, s.draft, node, { variant });
      return isJsonObject(base) && isJsonObject(value) ? { ...base, ...value } : value;
    },
    failures: new Map(),
    counterexamples: new Map(),
  };
  const walk = new Walk(env, false);
  try {
    walk.compare({ node: old.schema, pointer: "" }, { node: neu.schema, pointer: "" }, new Set(DIRECTIONS));
  } catch (e) {
    // Last resort: a recursion the bounds did not foresee ends in unknown, never in a crash or a guess.
    if (!(e instanceof RangeError)) throw e;
    budget.stop("the comparison recursed too deeply");
  }
  const raw = [...walk.changes];
  // Stopped while comparing: every direction is unknown (the stop is a change in both).
  const stoppedComparing = budget.exhausted !== undefined;
  if (budget.exhausted !== undefined) raw.push(stoppedChange(budget.exhausted));
  const confirmed = new Map<RawChange, { witness?: Witness; breaks: Set<Direction> }>();
  for (const c of raw) confirmed.set(c, { breaks: new Set() });
  const verdict: Record<Direction, Verdict> = { backward: "compatible", forward: "compatible" };
  for (const d of DIRECTIONS) {
    const relevant = raw.filter((c) => c.breaks.includes(d) || c.unknown.includes(d));
    if (relevant.length === 0) continue;
    // Out of budget: no witness search (building the validators alone can take longer than the budget was).
    if (budget.late) {
      verdict[d] = "unknown";
      continue;
    }
    const [src, tgt] = d === "backward" ? [old, neu] : [neu, old];
    // Building a validator cannot be cut halfway: when the build alone is expected to overrun what is left of the
    // time budget, the direction stays unknown with that as its cause, instead of the diff running long.
    const cost = buildEstimateMs(src.schema, src.draft, keyOf(src)) + buildEstimateMs(tgt.schema, tgt.draft, keyOf(tgt));
    if (cost > budget.remainingMs) {
      budget.stop(`building the validators that confirm witnesses would take about ${Math.ceil(cost)} ms, more than the time budget has left`);
      verdict[d] = "unknown";
      continue;
    }
    const isSrc = await validator(src, d === "backward" ? "old" : "new", keyOf(src));
    const isTgt = await validator(tgt, d === "backward" ? "new" : "old", keyOf(tgt));
    // Each confirmation is one unit of the work budget too, and asks the clock: a witness search is cut like a
    // proof is, and one try (a document generated, two validators run) can cost far more than a comparison.
    const proves = (v: JsonValue | undefined): v is JsonValue => v !== undefined && budget.tick() && !budget.late && isSrc(v) && !isTgt(v);
    let found = false;
    for (const c of relevant) {
      if (budget.late) break;
      const w = findWitness(c, d, src, proves, budget);
      if (w === undefined) continue;
      found = true;
      const entry = confirmed.get(c)!;
      entry.breaks.add(d);
      entry.witness ??= { value: w, validUnder: sourceSide(d) };
    }
    if (!found && !budget.late) {
      const w = search(src, proves, options.searchVariants ?? 24, budget);
      if (w !== undefined) {
        found = true;
        const entry = confirmed.get(relevant[0]!)!;
        entry.breaks.add(d);
        entry.witness ??= { value: w, validUnder: sourceSide(d) };
      }
    }
    verdict[d] = found ? "incompatible" : "unknown";
  }
  // Stopped while searching for witnesses: the directions left unconfirmed say why.
  if (budget.exhausted !== undefined && !stoppedComparing) {
    const open = DIRECTIONS.filter((d) => verdict[d] === "unknown");
    if (open.length > 0) {
      const stop = stoppedChange(budget.exhausted, open);
      raw.push(stop);
      confirmed.set(stop, { breaks: new Set() });
    }
  }
  const changes: Change[] = raw.map((c) => toChange(c, confirmed.get(c)!));
  return { verdict, changes: dedupe(changes) };
}

function textKey(side: SchemaInput): string | undefined {
  try {
    return validatorKey(side.schema, side.draft);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

function stoppedChange(reason: string, directions: readonly Direction[] = DIRECTIONS): RawChange {
  const message = `judging stopped: ${reason}; compatibility is not proven`;
  return { rule: unsupportedKeyword, finding: { message, breaks: [], unknown: [...directions] }, pointer: "", oldPointer: "", instancePath: undefined, breaks: [], unknown: [...directions], candidates: [] };
}

/**
 * The generated validator of one side; a schema it cannot be built for is an input error naming the file and,
 * from the build's own diagnostics (meta-schema, compile), the pointer of the culprit.
 */
async function validator(side: SchemaInput, name: "old" | "new", key: string | undefined): Promise<Check> {
  try {
    return await validatorFor(side.schema, side.draft, key);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const file = side.file ?? `${name} schema`;
    const why = (e as Error).message.split("\n")[0];
    const found = await culprit(side, file);
    const pointer = found?.pointer ?? (typeof side.schema["$async"] === "boolean" && why?.includes("$async") === true ? "/$async" : "");
    const detail = found !== undefined ? found.message : why;
    throw inputError("drift.no-validator", { file, pointer }, `witnesses are confirmed with the generated validator, which cannot be built for this schema: ${detail}`);
  }
}

/** The first meta-schema or compile diagnostic the build would report, if any names a node. */
async function culprit(side: SchemaInput, file: string): Promise<{ pointer: string; message: string } | undefined> {
  // Imported here: the validator compiler (ajv) loads only for a schema that needs it (witness/confirm.ts).
  const { schemaDiagnostics } = await import("../emit/validators/index.js");
  try {
    const d = schemaDiagnostics(side.schema, side.draft, file).find((x) => x.code.startsWith("schema.") && x.pointer !== undefined && x.pointer !== "");
    return d === undefined ? undefined : { pointer: d.pointer!, message: d.message };
  } catch {
    return undefined;
  }
}

function toChange(c: RawChange, conf: { witness?: Witness; breaks: Set<Direction> }): Change {
  const breaks = DIRECTIONS.filter((d) => conf.breaks.has(d));
  const unknown = DIRECTIONS.filter((d) => !conf.breaks.has(d) && (c.breaks.includes(d) || c.unknown.includes(d)));
  const kind = c.finding.kind ?? "change";
  return {
    rule: c.rule.id,
    severity: kind === "change" ? (breaks.length > 0 ? c.rule.severity : "warning") : "note",
    pointer: c.pointer,
    oldPointer: c.oldPointer,
    breaks,
    ...(unknown.length > 0 ? { unknown } : {}),
    message: c.finding.message,
    ...(conf.witness !== undefined ? { witness: conf.witness } : {}),
    kind,
  };
}

/** The same rule at the same pointers with the same message is one change (a node reached twice). */
function dedupe(changes: Change[]): Change[] {
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = JSON.stringify([c.rule, c.pointer, c.oldPointer, c.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const MAX_TRIES = 64;

function findWitness(c: RawChange, d: Direction, src: SchemaInput, proves: (v: JsonValue | undefined) => v is JsonValue, budget: Budget): JsonValue | undefined {
  let tries = 0;
  for (const cand of c.candidates) {
    if (cand.direction !== d) continue;
    if (c.instancePath !== undefined) {
      for (let variant = 0; variant < 4; variant++) {
        if (++tries > MAX_TRIES || budget.late) return undefined;
        const doc = generate(src.schema, src.draft, src.schema, { variant, override: { path: c.instancePath, value: cand.value } });
        if (proves(doc)) return doc;
      }
    } else if (proves(cand.value)) return cand.value;
  }
  return undefined;
}

function search(src: SchemaInput, proves: (v: JsonValue | undefined) => v is JsonValue, variants: number, budget: Budget): JsonValue | undefined {
  for (let variant = 0; variant < variants && !budget.late; variant++) {
    const doc = generate(src.schema, src.draft, src.schema, { variant });
    if (proves(doc)) return doc;
  }
  return undefined;
}

function examples(side: SchemaInput, node: SchemaNode, count: number): JsonValue[] {
  const out: JsonValue[] = [];
  for (let variant = 0; variant < count * 2 && out.length < count; variant++) {
    const v = generate(side.schema, side.draft, node, { variant });
    if (v !== undefined && !out.some((w) => jsonEqual(v, w))) out.push(v);
  }
  return out;
}
