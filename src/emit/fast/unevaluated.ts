/**
 * `unevaluatedProperties` where it means what `additionalProperties` means: in a schema object without in-place
 * applicators, the properties evaluated beside it are exactly those `properties` names and `patternProperties`
 * matches (and every one when `additionalProperties` is there), so the keyword applies its subschema to the other
 * own keys. ajv computes the same statically (`it.props` in its vocabularies/unevaluated/unevaluatedProperties.ts);
 * a parent's evaluations never reach a subschema's keyword (ajv starts each subschema with `props: undefined`).
 * Anything that could evaluate more (`allOf`, `$ref`, `if`, `dependentSchemas`...) keeps the whole schema on
 * ajv's code, as before.
 * @see https://json-schema.org/draft/2020-12/json-schema-core#name-unevaluatedproperties
 */
import { Unsupported, isObject, type FastContext } from "./context.js";
import type { JsonObject, JsonValue } from "../../ir/json.js";

/** Keywords whose subschemas apply to the same instance and may evaluate properties (annotations) of their own. */
const IN_PLACE = ["allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref", "$dynamicRef", "$recursiveRef", "dependentSchemas", "dependencies"];

/** The schema `additionalProperties` would need to check what `unevaluatedProperties` checks, if any. */
export function unevaluatedAsAdditional(ctx: FastContext, schema: JsonObject): JsonValue | undefined {
  const unevaluated = schema["unevaluatedProperties"];
  if (unevaluated === undefined) return undefined;
  if (ctx.ajvClass !== "ajv-2019" && ctx.ajvClass !== "ajv-2020") throw new Unsupported("`unevaluatedProperties` before 2019-09");
  const applicator = IN_PLACE.find((k) => schema[k] !== undefined);
  if (applicator !== undefined) throw new Unsupported(`\`unevaluatedProperties\` beside \`${applicator}\``);
  // ajv's static list has no `__proto__` (nor its name lookup past 8 names, which additionalProperties has).
  const properties = schema["properties"];
  if (isObject(properties) && Object.hasOwn(properties, "__proto__")) throw new Unsupported("`unevaluatedProperties` beside a `__proto__` property");
  return unevaluated;
}
