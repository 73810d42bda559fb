/**
 * `$ref` into the same document, as ajv's all-errors code follows it (its `ref` keyword, `inlineRefs` on):
 * - a target with no reference below it (ajv's `hasRef`) is written in place, and its errors' schema path starts
 *   with the `$ref` text as written;
 * - any other target (`#` itself, a target holding references, recursion) is a function of its own, as ajv
 *   compiles it: its errors' schema paths start at `#` (ajv's `errSchemaPath` of a compiled reference), its
 *   instance path is a parameter, and its errors are appended where the `$ref` stands.
 * Each function counts its nesting in `d` and stops past `MAX_COLLECT_DEPTH` with one `$ref` error (`{depth}`)
 * instead of running out of stack (only a `maxDepth` above the default 1000 lets a value get there). A reference
 * cycle that does not descend into the value, which ajv's own code follows until the stack overflows, is found at
 * build time and stopped at its first repeat (../cycles.ts). References the fast path does not resolve (remote,
 * anchors, embedded resources) stay with ajv's code.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-direct-references-with-ref
 */
import { jsonLiteral } from "../../codegen/escape.js";
import { Unsupported, indent, type FastContext } from "../context.js";
import { cycleGuard, onCycle } from "../cycles.js";
import { resolvePointer } from "../pointer.js";
import { pathCode, record, STOP, type At, type Collect } from "./context.js";
import type { JsonValue } from "../../../ir/json.js";

/** `$ref` nesting after which a collector function stops with a `$ref` error (above the default `maxDepth`). */
export const MAX_COLLECT_DEPTH = 2000;

const REF_KEYWORDS = new Set(["$ref", "$recursiveRef", "$recursiveAnchor", "$dynamicRef", "$dynamicAnchor"]);

/** ajv's `hasRef` (compile/resolve.ts): any reference keyword anywhere below, annotations included. */
function hasRef(schema: JsonValue): boolean {
  if (typeof schema !== "object" || schema === null) return false;
  if (Array.isArray(schema)) return schema.some(hasRef);
  for (const key of Object.keys(schema)) {
    if (REF_KEYWORDS.has(key)) return true;
    if (hasRef(schema[key]!)) return true;
  }
  return false;
}

/**
 * Keywords of ajv's `RULES.all` (the drafts' vocabularies): a `$ref` target holding one of them beside its own
 * `$ref` is compiled as it stands. `type` is not among them (ajv keeps it apart), which makes ajv follow a
 * `{$ref, type}` target through and drop the `type`: such targets stay with ajv's code.
 */
const RULES = new Set([
  "$comment", "$recursiveRef", "$recursiveAnchor", "$dynamicRef", "$dynamicAnchor", "multipleOf", "maximum", "minimum",
  "exclusiveMaximum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxProperties", "minProperties",
  "required", "maxItems", "minItems", "uniqueItems", "const", "enum", "dependentRequired", "minContains", "maxContains",
  "not", "anyOf", "oneOf", "allOf", "if", "then", "else", "propertyNames", "additionalProperties", "dependencies",
  "properties", "patternProperties", "additionalItems", "items", "prefixItems", "contains", "dependentSchemas",
  "unevaluatedProperties", "unevaluatedItems", "format", "contentMediaType", "contentEncoding", "contentSchema",
  "discriminator", "nullable",
]);

/**
 * The schema ajv compiles for `ref`: a target that holds nothing but a `$ref` to a pointer and annotations is
 * followed through to that one's target (ajv's `getJsonPointer`), as often as it takes.
 */
function finalTarget(ctx: FastContext, ref: string): JsonValue {
  let target = resolvePointer(ctx, ref);
  for (let hops = 0; typeof target === "object" && target !== null && !Array.isArray(target) && target["$ref"] !== undefined; hops++) {
    const keys = Object.keys(target).filter((k) => k !== "$ref");
    if (keys.some((k) => RULES.has(k))) break;
    const next = target["$ref"];
    if (keys.includes("type") || keys.includes("$id") || typeof next !== "string" || !next.startsWith("#/") || hops > 32)
      throw new Unsupported("a `$ref` to a `$ref` ajv follows in its own way (all-errors collector)");
    target = resolvePointer(ctx, next);
  }
  return target;
}

export function collectRef(ctx: FastContext, ref: string, at: At, out: string[], collect: Collect): void {
  if (!ref.startsWith("#")) throw new Unsupported("a `$ref` that is not a pointer into the same document (all-errors collector)");
  const target = ref === "#" || ref === "#/" ? resolvePointer(ctx, ref) : finalTarget(ctx, ref);
  if (typeof target === "boolean" || (ref !== "#" && ref !== "#/" && !hasRef(target))) {
    collect(ctx, target, { ...at, schemaPath: ref }, out);
    return;
  }
  const name = collectFunction(ctx, target, collect);
  out.push(`if (${name}(${at.value}, ${pathCode(at.path)}, d)) break ${STOP};`);
}

/**
 * The name of the function listing `target`'s errors (`(data, ip, d) => stopped`: true when the error cap, or the
 * depth bound, stopped it), written once per target.
 */
function collectFunction(ctx: FastContext, target: JsonValue, collect: Collect): string {
  const known = ctx.collectFunctions.get(target);
  if (known !== undefined) return known;
  const name = ctx.name("C");
  ctx.collectFunctions.set(target, name);
  const slot = ctx.functions.length;
  ctx.functions.push("");
  const body: string[] = [];
  collect(ctx, target, { value: "data", path: { code: "ip" }, schemaPath: "#" }, body);
  const deep = `${record(ctx, { code: "ip" }, "#", "$ref", `{depth: ${jsonLiteral(MAX_COLLECT_DEPTH)}}`, { depth: MAX_COLLECT_DEPTH })};`;
  // On a cycle that makes no progress (../cycles.ts), `name` is the guard: it stops the collector at the repeat.
  const guarded = onCycle(ctx, target);
  const checks = guarded ? ctx.name("C") : name;
  ctx.functions[slot] = [
    ...(guarded ? [cycleGuard(ctx, name, checks, "data, ip, d", "return true;")] : []),
    "/** One referenced schema's errors, schema paths from `#` as ajv's compiled reference lists them; true when stopped. */",
    `function ${checks}(data, ip, d) {`,
    `  if (++d > ${jsonLiteral(MAX_COLLECT_DEPTH)}) {`,
    `    ${deep}`,
    "    return true;",
    "  }",
    `  ${STOP}: {`,
    indent([indent(body.length === 0 ? ["// nothing to check"] : body)]),
    "    return false;",
    "  }",
    "  return true;",
    "}",
  ].join("\n");
  return name;
}
