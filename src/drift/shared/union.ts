/**
 * anyOf/oneOf (rule table rows 33–36). Sub = the source side of a direction, sup = the target side.
 * - The source's branches (anyOf or oneOf: a oneOf accepts no more than the anyOf of its branches) or, without
 *   any, the source node itself, must each be proven inside some target branch.
 * - A target oneOf is a union only when its branches are pairwise disjoint; otherwise an old value may match two
 *   new branches and be rejected (`oneOf:[number]` → `[number, integer]` rejects 0): unless both oneOfs are the
 *   same list of equivalent branches, that is reported as a possible break, confirmed or not by a witness.
 */
import { pointerAppend, type JsonValue } from "../../ir/json.js";
import type { At, RuleContext } from "../define.js";
import type { Direction, RuleFinding, SchemaNode } from "../types.js";
import { typesOf } from "../schema.js";
import { branchesDisjoint } from "./disjoint.js";
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
  const subBranches = branches(sub, kw, subPtr) ?? branches(sub, kw === "anyOf" ? "oneOf" : "anyOf", subPtr) ?? [back ? ctx.oldAt : ctx.newAt];
  const inside = (s: At, t: At): boolean => (back ? ctx.proves("backward", s, t) : ctx.proves("forward", t, s));
  const side = back ? "old" : "new";
  // Disjoint within what the target node itself allows (its type next to the oneOf).
  if (kw === "oneOf" && !branchesDisjoint(supBranches, back ? ctx.newRoot : ctx.oldRoot, typesOf(sup))) {
    // Exclusivity is only inherited from a source oneOf of equivalent branches (same set of values); an anyOf, an
    // allOf or a plain node swapped to this oneOf may hold values matching two branches.
    if (problem !== "overlap") return [];
    if (subOneOf !== undefined && equivalentLists(ctx, back ? subOneOf : supBranches, back ? supBranches : subOneOf)) return [];
    // A value of two target branches that the source accepts: try the source's examples and the target branches'.
    const targetSide = back ? "new" : "old";
    // Values without the branches' types (numbers against object branches) match every untyped branch at once.
    const [first, ...others] = subBranches.map((b) => candidatesFor(ctx, direction, b.node, []));
    const candidates = [
      ...(first ?? []),
      ...supBranches.flatMap((t) => ctx.examples(targetSide, t.node, 3).map((value) => ({ direction, value }))),
      ...DIVERSE.map((value) => ({ direction, value })),
      ...others.flat(),
    ];
    return [{ message: `oneOf branches overlap in ${back ? "new" : "old"}: a value matching two branches is rejected`, breaks: [direction], candidates }];
  }
  if (problem !== "uncovered") return [];
  const out: RuleFinding[] = [];
  for (const s of subBranches) {
    if (supBranches.some((t) => inside(s, t))) continue;
    const what = back ? `an old ${kw} branch (${s.pointer || "/"}) is not covered by any new branch` : `a new ${kw} branch (${s.pointer || "/"}) is not covered by any old branch`;
    out.push({ message: what, breaks: [direction], candidates: candidatesFor(ctx, direction, s.node, []) });
  }
  void side;
  return out;
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
