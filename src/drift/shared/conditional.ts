/**
 * if/then/else whose `if` changed, or that appeared or vanished (rule table row 40), decided by inclusion.
 *
 * `if C then T else E` accepts (C ∧ T) ∨ (¬C ∧ E); an absent `then`/`else` is `true`. For one direction, S is the
 * source side's conditional and T' the target's. A source value v satisfies the target conditional when:
 * - v ∈ C_S ∧ T_S: T_S ⊆ T_T, and either C_S ⊆ C_T (so v ∈ C_T) or T_S ⊆ E_T (either branch takes it);
 * - v ∉ C_S ∧ E_S: E_S ⊆ E_T, and either C_T ⊆ C_S (so v ∉ C_T) or E_S ⊆ T_T.
 * Each inclusion is a silent proof between one old and one new subschema at the same instance location, so the
 * whole is sound; it is not complete (`C_S ∧ T_S ⊆ T_T` can hold while `T_S ⊆ T_T` does not). The node's other
 * keywords are judged by their own rules: the conditional is one conjunct of the node.
 * Added: the source node as a whole inside the target's `then` and `else` proves it. Removed: nothing to prove
 * in the direction that lost the constraint.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.2
 */
import { pointerAppend, type JsonValue } from "../../ir/json.js";
import type { At, RuleContext } from "../define.js";
import type { Direction, ProofPair } from "../types.js";

export interface Undecided {
  /** The failed inclusion whose counterexamples are the likeliest witnesses. */
  readonly because: ProofPair;
}

function part(ctx: RuleContext, side: "old" | "new", kw: "if" | "then" | "else"): At {
  const node = side === "old" ? ctx.old : ctx.new;
  const ptr = side === "old" ? ctx.site.oldPointer : ctx.site.pointer;
  const v = node[kw] as JsonValue | undefined;
  return { node: v === undefined ? true : (v as At["node"]), pointer: pointerAppend(ptr, kw) };
}

/** Undefined when the target conditional provably holds for every source value in this direction. */
export function conditionalGap(ctx: RuleContext, direction: Direction): Undecided | undefined {
  const back = direction === "backward";
  const [src, tgt] = back ? (["old", "new"] as const) : (["new", "old"] as const);
  // x (source side) inside y (target side), and y inside x, as silent proofs; the proof pair of each for witnesses.
  const pair = (x: At, y: At, into: "target" | "source"): ProofPair => {
    const [old, neu] = back ? [x, y] : [y, x];
    const d: Direction = (into === "target") === back ? "backward" : "forward";
    return { direction: d, old: old.node, new: neu.node };
  };
  const holds = (p: ProofPair, x: At, y: At): boolean => {
    const [old, neu] = back ? [x, y] : [y, x];
    return ctx.proves(p.direction, old, neu);
  };
  const inT = (x: At, y: At): ProofPair | undefined => {
    const p = pair(x, y, "target");
    return holds(p, x, y) ? undefined : p;
  };
  const inS = (y: At, x: At): ProofPair | undefined => {
    const p = pair(x, y, "source");
    return holds(p, x, y) ? undefined : p;
  };
  const hasIf = (s: "old" | "new"): boolean => (s === "old" ? ctx.old : ctx.new)["if"] !== undefined;
  if (!hasIf(tgt)) return undefined; // the target has no conditional: nothing of it to satisfy
  const [tT, eT] = [part(ctx, tgt, "then"), part(ctx, tgt, "else")];
  if (!hasIf(src)) {
    const whole = back ? ctx.oldAt : ctx.newAt;
    const gap = inT(whole, tT) ?? inT(whole, eT);
    return gap === undefined ? undefined : { because: gap };
  }
  const [cS, tS, eS] = [part(ctx, src, "if"), part(ctx, src, "then"), part(ctx, src, "else")];
  const cT = part(ctx, tgt, "if");
  const first = inT(tS, tT) ?? (inT(cS, cT) === undefined ? undefined : inT(tS, eT));
  if (first !== undefined) return { because: first };
  const second = inT(eS, eT) ?? (inS(cT, cS) === undefined ? undefined : inT(eS, tT));
  return second === undefined ? undefined : { because: second };
}
