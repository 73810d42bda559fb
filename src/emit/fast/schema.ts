/**
 * One subschema's checks, in a fixed order: `type` first (the `typeof` tests every later check relies on), then
 * `$ref`, `enum`/`const`, each type family's keywords under one guard (dropped when `type` already proves it),
 * `format`, and the combinators. Keywords ajv validates that no family covers raise `Unsupported`; keywords ajv
 * ignores (annotations, unknown words in non-strict schemas) are ignored here too.
 */
import { Unsupported, isObject, type FastContext } from "./context.js";
import { ARRAY_KEYWORDS, emitArray } from "./arrays.js";
import { emitCombinators } from "./combinators.js";
import { formatCheck } from "./formats.js";
import { NUMBER_KEYWORDS, emitNumber } from "./numbers.js";
import { OBJECT_KEYWORDS, emitObject } from "./objects.js";
import { emitRef } from "./refs.js";
import { STRING_KEYWORDS, emitString } from "./strings.js";
import { declaredTypes, emitType, groupGuard, type TypeGroup } from "./types.js";
import { emitConst, emitEnum } from "./values.js";
import type { JsonObject, JsonValue } from "../../ir/json.js";

/** Keywords ajv validates (for some draft) that the fast path does not cover. */
const NOT_COVERED = [
  "nullable",
  "unevaluatedItems",
  "$recursiveRef",
  "$recursiveAnchor",
  "$dynamicRef",
  "$dynamicAnchor",
  "$vocabulary",
  "$async",
];

export function emitChecks(ctx: FastContext, schema: JsonValue, value: string, out: string[]): void {
  if (schema === true) return;
  if (schema === false) {
    out.push("return false;");
    return;
  }
  if (!isObject(schema)) throw new Unsupported("a schema that is neither an object nor a boolean");
  for (const keyword of NOT_COVERED) if (schema[keyword] !== undefined) throw new Unsupported(`\`${keyword}\``);
  if (schema !== ctx.root) {
    const idKeyword = ctx.ajvClass === "ajv-draft-04" ? "id" : "$id";
    if (schema[idKeyword] !== undefined || schema["$schema"] !== undefined) throw new Unsupported("an embedded resource (`$id` below the root)");
  }
  const types = declaredTypes(schema);
  if (types !== undefined) emitType(types, value, out);
  const ref = schema["$ref"];
  if (ref !== undefined) {
    if (typeof ref !== "string") throw new Unsupported("a non-string `$ref`");
    emitRef(ctx, ref, value, out);
  }
  if (schema["enum"] !== undefined) {
    if (!Array.isArray(schema["enum"])) throw new Unsupported("a non-array `enum`");
    emitEnum(ctx, schema["enum"], value, out);
  }
  if (schema["const"] !== undefined) emitConst(ctx, schema["const"], value, out);
  family(schema, "number", NUMBER_KEYWORDS, types, value, out, (body) => emitNumber(ctx, schema, value, body));
  family(schema, "string", STRING_KEYWORDS, types, value, out, (body) => emitString(ctx, schema, value, body));
  family(schema, "array", ARRAY_KEYWORDS, types, value, out, (body) => emitArray(ctx, schema, value, body));
  family(schema, "object", OBJECT_KEYWORDS, types, value, out, (body) => emitObject(ctx, schema, value, body));
  const format = schema["format"];
  if (format !== undefined) {
    if (typeof format !== "string") throw new Unsupported("a non-string `format`");
    const check = formatCheck(ctx, format);
    if (check !== undefined) guarded(groupGuard(check.type, types, value), [`if (!${check.test(value)}) return false;`], out);
  }
  emitCombinators(ctx, schema, value, out);
}

function family(
  schema: JsonObject,
  group: TypeGroup,
  keywords: readonly string[],
  types: readonly string[] | undefined,
  value: string,
  out: string[],
  emit: (body: string[]) => void,
): void {
  if (!keywords.some((k) => schema[k] !== undefined)) return;
  // A type the schema excludes never reaches these checks.
  if (types !== undefined && !types.some((t) => t === group || (group === "number" && t === "integer"))) return;
  const body: string[] = [];
  emit(body);
  guarded(groupGuard(group, types, value), body, out);
}

function guarded(guard: string, body: readonly string[], out: string[]): void {
  if (body.length === 0) return;
  if (guard === "") out.push(...body);
  else out.push(`if (${guard}) {`, ...body.map((l) => `  ${l}`), `}`);
}
