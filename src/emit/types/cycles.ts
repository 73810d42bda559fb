/**
 * Breaks reference cycles that TypeScript cannot declare.
 *
 * A type alias may mention itself inside an object member, an array or a tuple (TS 3.7+ defers those), but not
 * directly in a union or intersection: `type A = string | A` is error TS2456. The schema behind such a cycle
 * (`A: {anyOf: [{type: "string"}, {$ref: A}]}`, a def that is only a `$ref` to itself) has no finite unfolding; the
 * validator either loops or accepts what the other branches accept. Replacing the reference that closes the cycle
 * by `unknown` gives a type that is wider, never narrower, and declarable. Also keeps jsts from crashing on a def
 * that is only a self-`$ref` ("Refs should have been resolved by the resolver!").
 */
import { type DNode, isRef } from "./dialect.js";

/** `bodies` maps type names to def nodes, in holder order (which fixes which reference of a cycle is cut). */
export function breakAliasCycles(bodies: ReadonlyMap<string, DNode>): void {
  const state = new Map<string, "active" | "done">();
  const visit = (name: string): void => {
    state.set(name, "active");
    for (const ref of unguardedRefs(bodies.get(name)!)) {
      const seen = state.get(ref.tsType!);
      if (seen === "active") ref.tsType = "unknown";
      else if (seen === undefined) visit(ref.tsType!);
    }
    state.set(name, "done");
  };
  for (const name of bodies.keys()) if (!state.has(name)) visit(name);
}

/** References reachable without passing through an object member, array element or tuple element. */
function unguardedRefs(node: DNode): DNode[] {
  if (isRef(node)) return [node];
  return [...(node.anyOf ?? []), ...(node.allOf ?? [])].flatMap(unguardedRefs);
}
