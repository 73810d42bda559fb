/**
 * Object keywords with ajv's params, in its order: `required` (`{missingProperty}`, one per name),
 * `additionalProperties` over the own keys in `Object.keys` order (ajv's `ownProperties` iteration), with
 * `{additionalProperty}` for `false`, else the subschema's errors at `/<key>`), then `properties`, each checked
 * only when present, and `patternProperties` (one loop over the keys per pattern); `maxProperties` and
 * `minProperties` (`{limit}`) come first. `__proto__` is handled as ajv does (see ../objects.ts).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-keywords-for-applying-subschemas-to-objects
 */
import { chain } from "../../codegen/chain.js";
import { jsonLiteral, stringLiteral } from "../../codegen/escape.js";
import { Unsupported, isObject, type FastContext } from "../context.js";
import { HAS_OWN, present, read } from "../properties.js";
import { bindPath, pathCode, propertyPath, report, schemaSegment, type At, type Collect } from "./context.js";
import type { JsonObject, JsonValue } from "../../../ir/json.js";
import { patternMatcher } from "../pattern.js";
import { collectDependencies, collectDependents, collectPropertyNames } from "./dependencies.js";

function trivial(schema: JsonValue): boolean {
  return schema === true || (isObject(schema) && Object.keys(schema).length === 0);
}

/** Checks for a value already known to be an object. */
export function collectObject(ctx: FastContext, schema: JsonObject, at: At, out: string[], collect: Collect): void {
  const v = at.value;
  for (const [keyword, fail] of [["maxProperties", ">"], ["minProperties", "<"]] as const) {
    const limit = schema[keyword];
    if (limit === undefined) continue;
    if (typeof limit !== "number" || !Number.isFinite(limit)) throw new Unsupported(`a non-number \`${keyword}\``);
    out.push(`if (Object.keys(${v}).length ${fail} ${jsonLiteral(limit)}) {`, `  ${report(ctx, at, keyword, `{limit: ${jsonLiteral(limit)}}`, { limit })}`, "}");
  }
  const required = schema["required"];
  if (required !== undefined) {
    if (!Array.isArray(required) || !required.every((r): r is string => typeof r === "string")) throw new Unsupported("a `required` that is not a list of strings");
    // Straight-line named reads (a loop over a list of names reads with a varying key: twice the time).
    for (const key of required) {
      const local = ctx.name("p");
      out.push(`{ const ${local} = ${read(v, key)}; if (!(${present(v, key, local)})) { ${report(ctx, at, "required", `{missingProperty: ${stringLiteral(key)}}`, { missingProperty: key })} } }`);
    }
  }
  collectPropertyNames(ctx, schema, at, out, collect);
  const rawProperties = schema["properties"];
  if (rawProperties !== undefined && !isObject(rawProperties)) throw new Unsupported("a non-object `properties`");
  // ajv skips a `__proto__` entry (`allSchemaProperties` in its vocabularies/code.ts).
  const properties = Object.entries(rawProperties ?? {}).filter(([key]) => key !== "__proto__");
  const patterns = Object.entries(patternMap(schema["patternProperties"])).filter(([source]) => source !== "__proto__");
  const additional = schema["additionalProperties"];
  if (additional !== undefined && !trivial(additional)) {
    const described = new Set(properties.map(([k]) => k));
    // Past 8 names ajv looks a key up in the `properties` object itself, where an own `__proto__` counts.
    if (described.size > 8 && rawProperties !== undefined && Object.hasOwn(rawProperties, "__proto__")) described.add("__proto__");
    const path = bindPath(ctx, at.path, out);
    const key = ctx.name("k");
    const body =
      additional === false
        ? [report(ctx, { ...at, path }, "additionalProperties", `{additionalProperty: ${key}}`)]
        : subschemaAt(ctx, additional, `${v}[${key}]`, path, key, `${at.schemaPath}/additionalProperties`, collect);
    const names = [...described];
    // `for...in` over own keys visits them in `Object.keys` order (ajv's iteration) without building the array.
    const loop = `for (const ${key} in ${v}) if (${HAS_OWN}(${v}, ${key}))`;
    if (body.length === 0) {
      // Nothing to report for any key.
    } else if (patterns.length > 0) {
      // A key a pattern matches is not additional either (ajv's `isAdditional`).
      const known = [...names.map((k) => `${key} === ${stringLiteral(k)}`), ...patterns.map(([source]) => `${patternMatcher(ctx, source)}.test(${key})`)];
      out.push(`${loop} if (!(${chain(known, "||")})) {`, ...body.map((l) => `  ${l}`), "}");
    } else if (names.length > 4) {
      // A `switch` on the key: faster than a chain of comparisons or a list lookup. The own-key test only for a
      // key no case names, written as the fast path's loop writes it (gzip shares the two).
      out.push(`for (const ${key} in ${v}) switch (${key}) {`, ...names.map((k) => `  case ${stringLiteral(k)}:`), "    break;", "  default:", `    if (${HAS_OWN}(${v}, ${key})) {`, ...body.map((l) => `      ${l}`), "    }", "}");
    } else {
      const test = names.length === 0 ? "" : `if (!(${names.map((k) => `${key} === ${stringLiteral(k)}`).join(" || ")})) `;
      out.push(`${loop} ${test}{`, ...body.map((l) => `  ${l}`), "}");
    }
  }
  collectDependencies(ctx, schema, at, out, collect);
  for (const [key, sub] of properties) {
    if (trivial(sub)) continue;
    const local = ctx.name("p");
    const body: string[] = [];
    collect(ctx, sub, { value: local, path: propertyPath(at.path, key), schemaPath: `${at.schemaPath}/properties/${schemaSegment(key)}` }, body);
    if (body.length > 0) out.push(`{`, `  const ${local} = ${read(v, key)};`, `  if (${present(v, key, local)}) {`, ...body.map((l) => `    ${l}`), "  }", "}");
  }
  // One loop over the keys per pattern, in order, as ajv writes them.
  if (patterns.length > 0) {
    const path = bindPath(ctx, at.path, out);
    for (const [source, sub] of patterns) {
      const key = ctx.name("k");
      const body = subschemaAt(ctx, sub, `${v}[${key}]`, path, key, `${at.schemaPath}/patternProperties/${schemaSegment(source)}`, collect);
      if (body.length > 0) out.push(`for (const ${key} in ${v}) if (${HAS_OWN}(${v}, ${key}) && ${patternMatcher(ctx, source)}.test(${key})) {`, ...body.map((l) => `  ${l}`), "}");
    }
  }
  // Keywords of 2019-09 on only: before it ajv does not know them.
  if (ctx.ajvClass === "ajv-2019" || ctx.ajvClass === "ajv-2020") collectDependents(ctx, schema, at, out, collect);
}

function patternMap(value: JsonValue | undefined): JsonObject {
  if (value === undefined) return {};
  if (!isObject(value)) throw new Unsupported("a non-object `patternProperties`");
  return value;
}

/** The checks of `schema` on the value under the dynamic key `key`, with its pointer-escaped instance path. */
function subschemaAt(ctx: FastContext, schema: JsonValue, value: string, path: At["path"], key: string, schemaPath: string, collect: Collect): string[] {
  const local = ctx.name("c");
  const body: string[] = [];
  const keyPath = `${pathCode(path)} + "/" + ${key}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
  collect(ctx, schema, { value: local, path: { code: keyPath }, schemaPath }, body);
  return body.length === 0 ? [] : [`const ${local} = ${value};`, ...body];
}
