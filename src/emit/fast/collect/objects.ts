/**
 * Object keywords with ajv's params, in its order: `required` (`{missingProperty}`, one per name),
 * `additionalProperties` over `Object.keys` (ajv's `ownProperties` iteration, so errors come in key order;
 * `{additionalProperty}` for `false`, else the subschema's errors at `/<key>`), then `properties`, each checked
 * only when present. `__proto__` is handled as ajv does (see ../objects.ts).
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-keywords-for-applying-subschemas-to-objects
 */
import { jsonLiteral, stringLiteral } from "../../codegen/escape.js";
import { Unsupported, isObject, type FastContext } from "../context.js";
import { present, read } from "../properties.js";
import { PROTOTYPE_NAMES } from "../../validators/own-properties.js";
import { bindPath, pathCode, propertyPath, report, schemaSegment, type At, type Collect } from "./context.js";
import type { JsonObject, JsonValue } from "../../../ir/json.js";

function trivial(schema: JsonValue): boolean {
  return schema === true || (isObject(schema) && Object.keys(schema).length === 0);
}

/** Checks for a value already known to be an object. */
export function collectObject(ctx: FastContext, schema: JsonObject, at: At, out: string[], collect: Collect): void {
  const v = at.value;
  const required = schema["required"];
  if (required !== undefined) {
    if (!Array.isArray(required) || !required.every((r): r is string => typeof r === "string")) throw new Unsupported("a `required` that is not a list of strings");
    if (required.length > 2 && !required.some((key) => PROTOTYPE_NAMES.has(key))) {
      // One loop over a shared list (the same constant as the names `additionalProperties` allows, when equal).
      const key = ctx.name("k");
      out.push(`for (const ${key} of ${nameList(ctx, required)}) if (${v}[${key}] === undefined) { ${report(at, "required", `{missingProperty: ${key}}`)} }`);
    } else {
      for (const key of required) {
        const local = ctx.name("p");
        out.push(`{ const ${local} = ${read(v, key)}; if (!(${present(v, key, local)})) { ${report(at, "required", `{missingProperty: ${stringLiteral(key)}}`)} } }`);
      }
    }
  }
  const rawProperties = schema["properties"];
  if (rawProperties !== undefined && !isObject(rawProperties)) throw new Unsupported("a non-object `properties`");
  // ajv skips a `__proto__` entry (`allSchemaProperties` in its vocabularies/code.ts).
  const properties = Object.entries(rawProperties ?? {}).filter(([key]) => key !== "__proto__");
  const additional = schema["additionalProperties"];
  if (additional !== undefined && !trivial(additional)) {
    const described = new Set(properties.map(([k]) => k));
    // Past 8 names ajv looks a key up in the `properties` object itself, where an own `__proto__` counts.
    if (described.size > 8 && rawProperties !== undefined && Object.hasOwn(rawProperties, "__proto__")) described.add("__proto__");
    const path = bindPath(ctx, at.path, out);
    const key = ctx.name("k");
    const body =
      additional === false
        ? [report({ ...at, path }, "additionalProperties", `{additionalProperty: ${key}}`)]
        : subschemaAt(ctx, additional, `${v}[${key}]`, path, key, `${at.schemaPath}/additionalProperties`, collect);
    const names = [...described];
    const known = names.length > 4 ? [`${nameList(ctx, names)}.includes(${key})`] : names.map((k) => `${key} === ${stringLiteral(k)}`);
    const test = known.length === 0 ? "" : `if (!(${known.join(" || ")})) `;
    if (body.length > 0) out.push(`for (const ${key} of Object.keys(${v})) ${test}{`, ...body.map((l) => `  ${l}`), "}");
  }
  for (const [key, sub] of properties) {
    if (trivial(sub)) continue;
    const local = ctx.name("p");
    const body: string[] = [];
    collect(ctx, sub, { value: local, path: propertyPath(at.path, key), schemaPath: `${at.schemaPath}/properties/${schemaSegment(key)}` }, body);
    if (body.length > 0) out.push(`{`, `  const ${local} = ${read(v, key)};`, `  if (${present(v, key, local)}) {`, ...body.map((l) => `    ${l}`), "  }", "}");
  }
}

/** A module-level array of property names, shared by equal lists. */
function nameList(ctx: FastContext, names: readonly string[]): string {
  return ctx.constant("C", JSON.stringify(names), jsonLiteral(names));
}

/** The checks of `schema` on the value under the dynamic key `key`, with its pointer-escaped instance path. */
function subschemaAt(ctx: FastContext, schema: JsonValue, value: string, path: At["path"], key: string, schemaPath: string, collect: Collect): string[] {
  const local = ctx.name("c");
  const body: string[] = [];
  const keyPath = `${pathCode(path)} + "/" + ${key}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
  collect(ctx, schema, { value: local, path: { code: keyPath }, schemaPath }, body);
  return body.length === 0 ? [] : [`const ${local} = ${value};`, ...body];
}
