/**
 * `$ref` to a JSON pointer in the same document (`#`, `#/$defs/x`, percent- and `~`-escaped). Each target becomes
 * one function, the only place recursion can happen, so it alone carries the depth bound: past `MAX_REF_DEPTH`
 * it sets the deep flag and fails, and the entry point answers "unknown" instead of true or false, so the caller
 * falls back to the safe path. Other references (remote, `$id`-relative, anchors) are not covered.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-direct-references-with-ref
 */
import { DEEP_FLAG, MAX_REF_DEPTH, indent, isObject, type FastContext } from "./context.js";
import { cycleGuard, onCycle } from "./cycles.js";
import { INLINE_LIMIT } from "./inline-limit.js";
import { reachesItself, resolvePointer } from "./pointer.js";
import type { JsonValue } from "../../ir/json.js";


/** Every `$ref` string anywhere under `node` (an over-approximation: annotations are walked too). */
function refsUnder(node: JsonValue, found: string[]): void {
  if (Array.isArray(node)) for (const item of node) refsUnder(item, found);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(value);
      else refsUnder(value, found);
    }
  }
}

/** True when the target of `ref` can reach itself through `$ref`s (or a reference cannot be followed). */
export function isRecursive(ctx: FastContext, ref: string): boolean {
  const start = resolvePointerOrUndefined(ctx, ref);
  if (start === undefined) return true;
  return reachesItself(start, (node) => {
    const found: string[] = [];
    refsUnder(node, found);
    return found.map((next) => resolvePointerOrUndefined(ctx, next));
  });
}

function resolvePointerOrUndefined(ctx: FastContext, ref: string): JsonValue | undefined {
  try {
    return resolvePointer(ctx, ref);
  } catch {
    return undefined;
  }
}

/**
 * Checks `value` against the target of `ref`: inlined when the target cannot recurse and is small, a plain
 * function when it cannot recurse, a depth-bounded function when it can.
 */
export function emitRef(ctx: FastContext, ref: string, value: string, out: string[]): void {
  if (!isRecursive(ctx, ref)) {
    const target = resolvePointer(ctx, ref);
    if (JSON.stringify(target).length <= INLINE_LIMIT) ctx.checks(ctx, target, value, out);
    else out.push(`if (!${ctx.subschemaFunction(target)}(${value}, d)) return false;`);
    return;
  }
  out.push(`if (!${refFunction(ctx, ref)}(${value}, d)) return false;`);
}

/** The name of the depth-bounded function checking the target of `ref`. */
export function refFunction(ctx: FastContext, ref: string): string {
  const target = resolvePointer(ctx, ref);
  ctx.usesDepth = true;
  return ctx.namedFunction(ref, "R", (name) => {
    // On a cycle that makes no progress (cycles.ts), `name` is the guard and the checks a function of their own.
    const guarded = onCycle(ctx, target);
    const checks = guarded ? ctx.name("R") : name;
    const body: string[] = [];
    ctx.checks(ctx, target, "data", body);
    const code = `function ${checks}(data, d) {\n  if (++d > ${MAX_REF_DEPTH}) {\n    ${DEEP_FLAG} = true;\n    return false;\n  }\n${indent(body)}\n  return true;\n}`;
    return guarded ? `${cycleGuard(ctx, name, checks, "data, d", "return false;")}\n${code}` : code;
  });
}
