import type { LoweringConfig } from "../../export/config.js";
import { LoweringError, lowerSchema } from "../../export/lower.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../../ir/json.js";
import { subschemas } from "../../ir/keywords.js";
import type { Converted } from "./drafts.js";

/**
 * The keywords of an OpenAPI 3.0 Schema Object (a draft-04 dialect with `nullable`).
 * @see https://spec.openapis.org/oas/v3.0.3#schema-object
 */
const OPENAPI_30 = [
  "title", "description", "default", "example", "deprecated", "readOnly", "writeOnly", "format", "nullable",
  "type", "enum", "required", "properties", "additionalProperties", "items", "allOf", "anyOf", "oneOf", "not",
  "multipleOf", "maximum", "minimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems",
  "maxProperties", "minProperties",
];
/** Annotations OpenAPI 3.0 lacks: dropping them changes no validation outcome. */
const ANNOTATION_ONLY = new Set(["examples", "$comment", "$anchor", "contentEncoding", "contentMediaType"]);

/** Export's lowering with OpenAPI 3.0 settings: `$ref`s inlined, `nullable: true`, `const` as a one-value enum. */
const CONFIG: LoweringConfig = {
  profile: "gemini-openapi",
  requireAll: false,
  closeObjects: false,
  keywords: { allow: OPENAPI_30, allowWhy: "is not an OpenAPI 3.0 Schema Object keyword" },
  inlineRefs: true,
  formats: undefined,
  minItemsMax: undefined,
  regex: undefined,
  refSiblings: false,
  enumTypes: ["string", "number", "integer", "boolean"],
  openapiNullable: true,
  stripDialect: true,
};

/**
 * The `openapi-3.0` target: produced only when lowering loses nothing that validation depends on. A dropped
 * assertion (e.g. `const` beside `enum`, numeric `exclusiveMinimum`, `if`) or a keyword OpenAPI 3.0 cannot hold
 * (`prefixItems`, recursion) refuses the target instead of sending a looser schema silently.
 */
export function toOpenApi30(schema: JsonObject): Converted {
  let lowered;
  try {
    lowered = lowerSchema(schema, CONFIG);
  } catch (error) {
    if (error instanceof LoweringError) return { refused: `${error.pointer}: ${error.message.replace("gemini-openapi", "OpenAPI 3.0")}` };
    throw error;
  }
  const lost = lowered.changes.filter((c) => c.action === "dropped" && !ANNOTATION_ONLY.has(c.keyword));
  if (lost.length > 0) return { refused: `OpenAPI 3.0 cannot express ${lost.map((c) => `${c.pointer}`).join(", ")}` };
  const extra = foreignKeyword(lowered.schema, "");
  if (extra !== undefined) return { refused: `OpenAPI 3.0 cannot express ${extra}` };
  return { schema: lowered.schema };
}

function foreignKeyword(node: JsonValue, at: string): string | undefined {
  // `additionalProperties: false` is the one place OpenAPI 3.0 takes a boolean for a schema.
  if (!isJsonObject(node)) return typeof node === "boolean" && !at.endsWith("/additionalProperties") ? `${at || "/"} (a boolean schema)` : undefined;
  for (const key of Object.keys(node)) if (!OPENAPI_30.includes(key)) return `${at}/${key}`;
  for (const [sub, p] of subschemas(node, at)) {
    const found = foreignKeyword(sub, p);
    if (found !== undefined) return found;
  }
  return undefined;
}
