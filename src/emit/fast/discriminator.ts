/**
 * Discriminated `oneOf`/`anyOf`: when every branch (or the target of a branch that is only a `$ref`) is
 * `type: "object"`, requires a property P, and gives P a `const` or a primitive `enum`, with no value shared by
 * two branches, then at most one branch can pass for any value: a non-object fails them all, and an object whose
 * P matches branch i fails every other branch's `const`. So the result of the combinator is the result of the
 * branch P selects, and none when P selects nothing; `oneOf` and `anyOf` agree.
 */
import { MAX_INLINE_TERMS } from "../codegen/chain.js";
import { jsonLiteral } from "../codegen/escape.js";
import { isObject, type FastContext } from "./context.js";
import { read } from "./properties.js";
import { resolvePointer } from "./pointer.js";
import { typeTest } from "./types.js";
import { PROTOTYPE_NAMES } from "../validators/own-properties.js";
import type { JsonObject, JsonPrimitive, JsonValue } from "../../ir/json.js";

/** The branch's own schema: itself, or the target of a lone `$ref`. */
function body(ctx: FastContext, branch: JsonValue): JsonObject | undefined {
  if (!isObject(branch)) return undefined;
  const ref = branch["$ref"];
  if (typeof ref === "string" && Object.keys(branch).length === 1) {
    try {
      const target = resolvePointer(ctx, ref);
      return isObject(target) ? target : undefined;
    } catch {
      return undefined;
    }
  }
  return branch;
}

function tagValues(branch: JsonObject, property: string): JsonPrimitive[] | undefined {
  const type = branch["type"];
  if (!(type === "object" || (Array.isArray(type) && type.length === 1 && type[0] === "object"))) return undefined;
  const required = branch["required"];
  if (!Array.isArray(required) || !required.includes(property)) return undefined;
  const properties = branch["properties"];
  const tag = isObject(properties) ? properties[property] : undefined;
  if (!isObject(tag)) return undefined;
  const values = tag["const"] !== undefined ? [tag["const"]] : tag["enum"];
  if (!Array.isArray(values) || values.length === 0) return undefined;
  return values.every((v): v is JsonPrimitive => v === null || typeof v !== "object") ? values : undefined;
}

/** Emits the dispatch and returns true, or returns false (and emits nothing) when the branches have no tag. */
export function discriminate(ctx: FastContext, branches: readonly JsonValue[], value: string, out: string[]): boolean {
  const bodies = branches.map((b) => body(ctx, b));
  const first = bodies[0];
  if (first === undefined || bodies.some((b) => b === undefined)) return false;
  const candidates = Array.isArray(first["required"]) ? first["required"].filter((p): p is string => typeof p === "string") : [];
  for (const property of candidates) {
    if (PROTOTYPE_NAMES.has(property)) continue;
    const tags = bodies.map((b) => tagValues(b!, property));
    if (tags.some((t) => t === undefined)) continue;
    const seen = new Set<JsonPrimitive>();
    let disjoint = true;
    for (const t of tags) for (const v of t!) disjoint &&= !seen.has(v) && (seen.add(v), true);
    if (!disjoint) continue;
    const tag = ctx.name("t");
    out.push(`if (!${typeTest("object", value)}) return false;`, `const ${tag} = ${read(value, property)};`);
    const checks = branches.map((branch) => `if (!${ctx.subschemaFunction(branch)}(${value}, d)) return false;`);
    if (branches.length > MAX_INLINE_TERMS || tags.some((t) => t!.length > MAX_INLINE_TERMS)) {
      for (const line of dispatch(tag, tags as JsonPrimitive[][], checks)) out.push(line);
      return true;
    }
    branches.forEach((_, i) => {
      const test = tags[i]!.map((v) => `${tag} === ${jsonLiteral(v)}`).join(" || ");
      out.push(`${i === 0 ? "if" : "else if"} (${test}) {`, `  ${checks[i]!}`, `}`);
    });
    out.push(`else return false;`);
    return true;
  }
  return false;
}

/**
 * Many branches or tags: a `switch`, whose cases sit side by side, where an `else if` chain nests one statement
 * per branch and one `||` per tag (codegen/chain.ts says why neither may grow with the schema). The same choice:
 * `case` compares with `===`, and the tags are disjoint, so at most one case matches.
 */
function dispatch(tag: string, tags: readonly JsonPrimitive[][], checks: readonly string[]): string[] {
  const cases = checks.flatMap((check, i) => [...tags[i]!.map((v) => `  case ${jsonLiteral(v)}:`), `    ${check}`, "    break;"]);
  return [`switch (${tag}) {`, ...cases, "  default:", "    return false;", "}"];
}
