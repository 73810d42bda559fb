/**
 * The engine: pairs old/new nodes and runs every rule on each pair. Rules never walk the tree.
 *
 * Soundness: a direction is compatible only when no rule, at no pair, reports a break or an unknown in it, and
 * every assertion keyword at every pair is accounted for by a rule or by child pairing (else `unsupported-keyword`).
 * Each pair carries a direction mask: a direction is dropped where it holds trivially (old accepts nothing, new
 * accepts everything, or the children constrain a type the source side never has).
 * `$ref`s are followed; a pair already on the walk is assumed to hold (co-induction: greatest fixed point), so
 * recursive schemas terminate and renamed or extracted `$defs` compare by meaning.
 */
import { pointerAppend, type Draft, type JsonObject, type JsonValue } from "../ir/json.js";
import type { At, Rule, RuleContext } from "./define.js";
import { keywordKind } from "../ir/keywords.js";
import { Budget, MAX_PROOF_DEPTH, MAX_VISIT_DEPTH } from "./budget.js";
import type { SameMeaning } from "./same.js";
import { asObject, deref } from "./deref.js";
import { nodeId } from "./node-id.js";
import { STANDARD } from "./standard.js";
import { normalizeNode } from "./normalize.js";
import { lowerUnevaluated, unevaluatedCause } from "./shared/unevaluated.js";
import { inlineLeafRefs } from "./shared/leaf-refs.js";
import { foldNot } from "./shared/negation.js";
import { childPairs, IN_PLACE, PAIRED_KEYWORDS, UNEVALUATED, type Located } from "./pair.js";
import { acceptsAll, acceptsNothing, ANNOTATIONS, assertionKeys, hasType, jsonEqual, typesOf } from "./schema.js";
import { flip, type Candidate, type Direction, type PairSite, type ProofPair, type RuleFinding, type SchemaNode, type Slot } from "./types.js";

export interface Side {
  readonly root: SchemaNode;
  readonly draft: Draft;
}

export interface Env {
  readonly old: Side;
  readonly new: Side;
  readonly rules: readonly Rule[];
  readonly unsupported: Rule;
  readonly modelOutput: boolean;
  /** Declared custom keywords (config `drift.keywords`). */
  readonly keywords: Readonly<Record<string, "annotation" | "assertion">>;
  examples(side: "old" | "new", node: SchemaNode, count?: number): JsonValue[];
  /** A value of `node` (on one side) with `value` placed at instance path `path` (witness/generate.ts). */
  place(side: "old" | "new", node: SchemaNode, path: readonly (string | number)[], value: JsonValue, variant?: number): JsonValue | undefined;
  /** The findings of silent proofs that failed, by proof key (for counterexamples). */
  readonly failures: Map<string, readonly RawChange[]>;
  /** Counterexamples already built, by proof key. */
  readonly counterexamples: Map<string, JsonValue[]>;
  /** Silent proof results shared by every walk of one diff. */
  readonly memo: Map<string, boolean>;
  /** Open proofs, by key, with their index in `frames`. */
  readonly inProgress: Map<string, number>;
  readonly frames: ProofFrame[];
  /** Positive results that hold if the open proof at the given index holds. */
  readonly tentative: Map<string, number>;
  readonly budget: Budget;
  /** Pairs written alike (with alike `$ref` targets): they hold both ways and are not walked (same.ts). */
  readonly same: SameMeaning;
}

/** A finding in global directions, before witness confirmation. */
export interface RawChange {
  readonly rule: Rule;
  readonly finding: RuleFinding;
  readonly pointer: string;
  readonly oldPointer: string;
  readonly instancePath: readonly (string | number)[] | undefined;
  readonly breaks: readonly Direction[];
  readonly unknown: readonly Direction[];
  readonly candidates: readonly Candidate[];
  /** In a silent walk: the rule's candidates with examples, computed only if a counterexample asks for them. */
  readonly later?: () => readonly Candidate[];
}

interface Visit {
  readonly old: Located;
  readonly new: Located;
  readonly slot: Slot;
  readonly path: readonly (string | number)[] | undefined;
  readonly polarity: 1 | -1;
  readonly mask: ReadonlySet<Direction>;
  readonly reportPointer?: string | undefined;
  readonly depth: number;
}

export class Walk {
  readonly changes: RawChange[] = [];
  private readonly visited = new Set<string>();

  constructor(private readonly env: Env, private readonly silent: boolean) {}

  compare(old: At, neu: At, mask: ReadonlySet<Direction>): void {
    this.visit({ old: { ...old, implied: false }, new: { ...neu, implied: false }, slot: "root", path: [], polarity: 1, mask, depth: 0 });
  }

  /** True when the walk found nothing breaking or unknown. */
  get clean(): boolean {
    return this.changes.every((c) => c.breaks.length === 0 && c.unknown.length === 0);
  }

  private visit(v: Visit): void {
    if (this.silent && (v.mask.size === 0 || !this.clean)) return;
    if (v.depth > MAX_VISIT_DEPTH) this.env.budget.stop(`schemas nest deeper than ${MAX_VISIT_DEPTH} levels`);
    if (!this.env.budget.tick()) {
      this.stopped(v);
      return;
    }
    // Written alike on both sides (and so are their `$ref` targets): nothing to find here, in any direction.
    if (v.old.implied === v.new.implied && this.env.same.same(v.old.node, v.new.node)) return;
    const o = deref(v.old, this.env.old);
    const n = deref(v.new, this.env.new);
    const key = `${v.polarity}|${[...v.mask].sort().join(",")}|${nodeId(o.node)}|${nodeId(n.node)}|${v.slot}`;
    if (this.visited.has(key)) return;
    this.visited.add(key);
    const mask = new Set(v.mask);
    const site: PairSite = {
      pointer: v.reportPointer ?? n.pointer,
      oldPointer: o.pointer,
      instancePath: v.path,
      slot: v.slot,
      oldImplied: v.old.implied,
      newImplied: v.new.implied,
    };
    if (o.error !== undefined || n.error !== undefined) {
      const message = `cannot resolve $ref ${JSON.stringify(o.error ?? n.error)}: the change cannot be judged`;
      this.record(this.env.unsupported, { message, breaks: [], unknown: ["backward", "forward"] }, site, v, mask);
      return;
    }
    if (acceptsNothing(o.node) || acceptsAll(n.node)) mask.delete("backward");
    if (acceptsNothing(n.node) || acceptsAll(o.node)) mask.delete("forward");
    if (this.silent && mask.size === 0) return;
    const oObj = asObject(lowerUnevaluated(foldNot(normalizeNode(inlineLeafRefs(o.node, this.env.old.root), this.env.old.draft), this.env.old.draft), this.env.old.root, this.env.old.draft));
    const nObj = asObject(lowerUnevaluated(foldNot(normalizeNode(inlineLeafRefs(n.node, this.env.new.root), this.env.new.draft), this.env.new.draft), this.env.new.root, this.env.new.draft));
    const oldTypes = typesOf(oObj);
    const newTypes = typesOf(nObj);
    const boolSide = typeof o.node === "boolean" || typeof n.node === "boolean";
    const ctx: RuleContext = {
      old: oObj,
      new: nObj,
      rawOld: o.raw,
      rawNew: n.raw,
      site,
      oldAt: { node: o.node, pointer: o.pointer },
      newAt: { node: n.node, pointer: n.pointer },
      oldRoot: this.env.old,
      newRoot: this.env.new,
      oldTypes,
      newTypes,
      modelOutput: this.env.modelOutput,
      proves: (direction, a, b) => proves(this.env, direction, a, b),
      // Candidates only matter in the reported walk: a silent proof needs the verdict alone.
      examples: (side, node, count) => (this.silent ? [] : this.env.examples(side, node, count)),
      counterexamples: (proof) => (this.silent ? [] : counterexamples(this.env, proof, 0)),
    };
    // A silent walk builds no examples; a failed proof's counterexamples re-run the rule with them (once, lazily).
    const loud: RuleContext = { ...ctx, examples: (side, node, count) => this.env.examples(side, node, count) };
    for (const rule of this.env.rules) {
      if (rule.booleanPairs === true ? !(site.oldImplied || site.newImplied || boolSide) : boolSide) continue;
      for (const f of rule.check(ctx)) this.record(rule, f, site, v, mask, this.silent ? () => rule.check(loud).find((g) => g.message === f.message)?.candidates ?? [] : undefined);
    }
    if (boolSide) return;
    this.coverage(oObj, nObj, site, v, mask);
    for (const child of childPairs(oObj, o.pointer, nObj, n.pointer)) {
      const active = new Set<Direction>();
      for (const d of mask) {
        const types = d === "backward" ? oldTypes : newTypes;
        if (child.applies === null || hasType(types, child.applies)) active.add(d);
      }
      this.visit({
        old: child.old,
        new: child.new,
        slot: child.slot,
        path: child.step === null || v.path === undefined ? undefined : [...v.path, child.step],
        polarity: child.polarity === 1 ? v.polarity : v.polarity === 1 ? -1 : 1,
        mask: child.polarity === 1 ? active : new Set([...active].map(flip)),
        reportPointer: child.reportPointer,
        depth: v.depth + 1,
      });
    }
  }

  /** Judging stopped (budget or nesting bound): the pair, and so every direction still open, is unknown. */
  private stopped(v: Visit): void {
    // The top-level walk reports one stop for the whole diff (diff.ts); a proof just fails.
    if (!this.silent || v.mask.size === 0) return;
    const site: PairSite = { pointer: v.reportPointer ?? v.new.pointer, oldPointer: v.old.pointer, instancePath: v.path, slot: v.slot, oldImplied: v.old.implied, newImplied: v.new.implied };
    const message = `judging stopped: ${this.env.budget.exhausted ?? "budget spent"}; compatibility is not proven`;
    this.record(this.env.unsupported, { message, breaks: [], unknown: ["backward", "forward"] }, site, v, v.mask);
  }

  /** Every assertion keyword must be accounted for; anything else makes the pair unknown when it differs. */
  private coverage(o: JsonObject, n: JsonObject, site: PairSite, v: Visit, mask: ReadonlySet<Direction>): void {
    const handled = new Set<string>(PAIRED_KEYWORDS);
    for (const rule of this.env.rules) for (const k of rule.keywords) handled.add(k);
    const keys = new Set([...assertionKeys(o), ...assertionKeys(n)]);
    const odd: string[] = [];
    const opaque: string[] = [];
    for (const k of keys) {
      // A declared keyword is not "not understood": an annotation constrains nothing, an assertion is compared whole.
      // A project's own keyword, never one the engine or the validators know (a standard keyword, `$…`).
      const own = !handled.has(k) && !STANDARD.has(k) && !k.startsWith("$") && keywordKind(k) === undefined;
      const declared = own && Object.hasOwn(this.env.keywords, k) ? this.env.keywords[k] : undefined;
      if (declared === "annotation") continue;
      // Why an unchanged own keyword is no change: the generated validators ignore it (ajv, strict: false); read
      // as an opaque assertion on the value alone, the same constraint on both sides cannot break an inclusion.
      if (own && jsonEqual(o[k], n[k])) continue;
      if (declared === "assertion") {
        opaque.push(k);
        continue;
      }
      if (UNEVALUATED.includes(k)) {
        const inPlace = IN_PLACE.some((a) => o[a] !== undefined || n[a] !== undefined);
        if (inPlace && !jsonEqual(o[k], n[k])) odd.push(k);
        else if (inPlace) odd.push(k);
        continue;
      }
      if (!handled.has(k) && !ANNOTATIONS.has(k)) odd.push(k);
    }
    if (opaque.length > 0) {
      const message = `declared assertion keyword ${opaque.map((k) => JSON.stringify(k)).join(", ")} changed: its meaning is opaque to the drift checker, so compatibility is not proven`;
      this.record(this.env.unsupported, { message, breaks: [], unknown: ["backward", "forward"] }, site, v, mask);
    }
    if (odd.length === 0) return;
    const cause = odd.some((k) => UNEVALUATED.includes(k)) ? unevaluatedCause(o) ?? unevaluatedCause(n) : undefined;
    const message = `keyword ${odd.map((k) => JSON.stringify(k)).join(", ")} is not understood by the drift checker here${cause !== undefined ? ` (${cause})` : ""}: compatibility is not proven`;
    this.record(this.env.unsupported, { message, breaks: [], unknown: ["backward", "forward"] }, site, v, mask);
  }

  private record(rule: Rule, f: RuleFinding, site: PairSite, v: Visit, mask: ReadonlySet<Direction>, redo?: () => readonly Candidate[]): void {
    const g = (d: Direction): Direction => (v.polarity === 1 ? d : flip(d));
    const breaks = f.breaks.filter((d) => mask.has(d)).map(g);
    const unknown = (f.unknown ?? []).filter((d) => mask.has(d)).map(g);
    const kind = f.kind ?? "change";
    if (kind === "change" && breaks.length === 0 && unknown.length === 0) return;
    if (this.silent && kind !== "change") return;
    const local = (list: readonly Candidate[]): Candidate[] => list.filter((c) => mask.has(c.direction)).map((c) => ({ ...c, direction: g(c.direction) }));
    const candidates = local(f.candidates ?? []);
    this.changes.push({
      rule,
      finding: f,
      pointer: (f.at ?? []).reduce(pointerAppend, site.pointer),
      oldPointer: (f.at ?? []).reduce(pointerAppend, site.oldPointer),
      instancePath: v.polarity === 1 ? site.instancePath : undefined,
      breaks,
      unknown,
      candidates,
      ...(redo !== undefined ? { later: () => local(redo()) } : {}),
    });
  }
}

/** One open silent proof: what it assumed from proofs further out, and the results that hang on it. */
export interface ProofFrame {
  readonly key: string;
  /** Index of the outermost open proof this one used as an assumption (co-induction); Infinity if none. */
  dep: number;
  /** Positive results proven while assuming this frame holds: kept if it holds, dropped if it fails. */
  readonly hanging: string[];
}

/**
 * Silent proof of one direction between two subschemas; memoised, and co-inductive across nested proofs.
 *
 * Why positive results are kept while an outer proof is open: a proof that assumed an open outer pair holds is
 * valid exactly when that outer pair turns out to hold (together they form a simulation, the greatest fixed
 * point). Such a result is kept provisionally (`tentative`), usable by every proof inside the outer one, and made
 * final when the outer proof succeeds or dropped when it fails. Without this, recursive schemas with wide anyOf
 * lists redo the same sub-proofs for every branch pair.
 */
export function proves(env: Env, direction: Direction, old: At, neu: At): boolean {
  const key = proofKey(direction, old.node, neu.node);
  const known = env.memo.get(key);
  if (known !== undefined) return known;
  const frames = env.frames;
  const top = frames[frames.length - 1];
  const tentative = env.tentative.get(key);
  if (tentative !== undefined) {
    if (top !== undefined) top.dep = Math.min(top.dep, tentative);
    return true;
  }
  const open = env.inProgress.get(key);
  if (open !== undefined) {
    if (top !== undefined) top.dep = Math.min(top.dep, open);
    return true;
  }
  if (env.same.same(old.node, neu.node)) return true;
  if (env.budget.proofDepth >= MAX_PROOF_DEPTH) env.budget.stop(`proofs nest deeper than ${MAX_PROOF_DEPTH} levels`);
  if (!env.budget.tick()) return false;
  const index = frames.length;
  const frame: ProofFrame = { key, dep: Infinity, hanging: [] };
  frames.push(frame);
  env.inProgress.set(key, index);
  env.budget.proofDepth++;
  const walk = new Walk(env, true);
  try {
    walk.compare(old, neu, new Set([direction]));
  } finally {
    env.inProgress.delete(key);
    env.budget.proofDepth--;
    frames.pop();
  }
  const ok = walk.clean;
  if (!ok) {
    // "Not proven" is always safe to remember; what was proven assuming this pair held is not.
    env.memo.set(key, false);
    env.failures.set(key, walk.changes.slice(0, 4));
    for (const k of frame.hanging) env.tentative.delete(k);
    return false;
  }
  if (frame.dep >= index) {
    env.memo.set(key, true);
    for (const k of frame.hanging) {
      env.tentative.delete(k);
      env.memo.set(k, true);
    }
    return true;
  }
  // Holds if the outer proof at `frame.dep` holds: hang it (and what hung on it) there.
  env.tentative.set(key, frame.dep);
  const outer = frames[frame.dep]!;
  outer.hanging.push(key, ...frame.hanging);
  for (const k of frame.hanging) env.tentative.set(k, Math.min(env.tentative.get(k) ?? frame.dep, frame.dep));
  const caller = frames[frames.length - 1];
  if (caller !== undefined) caller.dep = Math.min(caller.dep, frame.dep);
  return true;
}

function proofKey(direction: Direction, old: SchemaNode, neu: SchemaNode): string {
  return `${direction}|${nodeId(old)}|${nodeId(neu)}`;
}

const MAX_COUNTEREXAMPLES = 16;
const MAX_BECAUSE_DEPTH = 6;

/** A value found to break a failed proof, at an instance path relative to the proof's source node. */
interface Leaf {
  readonly path: readonly (string | number)[];
  readonly value: JsonValue;
}

const leafMemo = new WeakMap<Env, Map<string, Leaf[]>>();

/**
 * What broke a failed proof, as values at instance paths: nested failed proofs' (`because`) first, their paths
 * prefixed with where they were found. Why paths and not whole values: a nested proof's value is a value of the
 * nested node (an allOf conjunct, a oneOf branch) only; laid over the outer node it can undo what the outer node
 * requires (a `const` beside the conjunct). Placed alone at its path, the outer node's generator builds the rest.
 */
function leavesOf(env: Env, proof: ProofPair, depth: number): Leaf[] {
  let memo = leafMemo.get(env);
  if (memo === undefined) leafMemo.set(env, (memo = new Map()));
  const key = proofKey(proof.direction, proof.old, proof.new);
  const known = memo.get(key);
  if (known !== undefined) return known;
  const out: Leaf[] = [];
  memo.set(key, out);
  for (const c of env.failures.get(key) ?? []) {
    const at = c.instancePath;
    if (at === undefined) continue;
    const because = c.finding.because;
    if (because !== undefined && depth < MAX_BECAUSE_DEPTH) out.push(...leavesOf(env, because, depth + 1).slice(0, 8).map((l) => ({ path: [...at, ...l.path], value: l.value })));
    // This finding's own candidates: in a silent walk, re-run with examples (`later`), else a string slot never gets "".
    out.push(...(c.later?.() ?? c.candidates).filter((x) => x.direction === proof.direction).slice(0, 12).map((x) => ({ path: at, value: x.value })));
    if (out.length >= 2 * MAX_COUNTEREXAMPLES) break;
  }
  return out;
}

/**
 * Likely witnesses that a failed proof does not hold: values of its source node with what broke it placed where
 * it was found (leavesOf), then nested failed proofs' whole values placed where their proof was asked.
 * Only guesses: diff.ts keeps a witness only when the generated validators confirm it.
 */
export function counterexamples(env: Env, proof: ProofPair, depth: number): JsonValue[] {
  const key = proofKey(proof.direction, proof.old, proof.new);
  // Once per failed proof (nested proofs are shared), so the work is linear in the failed proofs, not their paths.
  const known = env.counterexamples.get(key);
  if (known !== undefined) return known;
  const out: JsonValue[] = [];
  env.counterexamples.set(key, out);
  const side = proof.direction === "backward" ? "old" : "new";
  const node = proof.direction === "backward" ? proof.old : proof.new;
  const leaves = leavesOf(env, proof, depth);
  const nested = (env.failures.get(key) ?? []).flatMap((c) =>
    c.instancePath !== undefined && c.finding.because !== undefined && depth < MAX_BECAUSE_DEPTH ? counterexamples(env, c.finding.because, depth + 1).slice(0, 4).map((value) => ({ path: c.instancePath!, value })) : [],
  );
  // Nested whole values first (they keep the branch the break was found in), then the deep leaves twice: the
  // generator's odd variants take a conditional's `if` and `then`, the even ones its `else`.
  const deep = leaves.filter((x) => x.path.length > 0);
  // Few of each: a witness search tries a bounded number of candidates (diff.ts), in this order.
  const order = [...nested.slice(0, 6), ...deep.slice(0, 4), ...deep.slice(0, 4).map((l) => ({ ...l, variant: 1 })), ...nested.slice(6), ...leaves.filter((x) => x.path.length === 0), ...deep.slice(4)];
  for (const l of order.map((x) => ({ variant: 0, ...x }))) {
    if (!env.budget.tick()) return out;
    const doc = env.place(side, node, l.path, l.value, l.variant);
    if (doc !== undefined && !out.some((x) => jsonEqual(x, doc))) out.push(doc);
    if (out.length >= MAX_COUNTEREXAMPLES) return out;
  }
  return out;
}
