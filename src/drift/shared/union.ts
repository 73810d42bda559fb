/**
 * anyOf/oneOf (rule table rows 33–36). Sub = the source side of a direction, sup = the target side.
 * - The source's branches (anyOf or oneOf: a oneOf accepts no more than the anyOf of its branches) or, without
 *   any, the source node itself, must each be proven inside some target branch ("uncovered" otherwise).
 * - A target oneOf must also match each source value only once: when its branches are not pairwise disjoint,
 *   exclusive.ts decides it per source branch ("overlap" otherwise: `oneOf:[number]` → `[number, integer]`
 *   rejects 0), with the overlapping branches' values as witness candidates.
 */
import { isJsonObject, pointerAppend, type JsonObject, type JsonValue } from "../../ir/json.js";
import type { At, RuleContext } from "../define.js";
import type { Candidate, Direction, ProofPair, RuleFinding, SchemaNode } from "../types.js";
import { typesOf } from "../schema.js";
import { atFirst } from "./conjuncts.js";
import { branchesDisjoint } from "./disjoint.js";
import { overlapOf } from "./exclusive.js";
import { besideOf, meetOf } from "./meet.js";
import { candidatesFor, DIVERSE } from "./samples.js";

type Kw = "anyOf" | "oneOf";

function branches(node: { readonly [k: string]: JsonValue }, kw: Kw, pointer: string): At[] | undefined {
  const list = node[kw];
  if (!Array.isArray(list)) return undefined;
  return list.map((b, i) => ({ node: b as SchemaNode, pointer: pointerAppend(pointerAppend(pointer, kw), i) }));
}

export type UnionProblem = "uncovered" | "overlap";

export function unionDelta(ctx: RuleContext, kw: Kw, direction: Direction, problem: UnionProblem): RuleFinding[] {
  const back = direction === "backward";
  const [sub, sup] = back ? [ctx.old, ctx.new] : [ctx.new, ctx.old];
  const [subPtr, supPtr] = back ? [ctx.site.oldPointer, ctx.site.pointer] : [ctx.site.pointer, ctx.site.oldPointer];
  const supBranches = branches(sup, kw, supPtr);
  if (supBranches === undefined) return [];
  const subOneOf = branches(sub, "oneOf", subPtr);
  const ownKw = sub[kw] !== undefined ? kw : kw === "anyOf" ? "oneOf" : "anyOf";
  const ownList = branches(sub, ownKw, subPtr);
  const subBranches = ownList ?? byType(sub, subPtr) ?? [back ? ctx.oldAt : ctx.newAt];
  // A source branch together with what stands beside its combinator (shared/meet.ts): what its values satisfy.
  const srcRoot = back ? ctx.oldRoot.root : ctx.newRoot.root;
  const rest = ownList === undefined ? undefined : besideOf(back ? ctx.oldAt.node : ctx.newAt.node, sub, ownKw);
  const together = (s: At): At | undefined => {
    const met = rest === undefined ? undefined : meetOf(s.node, rest, srcRoot);
    return met === undefined ? undefined : { node: met, pointer: s.pointer };
  };
  const proof = (s: At, t: At): ProofPair => (back ? { direction, old: s.node, new: t.node } : { direction, old: t.node, new: s.node });
  const inside = (s: At, t: At): boolean => (back ? ctx.proves("backward", s, t) : ctx.proves("forward", t, s));
  if (problem === "uncovered") {
    const out: RuleFinding[] = [];
    for (const [i, s] of subBranches.entries()) {
      // The branch at the same position first (see conjuncts.ts `atFirst`).
      if (atFirst(supBranches, i).some((t) => inside(s, t))) continue;
      const met = together(s);
      if (met !== undefined && atFirst(supBranches, i).some((t) => inside(met, t))) continue;
      // The failed proof against the branch at the same position (or the only one) explains it best.
      const counterpart = supBranches[Math.min(i, supBranches.length - 1)]!;
      const because = proof(s, counterpart);
      const what = back ? `an old ${kw} branch (${s.pointer || "/"}) is not covered by any new branch` : `a new ${kw} branch (${s.pointer || "/"}) is not covered by any old branch`;
      const found = ctx.counterexamples(because).map((value): Candidate => ({ direction, value }));
      // Values of the branch together with its siblings first: the branch alone may accept what its parent rejects.
      const beside = met === undefined ? [] : candidatesFor(ctx, direction, met.node, []);
      out.push({ message: what, breaks: [direction], because, candidates: [...found, ...beside, ...candidatesFor(ctx, direction, s.node, [])] });
    }
    return out;
  }
  if (kw !== "oneOf") return [];
  // Disjoint within what the target node itself allows (its type next to the oneOf): a partition.
  if (branchesDisjoint(supBranches, back ? ctx.newRoot : ctx.oldRoot, typesOf(sup))) return [];
  // The same, for branches together with the keywords beside the target's oneOf (a tag its parent requires).
  const supRest = besideOf(back ? ctx.newAt.node : ctx.oldAt.node, sup, kw);
  const tgtRoot = back ? ctx.newRoot.root : ctx.oldRoot.root;
  const targetTogether = (t: At): At | undefined => {
    const met = supRest === undefined ? undefined : meetOf(t.node, supRest, tgtRoot);
    return met === undefined ? undefined : { node: met, pointer: t.pointer };
  };
  if (supRest !== undefined) {
    const met = supBranches.map(targetTogether);
    if (met.every((t) => t !== undefined) && branchesDisjoint(met as At[], back ? ctx.newRoot : ctx.oldRoot, typesOf(sup))) return [];
  }
  // The same list of equivalent branches on both sides: exclusivity is inherited as it is.
  if (subOneOf !== undefined && equivalentLists(ctx, back ? subOneOf : supBranches, back ? supBranches : subOneOf)) return [];
  const subIsOneOf = subOneOf !== undefined && (kw === "oneOf" || branches(sub, "anyOf", subPtr) === undefined);
  const overlap = overlapOf(ctx, direction, subBranches, supBranches, subIsOneOf, together, targetTogether);
  if (overlap === undefined) return [];
  // A value of two target branches that the source accepts: what broke "other ⊆ its old self", then examples
  // of the overlapping branches, then values of every type (numbers match every untyped branch at once).
  const targetSide = back ? "new" : "old";
  const broke = overlap.because !== undefined ? ctx.counterexamples(overlap.because) : [];
  // An overlap of objects needs the members of both branches: the source branch's example with what broke laid over.
  const merged = broke.flatMap((x) => ctx.examples(back ? "old" : "new", overlap.source.node, 2).flatMap((e) => (isJsonObject(x) && isJsonObject(e) ? [{ ...e, ...x }] : [])));
  const candidates: Candidate[] = [
    ...[...merged, ...broke].map((value) => ({ direction, value })),
    ...ctx.examples(targetSide, overlap.other.node, 3).map((value) => ({ direction, value })),
    ...candidatesFor(ctx, direction, overlap.source.node, []),
    ...ctx.examples(targetSide, overlap.inside.node, 3).map((value) => ({ direction, value })),
    ...DIVERSE.map((value) => ({ direction, value })),
  ];
  const message = `oneOf branches overlap in ${back ? "new" : "old"}: a value of ${overlap.source.pointer || "/"} may match both ${overlap.inside.pointer} and ${overlap.other.pointer}, and is then rejected`;
  return [{ message, breaks: [direction], candidates, ...(overlap.because !== undefined ? { because: overlap.because } : {}) }];
}

/** Old and new lists of the same length where every old branch is equivalent to a distinct new branch. */
function equivalentLists(ctx: RuleContext, olds: readonly At[], news: readonly At[]): boolean {
  if (olds.length !== news.length) return false;
  const used = new Set<number>();
  const same = (o: At, n: At): boolean => ctx.proves("backward", o, n) && ctx.proves("forward", o, n);
  for (const [k, o] of olds.entries()) {
    // Unreordered lists are the common case: try the same position first (bounded work on large oneOfs).
    const j = !used.has(k) && same(o, news[k]!) ? k : news.findIndex((n, i) => !used.has(i) && i !== k && same(o, n));
    if (j < 0) return false;
    used.add(j);
  }
  return true;
}

/**
 * A source node of several types with no branches of its own, split into one part per type: the node is their
 * union, so each part inside some target branch proves the whole. This is what a `oneOf` of single-type branches
 * becomes once normalized (`oneOf: [{type: string}, {type: null}]` is `type: [null, string]`), while the other
 * side, whose branch is a `$ref`, keeps its list.
 */
function byType(node: JsonObject, pointer: string): At[] | undefined {
  const types = node["type"];
  if (!Array.isArray(types) || types.length < 2 || types.length > 7) return undefined;
  return types.map((t) => ({ node: { ...node, type: [t] }, pointer }));
}
