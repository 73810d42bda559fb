/**
 * `$ref` cycles that make no progress: a schema that reaches itself through keywords that apply to the same value
 * (`$ref`, `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `dependentSchemas`, schema `dependencies`), as
 * `{"$defs": {"a": {"allOf": [{"$ref": "#/$defs/a"}]}}}`. Evaluated on a value that reaches it, such a schema
 * applies itself to that same value without end: ajv's code runs out of stack (a `RangeError`, which the runtime's
 * guard classifies as `json.too_deep`). The spec leaves the result undefined.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-schema-references
 *
 * Found here at build time, and handled in the emitted code by construction, without the stack running out:
 * the function of a `$ref` target on such a cycle (the fast path's refs.ts, the collector's collect/refs.ts)
 * remembers the value it is checking while it runs, and a call for the same value again, before anything has
 * descended into it, is the cycle: the fast path answers false (as `is…` does on ajv's overflow), the collector
 * stops and answers the runtime's own classified error (`stackTooDeep`), the one the guard gives for ajv's
 * overflow. Why "the nearest call for the same value" is the test: calls nest only by applying a subschema to
 * the same value or by descending into a child, so between an outer and an inner call on one (acyclic) value
 * every call is on that value; and one schema on one value evaluates the same way each time, so a repeat never
 * ends. Schemas without such a cycle get none of this code.
 *
 * A project's schemas never reach here with such a cycle: the loader refuses them (`schema.ref-cycle`,
 * src/load/ref-cycle.ts). The guard stays for schemas handed to the emitter directly (`emitValidator`).
 */
import { DEFAULT_MAX_DEPTH, stackTooDeep } from "../../runtime/limits.js";
import { jsonLiteral } from "../codegen/escape.js";
import { isObject, type FastContext } from "./context.js";
import { reachesItself, resolvePointer } from "./pointer.js";
import type { JsonValue } from "../../ir/json.js";

/** Set when a cycle was met during the call under way (fast path or collector). */
export const CYCLE_FLAG = "fastCycle";
/** The `maxDepth` of the last `validateFast` call: the collector runs after it and names it in its error. */
export const CYCLE_LIMIT = "fastCycleLimit";
/** The runtime's classified error for a stack that ran out, copied into the module. */
const TOO_DEEP = stackTooDeep.name;

/** The subschemas `schema` applies to the same value it is given. */
function sameValue(ctx: FastContext, schema: JsonValue): JsonValue[] {
  if (!isObject(schema)) return [];
  const next: JsonValue[] = [];
  const ref = schema["$ref"];
  if (typeof ref === "string") {
    try {
      next.push(resolvePointer(ctx, ref));
    } catch {
      // A reference the fast path cannot follow: it gives up on the schema anyway.
    }
  }
  for (const keyword of ["allOf", "anyOf", "oneOf"]) {
    const list = schema[keyword];
    if (Array.isArray(list)) next.push(...list);
  }
  for (const keyword of ["not", "if", "then", "else"]) if (schema[keyword] !== undefined) next.push(schema[keyword]!);
  for (const keyword of ["dependentSchemas", "dependencies"]) {
    const map = schema[keyword];
    if (isObject(map)) for (const value of Object.values(map)) if (!Array.isArray(value)) next.push(value);
  }
  return next;
}

const memo = new WeakMap<FastContext, Map<JsonValue, boolean>>();

/** Whether `target` reaches itself through subschemas applied to the same value (memoised per emission). */
export function onCycle(ctx: FastContext, target: JsonValue): boolean {
  let known = memo.get(ctx);
  if (known === undefined) memo.set(ctx, (known = new Map()));
  const answer = known.get(target);
  if (answer !== undefined) return answer;
  const found = reachesItself(target, (node) => sameValue(ctx, node));
  known.set(target, found);
  return found;
}

/**
 * The function `name` checking a value with `inner` (same parameters), guarded against the cycle: `onCycle`
 * is the statement run instead of a call for the value already under check, `result` names the inner answer.
 */
export function cycleGuard(ctx: FastContext, name: string, inner: string, params: string, onCycleCode: string): string {
  const on = ctx.name("on");
  ctx.cycleValues.push(on);
  const saved = ctx.name("sv");
  const result = ctx.name("r");
  return [
    "/** A value already under this check, with nothing descended into: a `$ref` cycle that makes no progress (fast/cycles.ts). */",
    `function ${name}(${params}) {`,
    `  if (data === ${on}) {`,
    `    ${CYCLE_FLAG} = true;`,
    `    ${onCycleCode}`,
    "  }",
    `  const ${saved} = ${on};`,
    `  ${on} = data;`,
    `  const ${result} = ${inner}(${params});`,
    `  ${on} = ${saved};`,
    `  return ${result};`,
    "}",
  ].join("\n");
}

/**
 * The module-level state of the guards: the flag, the limit and one variable per guarded function, which holds
 * NaN (equal to no value) when no call of it is under way.
 */
export function cycleState(ctx: FastContext): string[] {
  if (ctx.cycleValues.length === 0) return [];
  return [
    `let ${CYCLE_FLAG} = false;`,
    `let ${CYCLE_LIMIT} = ${jsonLiteral(DEFAULT_MAX_DEPTH)};`,
    `let ${ctx.cycleValues.join(" = NaN, ")} = NaN;`,
    `/** The runtime's error for a stack that ran out (runtime/limits.ts), which ajv's code would run into here. */`,
    `const ${TOO_DEEP} = ${stackTooDeep.toString()};`,
  ];
}

/** Statements that start a call: no cycle met, no value under check (a throw may have left them set). */
export function cycleReset(ctx: FastContext): string[] {
  if (ctx.cycleValues.length === 0) return [];
  return [`${CYCLE_FLAG} = false;`, `${ctx.cycleValues.join(" = ")} = NaN;`];
}

/** The collector's answer once a cycle was met: the runtime's classified error, as its guard gives it. */
export function cycleAnswer(): string {
  return `${TOO_DEEP}(${CYCLE_LIMIT})`;
}
