/**
 * `propertyNames`, `dependencies`, `dependentRequired` and `dependentSchemas` as ajv's all-errors code lists them:
 * - `propertyNames`: each own key (in `Object.keys` order) checked as a string at the object's instance path; a
 *   key with errors adds `{propertyName}` at `…/propertyNames` after them;
 * - `dependencies`: first every list (for each present property, each missing name gives
 *   `{property, missingProperty, depsCount, deps}` at `…/dependencies`), then every schema (its errors under
 *   `…/dependencies/<property>`) where the property is present; `dependentRequired` and `dependentSchemas`
 *   (2019-09 on) are the two halves, each its own keyword.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-dependentschemas
 */
import { jsonLiteral, stringLiteral } from "../../codegen/escape.js";
import { Unsupported, isObject, type FastContext } from "../context.js";
import { HAS_OWN, present, read } from "../properties.js";
import { ERRORS, bindPath, report, schemaSegment, type At, type Collect } from "./context.js";
import type { JsonObject, JsonValue } from "../../../ir/json.js";

function trivial(schema: JsonValue): boolean {
  return schema === true || (isObject(schema) && Object.keys(schema).length === 0);
}

export function collectPropertyNames(ctx: FastContext, schema: JsonObject, at: At, out: string[], collect: Collect): void {
  const names = schema["propertyNames"];
  if (names === undefined || trivial(names)) return;
  const path = bindPath(ctx, at.path, out);
  const key = ctx.name("k");
  const before = ctx.name("n");
  const body: string[] = [];
  collect(ctx, names, { value: key, path, schemaPath: `${at.schemaPath}/propertyNames` }, body);
  if (body.length === 0) return;
  out.push(
    `for (const ${key} in ${at.value}) if (${HAS_OWN}(${at.value}, ${key})) {`,
    `  const ${before} = ${ERRORS}.length;`,
    ...body.map((l) => `  ${l}`),
    `  if (${ERRORS}.length !== ${before}) {`,
    `    ${report(ctx, { ...at, path }, "propertyNames", `{propertyName: ${key}}`)}`,
    "  }",
    "}",
  );
}

/** Splits `dependencies` as ajv does: arrays are property lists, anything else a schema. */
export function collectDependencies(ctx: FastContext, schema: JsonObject, at: At, out: string[], collect: Collect): void {
  const deps = schema["dependencies"];
  if (deps === undefined) return;
  if (!isObject(deps)) throw new Unsupported("a non-object `dependencies`");
  const lists: [string, JsonValue][] = [];
  const schemas: [string, JsonValue][] = [];
  // ajv's `splitDependencies` skips a `__proto__` entry.
  for (const [property, value] of Object.entries(deps)) if (property !== "__proto__") (Array.isArray(value) ? lists : schemas).push([property, value]);
  requiredLists(ctx, "dependencies", lists, at, out);
  dependentSchemas(ctx, "dependencies", schemas, at, out, collect);
}

/** `dependentRequired` then `dependentSchemas` (ajv's rule order from 2019-09 on, after `patternProperties`). */
export function collectDependents(ctx: FastContext, schema: JsonObject, at: At, out: string[], collect: Collect): void {
  for (const keyword of ["dependentRequired", "dependentSchemas"] as const) {
    const value = schema[keyword];
    if (value === undefined) continue;
    if (!isObject(value)) throw new Unsupported(`a non-object \`${keyword}\``);
    if (Object.hasOwn(value, "__proto__")) throw new Unsupported(`a \`${keyword}\` entry named __proto__`);
    if (keyword === "dependentRequired") requiredLists(ctx, keyword, Object.entries(value), at, out);
    else dependentSchemas(ctx, keyword, Object.entries(value), at, out, collect);
  }
}

function requiredLists(ctx: FastContext, keyword: string, lists: readonly [string, JsonValue][], at: At, out: string[]): void {
  for (const [property, names] of lists) {
    if (!Array.isArray(names) || !names.every((n): n is string => typeof n === "string")) throw new Unsupported(`a \`${keyword}\` list that is not of strings`);
    if (names.length === 0) continue;
    const local = ctx.name("p");
    const lines: string[] = [];
    for (const name of names) {
      const dep = ctx.name("p");
      const params = `{property: ${stringLiteral(property)}, missingProperty: ${stringLiteral(name)}, depsCount: ${jsonLiteral(names.length)}, deps: ${stringLiteral(names.join(", "))}}`;
      lines.push(`{ const ${dep} = ${read(at.value, name)}; if (!(${present(at.value, name, dep)})) { ${report(ctx, at, keyword, params, { property, missingProperty: name, depsCount: names.length, deps: names.join(", ") })} } }`);
    }
    out.push(`{`, `  const ${local} = ${read(at.value, property)};`, `  if (${present(at.value, property, local)}) {`, ...lines.map((l) => `    ${l}`), "  }", "}");
  }
}

function dependentSchemas(ctx: FastContext, keyword: string, schemas: readonly [string, JsonValue][], at: At, out: string[], collect: Collect): void {
  for (const [property, sub] of schemas) {
    if (trivial(sub)) continue;
    const body: string[] = [];
    collect(ctx, sub, { ...at, schemaPath: `${at.schemaPath}/${keyword}/${schemaSegment(property)}` }, body);
    if (body.length === 0) continue;
    const local = ctx.name("p");
    out.push(`{`, `  const ${local} = ${read(at.value, property)};`, `  if (${present(at.value, property, local)}) {`, ...body.map((l) => `    ${l}`), "  }", "}");
  }
}
