/**
 * The fast `is` path: straight-line checks generated from the schema itself, for the valid case that dominates
 * (model outputs are mostly valid). It answers true or false exactly as ajv does, or "unknown" (`undefined`)
 * when `$ref` recursion passes the depth bound, and the caller then asks the safe path. A schema with a feature
 * no keyword family covers gets no fast path at all (`unsupported` says which), and the caller uses ajv's code.
 *
 * Layer: below validators/emit.ts, which adds the result to the validator module; imports only codegen, ir and
 * the format and runtime helpers of validators/.
 */
import type { JsonObject } from "../../ir/json.js";
import { draftFacts, type Draft } from "../../ir/drafts.js";
import { DEEP_FLAG, FastContext, Unsupported, indent } from "./context.js";
import { emitChecks } from "./schema.js";
import { depthBound } from "./depth.js";
import { jsonLiteral } from "../codegen/escape.js";
import { emitCollector } from "./collect/index.js";
import { CYCLE_FLAG, CYCLE_LIMIT, cycleReset, cycleState } from "./cycles.js";

/** Name of the fast path's export in the validator module. */
export const FAST_EXPORT = "validateFast";

export interface FastInput {
  readonly schema: JsonObject | boolean;
  readonly draft: Draft;
  readonly formats?: Readonly<Record<string, string>>;
}

export type FastResult =
  | {
      readonly kind: "fast";
      readonly code: string;
      readonly helpers: readonly string[];
      /** Whether `$ref` recursion can make it answer undefined whatever `limit` (otherwise only a limit it cannot prove does). */
      readonly recursive: boolean;
      /** Our own all-errors validator (collect/), or why the module keeps ajv's: only without recursion. */
      readonly collector: { readonly code: string } | { readonly unsupported: string };
    }
  | { readonly kind: "unsupported"; readonly feature: string };

/**
 * Whether the checks name the depth `d` (calls of subschema and `$ref` functions), read conservatively: a `d`
 * inside a string literal counts too. Without it no `const d = 0` is declared, so the per-property block locals
 * take the same minified names as the collector's (gzip shares them; issue 20).
 */
function usesD(body: readonly string[]): boolean {
  return body.some((line) => /\bd\b/.test(line));
}

/** The fast path's module code (top-level declarations and `export function validateFast`), or why there is none. */
export function emitFast(input: FastInput): FastResult {
  const ctx = new FastContext(input.schema, draftFacts(input.draft).ajvClass, input.formats ?? {}, emitChecks);
  const body: string[] = [];
  try {
    emitChecks(ctx, input.schema, "data", body);
  } catch (error) {
    if (error instanceof Unsupported) return { kind: "unsupported", feature: error.feature };
    throw error;
  }
  // The depth proof (depth.ts): a `true` is only given for a value within `limit` levels.
  const bound = depthBound(ctx, input.schema);
  const guard = bound > 0 && Number.isFinite(bound) ? [`if (limit < ${jsonLiteral(bound)}) return undefined;`] : [];
  const unbounded = !Number.isFinite(bound);
  // Before the declarations are read: the collector shares the fast path's patterns and constants.
  const collector = emitCollector(ctx, input.schema);
  if (unbounded) ctx.helpers.add("llmcWithinDepth");
  const parts = [...ctx.declarations];
  if (ctx.usesDepth) {
    parts.push(`let ${DEEP_FLAG} = false;`, ...cycleState(ctx), ...ctx.functions);
    parts.push(`function fastRoot(data, d) {\n${indent(body)}\n  return true;\n}`);
    const answer = unbounded ? `ok && !llmcWithinDepth(data, limit) ? undefined : ok` : "ok";
    parts.push(
      `/** true or false as ajv answers (true only within \`limit\` levels), or undefined: $ref recursion went too deep, or the value nests past \`limit\` (ask the safe path). */`,
      `export function ${FAST_EXPORT}(data, limit) {\n${indent([...guard, `${DEEP_FLAG} = false;`, ...cycleStart(ctx), "const ok = fastRoot(data, 0);", ...cycleEnd(ctx), `if (${DEEP_FLAG}) return undefined;`, `return ${answer};`])}\n}`,
    );
  } else {
    parts.push(...ctx.functions);
    const end = unbounded ? "return llmcWithinDepth(data, limit) || undefined;" : "return true;";
    parts.push(
      `/** true or false as ajv answers (true only within \`limit\` levels), or undefined when the value nests past \`limit\` (ask the safe path). */`,
      `export function ${FAST_EXPORT}(data, limit) {\n${indent([...guard, ...(usesD(body) ? ["const d = 0;"] : [])])}\n${indent(body)}\n  ${end}\n}`,
    );
  }
  return { kind: "fast", code: parts.join("\n") + "\n", helpers: [...ctx.helpers].sort(), recursive: ctx.usesDepth, collector };
}

/** With a `$ref` cycle that makes no progress (cycles.ts): no cycle met yet, and the limit the collector names. */
function cycleStart(ctx: FastContext): string[] {
  return ctx.cycleValues.length === 0 ? [] : [...cycleReset(ctx), `${CYCLE_LIMIT} = limit;`];
}

/** A cycle met: false, as `is…` answers where ajv's code runs out of stack (`parse…` asks the collector). */
function cycleEnd(ctx: FastContext): string[] {
  return ctx.cycleValues.length === 0 ? [] : [`if (${CYCLE_FLAG}) return false;`];
}
