/**
 * One subschema's error checks, in ajv's order (`typeAndKeywords` in ajv's compile/validate/index.ts) so the list
 * is the one ajv's all-errors code gives, error for error:
 * 1. the `type` error first, unless `type` names one type whose keyword group the schema uses: then it is that
 *    group's `else` branch (`coerceAndCheckDataType`);
 * 2. the keywords of no type, in vocabulary order: `$ref`, `const`, `enum`, `not`, `anyOf`, `oneOf`, `allOf`, `if`;
 * 3. the groups number, string, array, object, each under its own type test, keywords in vocabulary order.
 * `format` belongs to both the number and the string group (it counts as used in both), and checks in its own.
 * Keywords this collector does not cover raise `Unsupported`: the module then keeps ajv's all-errors code.
 */
import { jsonLiteral, stringLiteral } from "../../codegen/escape.js";
import { Unsupported, isObject, type FastContext } from "../context.js";
import { formatCheck } from "../formats.js";
import { equals, membership } from "../members.js";
import { declaredTypes, typeTest } from "../types.js";
import { collectRef } from "./refs.js";
import { collectArray } from "./arrays.js";
import { collectCombinators } from "./combinators.js";
import { collectObject } from "./objects.js";
import { collectNumber, collectString } from "./scalars.js";
import { report, type At } from "./context.js";
import type { JsonObject, JsonValue } from "../../../ir/json.js";

/** Keywords ajv validates (in some draft) that the collector leaves to ajv's code. */
const NOT_COLLECTED = [
  "contains",
  "minContains",
  "maxContains",
  "discriminator",
  "nullable",
  "unevaluatedProperties",
  "unevaluatedItems",
  "$recursiveRef",
  "$recursiveAnchor",
  "$dynamicRef",
  "$dynamicAnchor",
];

type Group = "number" | "string" | "array" | "object";

/** The keywords of each group the collector covers (ajv's RULES order within the group). */
const GROUP_KEYWORDS: Readonly<Record<Group, readonly string[]>> = {
  number: ["maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf", "format"],
  string: ["maxLength", "minLength", "pattern", "format"],
  array: ["maxItems", "minItems", "prefixItems", "additionalItems", "items", "uniqueItems"],
  object: ["maxProperties", "minProperties", "required", "propertyNames", "additionalProperties", "dependencies", "properties", "patternProperties", "dependentRequired", "dependentSchemas"],
};

const GROUPS: readonly Group[] = ["number", "string", "array", "object"];

export function collectChecks(ctx: FastContext, schema: JsonValue, at: At, out: string[]): void {
  if (schema === true) return;
  if (schema === false) {
    out.push(report(ctx, at, "false schema", "{}", {}));
    return;
  }
  if (!isObject(schema)) throw new Unsupported("a schema that is neither an object nor a boolean");
  for (const keyword of NOT_COLLECTED) if (schema[keyword] !== undefined) throw new Unsupported(`\`${keyword}\` (all-errors collector)`);
  const types = declaredTypes(schema);
  if (types !== undefined && types.length === 0) throw new Unsupported("an empty `type` (all-errors collector)");
  // `prefixItems` is a rule of 2020-12 only, `additionalItems` of the drafts before it, `dependentRequired` and
  // `dependentSchemas` of 2019-09 on.
  const since2019 = ctx.ajvClass === "ajv-2019" || ctx.ajvClass === "ajv-2020";
  const unknown = new Set([ctx.ajvClass === "ajv-2020" ? "additionalItems" : "prefixItems", ...(since2019 ? [] : ["dependentRequired", "dependentSchemas"])]);
  const used = (group: Group): boolean => GROUP_KEYWORDS[group].some((k) => !unknown.has(k) && schema[k] !== undefined);
  const typeInGroup = types !== undefined && types.length === 1 && (GROUPS as readonly string[]).includes(types[0]!) && used(types[0] as Group);
  const typeError = types === undefined ? "" : report(ctx, at, "type", `{type: ${typeParam(ctx, schema)}}`, { type: schema["type"]! });
  if (types !== undefined && !typeInGroup) out.push(`if (!(${types.map((t) => typeTest(t, at.value)).join(" || ")})) {`, `  ${typeError}`, "}");
  const ref = schema["$ref"];
  if (ref !== undefined) {
    if (typeof ref !== "string") throw new Unsupported("a non-string `$ref`");
    collectRef(ctx, ref, at, out, collectChecks);
  }
  if (schema["const"] !== undefined) collectConst(ctx, schema["const"], at, out);
  if (schema["enum"] !== undefined) collectEnum(ctx, schema["enum"], at, out);
  collectCombinators(ctx, schema, at, out, collectChecks);
  for (const group of GROUPS) {
    if (!used(group)) continue;
    const body: string[] = [];
    groupBody(ctx, group, schema, at, body);
    const elseType = typeInGroup && types![0] === group;
    if (body.length === 0 && !elseType) continue;
    out.push(`if (${typeTest(group, at.value)}) {`, ...body.map((l) => `  ${l}`), ...(elseType ? ["} else {", `  ${typeError}`] : []), "}");
  }
}

function groupBody(ctx: FastContext, group: Group, schema: JsonObject, at: At, out: string[]): void {
  if (group === "number") collectNumber(ctx, schema, at, out);
  else if (group === "string") collectString(ctx, schema, at, out);
  else if (group === "array") collectArray(ctx, schema, at, out, collectChecks);
  else collectObject(ctx, schema, at, out, collectChecks);
  const format = schema["format"];
  if (format === undefined || group === "array" || group === "object") return;
  if (typeof format !== "string") throw new Unsupported("a non-string `format`");
  const check = formatCheck(ctx, format);
  if (check !== undefined && check.type === group) out.push(`if (!${check.test(at.value)}) {`, `  ${report(ctx, at, "format", `{format: ${stringLiteral(format)}}`, { format })}`, "}");
}

/** ajv's `type` param: the keyword's value itself (a string, or the same array every time). */
function typeParam(ctx: FastContext, schema: JsonObject): string {
  const type = schema["type"]!;
  return typeof type === "string" ? stringLiteral(type) : ctx.constant("C", JSON.stringify(type), jsonLiteral(type));
}

function collectConst(ctx: FastContext, literal: JsonValue, at: At, out: string[]): void {
  const param = literal !== null && typeof literal === "object" ? ctx.constant("C", JSON.stringify(literal), jsonLiteral(literal)) : jsonLiteral(literal);
  out.push(`if (!(${equals(ctx, literal, at.value)})) {`, `  ${report(ctx, at, "const", `{allowedValue: ${param}}`, { allowedValue: literal })}`, "}");
}

function collectEnum(ctx: FastContext, values: JsonValue, at: At, out: string[]): void {
  if (!Array.isArray(values) || values.length === 0) throw new Unsupported("an `enum` that is not a non-empty list (all-errors collector)");
  const list = ctx.constant("C", JSON.stringify(values), jsonLiteral(values));
  out.push(`if (!(${membership(ctx, values, at.value)})) {`, `  ${report(ctx, at, "enum", `{allowedValues: ${list}}`, { allowedValues: values })}`, "}");
}
