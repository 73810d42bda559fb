/**
 * Exactly-one-of reasoning for a target-side `oneOf` whose branches are not all provably disjoint.
 *
 * A source value v lies in a source branch S_i (or in the source node itself), and S_i was proven inside a target
 * branch T_p. v is accepted by the target `oneOf` exactly when it matches no other target branch T_j (j ≠ p).
 * Each such T_j is excluded by any one of:
 * - (a) T_j and S_i provably disjoint (no value of S_i is in T_j);
 * - (c) T_j and T_p provably disjoint (v is in T_p);
 * - (b) the source is itself a `oneOf` and T_j is proven inside another source branch S_k (k ≠ i): v matches
 *   S_i only, so it is not in S_k, so not in T_j. This is what keeps "one branch changed, the others as they were"
 *   decided: every unchanged T_j is inside its old self.
 * All three are sound for every source value (judged within the types a source value can have: the source node's
 * own, less those a source `oneOf` rejects outright because two branches accept every value of them). When no choice of T_p
 * excludes every other branch, the overlapping pair is returned: the finding's witness candidates come from it.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#section-10.2.1.3
 */
import type { At, RuleContext } from "../define.js";
import { typesOf } from "../schema.js";
import type { Direction, ProofPair } from "../types.js";
import { disjoint } from "./disjoint.js";
import { oneOfTypes } from "./vacuous.js";

export interface Overlap {
  /** The source branch whose values may match two target branches. */
  readonly source: At;
  /** The target branch the source branch is inside, and another one that was not excluded. */
  readonly inside: At;
  readonly other: At;
  /** The failed proof "other ⊆ the source branch at its index", whose counterexamples are likely overlaps. */
  readonly because?: ProofPair;
}

/** Undefined when every covered source branch is proven to match exactly one target branch. */
export function overlapOf(ctx: RuleContext, direction: Direction, subs: readonly At[], sups: readonly At[], subIsOneOf: boolean, together?: (s: At) => At | undefined, targetTogether?: (t: At) => At | undefined): Overlap | undefined {
  const back = direction === "backward";
  const [srcRoot, tgtRoot] = back ? [ctx.oldRoot, ctx.newRoot] : [ctx.newRoot, ctx.oldRoot];
  // A source value is of a type the source node allows and, for a source oneOf, one it can accept (vacuous.ts).
  const own = typesOf(back ? ctx.old : ctx.new);
  const within = subIsOneOf ? oneOfTypes(subs, srcRoot, own) : own;
  // s (source) inside t (target), and t (target) inside s (source), as silent proofs.
  const inside = (s: At, t: At): boolean => (back ? ctx.proves("backward", s, t) : ctx.proves("forward", t, s));
  const contained = (t: At, s: At): boolean => (back ? ctx.proves("forward", s, t) : ctx.proves("backward", t, s));
  const proofOf = (t: At, s: At): ProofPair => (back ? { direction: "forward", old: s.node, new: t.node } : { direction: "backward", old: t.node, new: s.node });
  // Target branches together with the keywords beside the target's oneOf (shared/meet.ts): a source value that
  // fails those is rejected by the target anyway, and the rules of those keywords report it.
  const meetsApart = (a: At, b: At): boolean => {
    const [x, y] = [targetTogether?.(a), targetTogether?.(b)];
    return x !== undefined && y !== undefined && disjoint(x.node, y.node, tgtRoot, tgtRoot, within);
  };
  const apart = new Map<string, boolean>();
  const targetsApart = (j: number, p: number): boolean => {
    const key = j < p ? `${j}|${p}` : `${p}|${j}`;
    let v = apart.get(key);
    if (v === undefined) apart.set(key, (v = disjoint(sups[j]!.node, sups[p]!.node, tgtRoot, tgtRoot, within) || meetsApart(sups[j]!, sups[p]!)));
    return v;
  };
  let first: Overlap | undefined;
  for (const [i, s] of subs.entries()) {
    // Target branches holding S_i: the same position first (unreordered lists are the common case).
    const order = [...sups.keys()].sort((x, y) => Number(y === i) - Number(x === i));
    // A branch held only together with what stands beside it (shared/meet.ts) is held all the same: its values
    // are those of the meet, and the exclusions below, judged on the branch alone, hold for fewer values too.
    const met = together?.(s);
    const holders = order.filter((p) => inside(s, sups[p]!) || (met !== undefined && inside(met, sups[p]!)));
    if (holders.length === 0) continue; // uncovered: reported by the *-branch-removed/added rules
    let failed: Overlap | undefined;
    const excludedAll = holders.some((p) => {
      for (const [j, t] of sups.entries()) {
        if (j === p) continue;
        if (targetsApart(j, p)) continue;
        if (disjoint(s.node, t.node, srcRoot, tgtRoot, within)) continue;
        const tt = targetTogether?.(t);
        if (met !== undefined && (disjoint(met.node, t.node, srcRoot, tgtRoot, within) || (tt !== undefined && disjoint(met.node, tt.node, srcRoot, tgtRoot, within)))) continue;
        if (subIsOneOf) {
          // The branch at the same position first; every other one only for short lists (bounded work).
          const ks = [j, ...(subs.length <= 8 ? subs.keys() : [])].filter((k, n, all) => k !== i && k < subs.length && all.indexOf(k) === n);
          if (ks.some((k) => contained(t, subs[k]!))) continue;
        }
        failed ??= { source: s, inside: sups[p]!, other: t, ...(subIsOneOf && j !== i && j < subs.length ? { because: proofOf(t, subs[j]!) } : {}) };
        return false;
      }
      return true;
    });
    if (!excludedAll) first ??= failed;
    if (first !== undefined) return first;
  }
  return undefined;
}
