/**
 * allOf (rule table row 37): every target conjunct must be implied by a source conjunct or by the source node as
 * a whole. Conjuncts are matched by silent proofs, so reordering or extracting them is not a change.
 */
import { pointerAppend, type JsonObject } from "../../ir/json.js";
import type { At, RuleContext } from "../define.js";
import type { Candidate, Direction, ProofPair, RuleFinding, SchemaNode } from "../types.js";
import { besideOf, isMeet, meet } from "./meet.js";
import { candidatesFor } from "./samples.js";

export function conjunctDelta(ctx: RuleContext, direction: Direction): RuleFinding[] {
  const back = direction === "backward";
  const [sub, sup] = back ? [ctx.old, ctx.new] : [ctx.new, ctx.old];
  const [subPtr, supPtr] = back ? [ctx.site.oldPointer, ctx.site.pointer] : [ctx.site.pointer, ctx.site.oldPointer];
  const list = (node: typeof sub, ptr: string): At[] =>
    Array.isArray(node["allOf"]) ? node["allOf"].map((c, i) => ({ node: c as SchemaNode, pointer: pointerAppend(pointerAppend(ptr, "allOf"), i) })) : [];
  const whole = back ? ctx.oldAt : ctx.newAt;
  const subs = [...list(sub, subPtr), whole];
  const out: RuleFinding[] = [];
  const own = list(sub, subPtr);
  for (const [i, t] of list(sup, supPtr).entries()) {
    // The conjunct at the same position first: unreordered lists are the common case, and an unchanged conjunct is
    // then proven at once instead of after failed proofs against every conjunct before it (quadratic on long allOfs).
    if (atFirst(subs, i).some((s) => (back ? ctx.proves("backward", s, t) : ctx.proves("forward", t, s)))) continue;
    // Every source conjunct and the keywords beside them at once (shared/meet.ts): a conjunct may hold only with
    // another (a `$ref`'d closed object next to a conjunct that names its keys).
    const met = metOf(whole.node, sub, back ? ctx.oldRoot.root : ctx.newRoot.root);
    if (met !== undefined && (back ? ctx.proves("backward", { node: met, pointer: whole.pointer }, t) : ctx.proves("forward", t, { node: met, pointer: whole.pointer }))) continue;
    const message = back ? `allOf conjunct ${t.pointer} added or narrowed` : `allOf conjunct ${t.pointer} removed or widened`;
    // The failed proof of the source conjunct at the same position (else the whole node) names what breaks it.
    const at = own[i] ?? whole;
    const because: ProofPair = back ? { direction, old: at.node, new: t.node } : { direction, old: t.node, new: at.node };
    const found = ctx.counterexamples(because).map((value): Candidate => ({ direction, value }));
    out.push({ message, breaks: [direction], because, candidates: [...found, ...candidatesFor(ctx, direction, back ? ctx.oldAt.node : ctx.newAt.node, [])] });
  }
  return out;
}

const metMemo = new WeakMap<object, JsonObject | null>();

/** The meet of a node's conjuncts and the keywords beside its `allOf` (memoised per node as written: see besideOf). */
function metOf(key: SchemaNode, node: JsonObject, root: SchemaNode): JsonObject | undefined {
  if (typeof key === "boolean" || isMeet(key)) return undefined;
  let hit = metMemo.get(key);
  if (hit === undefined) {
    const conjuncts = Array.isArray(node["allOf"]) ? (node["allOf"] as SchemaNode[]) : [];
    const rest = besideOf(key, node, "allOf");
    hit = conjuncts.length < 2 && rest === undefined ? null : meet(rest === undefined ? conjuncts : [...conjuncts, rest], root) ?? null;
    metMemo.set(key, hit);
  }
  return hit ?? undefined;
}

/** The list with its member at index `i` (if any) moved to the front: the order proofs are tried in. */
export function atFirst<T>(list: readonly T[], i: number): readonly T[] {
  return i < list.length ? [list[i]!, ...list.slice(0, i), ...list.slice(i + 1)] : list;
}
