/**
 * Object keywords: `required` and `properties` read each named property once (straight-line code, no loop over
 * keywords); `additionalProperties`, `patternProperties` and `propertyNames` loop over the keys with `for...in`
 * (no `Object.keys` array on the valid path); `minProperties`/`maxProperties`; `dependentRequired`,
 * `dependentSchemas` and `dependencies`.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-keywords-for-applying-subschemas-to-objects
 */
import { chain } from "../codegen/chain.js";
import { jsonLiteral, stringLiteral } from "../codegen/escape.js";
import { Unsupported, isObject, type FastContext } from "./context.js";
import { patternMatcher } from "./pattern.js";
import { HAS_OWN, present, read } from "./properties.js";
import { declaredTypes } from "./types.js";
import { unevaluatedAsAdditional } from "./unevaluated.js";
import { PROTOTYPE_NAMES } from "../validators/own-properties.js";
import type { JsonObject, JsonValue } from "../../ir/json.js";

export const OBJECT_KEYWORDS = [
  "required",
  "properties",
  "additionalProperties",
  "patternProperties",
  "propertyNames",
  "minProperties",
  "maxProperties",
  "dependentRequired",
  "dependentSchemas",
  "dependencies",
  "unevaluatedProperties",
] as const;

function trivial(schema: JsonValue): boolean {
  return schema === true || (isObject(schema) && Object.keys(schema).length === 0);
}

function stringList(value: JsonValue | undefined, keyword: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) throw new Unsupported(`a \`${keyword}\` that is not a list of strings`);
  return value;
}

/**
 * A keyword's schema map without a `__proto__` entry: ajv skips that key in `properties`, `patternProperties`,
 * `dependencies` and the names `additionalProperties` allows (`allSchemaProperties` in ajv's vocabularies/code.ts),
 * so `{"__proto__": 1}` is checked as an additional property, not against `properties.__proto__`.
 */
function schemaMap(value: JsonValue | undefined, keyword: string): [string, JsonValue][] {
  if (value === undefined) return [];
  if (!isObject(value)) throw new Unsupported(`a non-object \`${keyword}\``);
  const entries = Object.entries(value);
  if ((keyword === "dependentRequired" || keyword === "dependentSchemas") && Object.hasOwn(value, "__proto__"))
    throw new Unsupported(`\`${keyword}\` naming __proto__`);
  return entries.filter(([key]) => key !== "__proto__");
}

/** Checks for a value already known to be an object. */
export function emitObject(ctx: FastContext, schema: JsonObject, value: string, out: string[]): void {
  const required = new Set(stringList(schema["required"], "required"));
  const properties = schemaMap(schema["properties"], "properties");
  const described = new Set(properties.map(([k]) => k));
  for (const key of required) {
    if (described.has(key)) continue;
    const local = ctx.name("p");
    out.push(`{ const ${local} = ${read(value, key)}; if (!(${present(value, key, local)})) return false; }`);
  }
  for (const [key, sub] of properties) {
    const isRequired = required.has(key);
    if (!isRequired && trivial(sub)) continue;
    const local = ctx.name("p");
    const body: string[] = [];
    ctx.checks(ctx, sub, local, body);
    // One block per property, as the collector writes it: a minifier then gives both the same local names, which
    // gzip shares (issue 20: about 55 B of one imported parse… at 10 properties).
    // A declared `type` is the body's first check and fails on `undefined` (types.ts), so it already answers
    // "missing" for a required name; names Object.prototype has keep the own-property test (properties.ts).
    const typed = isObject(sub) && declaredTypes(sub) !== undefined && !PROTOTYPE_NAMES.has(key);
    const presence = typed ? [] : [`  if (!(${present(value, key, local)})) return false;`];
    if (isRequired) out.push(`{`, `  const ${local} = ${read(value, key)};`, ...presence, ...body.map((l) => `  ${l}`), `}`);
    else if (body.length > 0) out.push(`{`, `  const ${local} = ${read(value, key)};`, `  if (${present(value, key, local)}) {`, ...body.map((l) => `    ${l}`), `  }`, `}`);
  }
  emitKeyLoop(ctx, schema, described, value, out);
  emitCount(ctx, schema, value, out);
  emitDependencies(ctx, schema, value, out);
}

/** `additionalProperties`, `patternProperties`, `propertyNames`: one `for...in` over the keys. */
function emitKeyLoop(ctx: FastContext, schema: JsonObject, described: ReadonlySet<string>, value: string, out: string[]): void {
  const additional = schema["additionalProperties"] ?? unevaluatedAsAdditional(ctx, schema);
  const patterns = schemaMap(schema["patternProperties"], "patternProperties");
  const names = schema["propertyNames"];
  const checkAdditional = additional !== undefined && !trivial(additional);
  const checkNames = names !== undefined && !trivial(names);
  if (!checkAdditional && !checkNames && patterns.every(([, s]) => trivial(s))) return;
  const key = ctx.name("k");
  const body: string[] = [];
  // Only own keys count (ajv iterates `Object.keys`). With `additionalProperties: false` alone the test runs
  // on the failure path only, so a valid object pays nothing for it.
  const onlyFalse = additional === false && !checkNames && patterns.length === 0;
  if (!onlyFalse) body.push(`if (!${HAS_OWN}(${value}, ${key})) continue;`);
  if (checkNames) body.push(`if (!${ctx.subschemaFunction(names)}(${key}, d)) return false;`);
  const matched = ctx.name("m");
  if (checkAdditional && patterns.length > 0) body.push(`let ${matched} = false;`);
  for (const [source, sub] of patterns) {
    const test = `${patternMatcher(ctx, source)}.test(${key})`;
    const check = trivial(sub) ? "" : ` if (!${ctx.subschemaFunction(sub)}(${value}[${key}], d)) return false;`;
    if (checkAdditional) body.push(`if (${test}) { ${matched} = true;${check} }`);
    else if (check !== "") body.push(`if (${test}) {${check} }`);
  }
  if (checkAdditional) {
    // Past 8 names ajv looks a key up in the `properties` object itself (`isAdditional` in its
    // vocabularies/applicator/additionalProperties.ts), where an own `__proto__` entry makes that name described.
    const rawProperties = schema["properties"];
    if (described.size > 8 && isObject(rawProperties) && Object.hasOwn(rawProperties, "__proto__")) described = new Set([...described, "__proto__"]);
    const known = [...described].map((k) => `${key} === ${stringLiteral(k)}`);
    const fail =
      additional === false
        ? onlyFalse
          ? `if (${HAS_OWN}(${value}, ${key})) return false;`
          : "return false;"
        : `if (!${ctx.subschemaFunction(additional)}(${value}[${key}], d)) return false;`;
    const conditions = [...known, ...(patterns.length > 0 ? [matched] : [])];
    if (conditions.length === 0) body.push(fail);
    else if (known.length > 4 && patterns.length === 0) {
      body.push(`switch (${key}) {`, ...[...described].map((k) => `  case ${stringLiteral(k)}:`), `    break;`, `  default:`, `    ${fail}`, `}`);
    } else body.push(`if (!(${chain(conditions, "||")})) ${fail.startsWith("if") ? `{ ${fail} }` : fail}`);
  }
  out.push(`for (const ${key} in ${value}) {`, ...body.map((l) => `  ${l}`), `}`);
}

function emitCount(ctx: FastContext, schema: JsonObject, value: string, out: string[]): void {
  const min = schema["minProperties"];
  const max = schema["maxProperties"];
  if (min === undefined && max === undefined) return;
  if ((min !== undefined && typeof min !== "number") || (max !== undefined && typeof max !== "number")) throw new Unsupported("a non-number property count");
  const n = ctx.name("n");
  const key = ctx.name("k");
  out.push(`{`, `  let ${n} = 0;`, `  for (const ${key} in ${value}) if (${HAS_OWN}(${value}, ${key})) ${n}++;`);
  if (min !== undefined) out.push(`  if (${n} < ${jsonLiteral(min)}) return false;`);
  if (max !== undefined) out.push(`  if (${n} > ${jsonLiteral(max)}) return false;`);
  out.push(`}`);
}

function emitDependencies(ctx: FastContext, schema: JsonObject, value: string, out: string[]): void {
  const next = ctx.ajvClass === "ajv-2019" || ctx.ajvClass === "ajv-2020";
  const entries: [string, JsonValue][] = [
    ...schemaMap(schema["dependencies"], "dependencies"),
    ...(next ? schemaMap(schema["dependentRequired"], "dependentRequired") : []),
    ...(next ? schemaMap(schema["dependentSchemas"], "dependentSchemas") : []),
  ];
  for (const [property, dependency] of entries) {
    const local = ctx.name("p");
    const body: string[] = [];
    if (Array.isArray(dependency)) {
      for (const other of stringList(dependency, "dependentRequired")) {
        const o = ctx.name("p");
        body.push(`const ${o} = ${read(value, other)};`, `if (!(${present(value, other, o)})) return false;`);
      }
    } else ctx.checks(ctx, dependency, value, body);
    if (body.length === 0) continue;
    out.push(`{`, `  const ${local} = ${read(value, property)};`, `  if (${present(value, property, local)}) {`, ...body.map((l) => `    ${l}`), `  }`, `}`);
  }
}
