/**
 * The body of a scaffolded migration: one line per property of the new version, from the step analysis.
 * Property names and values reach the code only through the escaping module (`propertyKey`, `stringLiteral`,
 * `jsonLiteral`, `lineCommentText`): they are schema text.
 */
import { MAX_INLINE_TERMS } from "../emit/codegen/chain.js";
import { isSafeIdentifier, jsonLiteral, lineCommentText, propertyKey, stringLiteral } from "../emit/codegen/escape.js";
import type { JsonValue } from "../ir/json.js";
import type { FieldAction, StepAnalysis } from "./analyze.js";
import { MARKER } from "./markers.js";

const INPUT = "input";

/** `input.key`, or `input["key"]` when the key is not a plain identifier. */
export function access(key: string): string {
  return isSafeIdentifier(key) ? `${INPUT}.${key}` : `${INPUT}[${stringLiteral(key)}]`;
}

/** Writes marker calls and counts them (a module imports the marker exactly when it calls it). */
class Markers {
  count = 0;
  call(reason: string): string {
    this.count++;
    return `${MARKER}(${stringLiteral(reason)})`;
  }
}

function literal(value: JsonValue): string {
  return jsonLiteral(value, 2);
}

/**
 * `get` replaced by `repl` where it holds one of `values`, as an expression whose type leaves them out.
 *
 * Up to `MAX_INLINE_TERMS` values, a comparison each: TypeScript narrows `get` in the `else` branch. Past it (an
 * `enum` that lost many members) such a chain overflowed TypeScript's stack in the migration gate's type-check
 * from about 900 values (emit/codegen/chain.ts), and narrowing it took seconds from a few hundred. So the test is
 * one `includes` on a list, which narrows nothing, and the `else` branch says the same in its type: `get` less
 * the removed primitives (an object or array value never equalled `get` there either: `===` and `includes`
 * compare objects by identity). `includes` compares as `===` does but for NaN, which no JSON value is.
 */
function replaced(get: string, values: readonly JsonValue[], repl: string): string {
  if (values.length <= MAX_INLINE_TERMS) return `${values.map((v) => `${get} === ${literal(v)}`).join(" || ")} ? ${repl} : ${get}`;
  // A primitive's JSON literal is also its literal type (`"a"`, `-1.5`, `true`, `null`).
  const types = values.filter((v) => v === null || typeof v !== "object").map((v) => jsonLiteral(v));
  const rest = types.length === 0 ? get : `(${get} as Exclude<typeof ${get}, ${types.join(" | ")}>)`;
  return `(${jsonLiteral(values, 2)} as readonly unknown[]).includes(${get}) ? ${repl} : ${rest}`;
}

/** Statements of the migration function (indented by two spaces, one per line). */
export function renderBody(analysis: StepAnalysis, label: string, to: number): string {
  return bodyOf(analysis, label, to).text;
}

/** The statements and how many marker calls they hold. */
export function bodyOf(analysis: StepAnalysis, label: string, to: number): { readonly text: string; readonly markers: number } {
  const markers = new Markers();
  const text = statements(analysis, label, to, markers);
  return { text, markers: markers.count };
}

function statements(analysis: StepAnalysis, label: string, to: number, m: Markers): string {
  if (analysis.shape === "identical") return `return ${INPUT};`;
  if (analysis.shape === "whole") return [`void ${INPUT};`, `return ${m.call(analysis.decisions[0] ?? `${label}: write the conversion`)};`].join("\n");
  const lines: string[] = [];
  for (const action of analysis.actions) lines.push(...renderAction(action, to, m));
  if (analysis.openOld) lines.push(`// Properties beyond the declared ones are not carried over.`);
  const usesInput = analysis.actions.some((a) => a.kind === "carry");
  return [...(usesInput ? [] : [`void ${INPUT};`]), `return {`, ...lines.map((l) => `  ${l}`), `};`].join("\n");
}

function renderAction(action: FieldAction, to: number, m: Markers): string[] {
  const key = propertyKey(action.key);
  switch (action.kind) {
    case "dropped":
      return [`// ${lineCommentText(`${action.key}: removed in v${to}, dropped.`)}`];
    case "left-out":
      return [`// ${lineCommentText(`${action.key}: new optional property, left out.`)}`];
    case "fill":
      return [`// ${lineCommentText(`${action.key}: new, filled with ${action.why}.`)}`, `${key}: ${literal(action.value)},`];
    case "decide":
      return [
        ...(action.renameOf !== undefined ? [`// ${lineCommentText(`Likely rename: ${action.renameOf} (removed) → ${action.key} (added), same schema.`)}`] : []),
        `${key}: ${m.call(action.reason)},`,
      ];
    case "carry": {
      const get = access(action.key);
      let value = get;
      if (action.replace !== undefined) {
        const repl = "decide" in action.replace.with ? m.call(action.replace.with.decide) : literal(action.replace.with.value);
        value = replaced(get, action.replace.values, repl);
      }
      if (action.optional) return [`...(${get} !== undefined ? { ${key}: ${value} } : {}),`];
      if (action.fallback !== undefined) {
        const fb = "decide" in action.fallback ? m.call(action.fallback.decide) : literal(action.fallback.value);
        const why = "why" in action.fallback ? [`// ${lineCommentText(`${action.key}: now required; when absent: ${action.fallback.why}.`)}`] : [];
        return [...why, `${key}: ${get} === undefined ? ${fb} : ${value},`];
      }
      return [`${key}: ${value},`];
    }
  }
}
