/*
 * llm-contracts JSON Schema types: copied verbatim into `generated/_json-schema.ts` by every build.
 *
 * Why structural types of our own: the generated schema constants and provider fragments must be assignable, with
 * no cast, to the parameter types of the SDKs people pass them to (`JSONSchema7` in the Vercel AI SDK, MCP `Tool`,
 * Anthropic `Tool.InputSchema`, OpenAI `FunctionParameters`, Zod's `fromJSONSchema`), and generated code imports
 * nothing at run time. So the constants are written as `{...} satisfies JsonSchemaObject`: the contextual type
 * keeps every `type: "object"` a literal and every array mutable (`string[]`, not a readonly tuple), which is what
 * those SDK types ask for. Types only: this file holds no code.
 */

/** The seven instance types of JSON Schema. */
export type JsonSchemaTypeName = "string" | "number" | "integer" | "boolean" | "object" | "array" | "null";

/** The dialects llm-contracts compiles, by `$schema` URI; other strings are allowed (and stay `string`). */
export type JsonSchemaDialect =
  | "https://json-schema.org/draft/2020-12/schema"
  | "https://json-schema.org/draft/2019-09/schema"
  | "http://json-schema.org/draft-07/schema#"
  | "http://json-schema.org/draft-07/schema"
  | (string & {});

/** A schema: an object, or `true` / `false`. */
export type JsonSchemaDefinition = boolean | JsonSchemaObject;

/**
 * A JSON Schema object (draft-07 to 2020-12). Every keyword that holds subschemas is listed, so that contextual
 * typing reaches nested schemas; other keywords are open (`unknown`).
 * @see https://json-schema.org/draft/2020-12/json-schema-core
 */
export interface JsonSchemaObject {
  /** Listed so the dialect URI stays a literal type (Zod's `fromJSONSchema` accepts only known URIs). */
  $schema?: JsonSchemaDialect;
  $id?: string;
  $ref?: string;
  type?: JsonSchemaTypeName | JsonSchemaTypeName[];
  enum?: unknown[];
  required?: string[];
  properties?: { [name: string]: JsonSchemaDefinition };
  patternProperties?: { [pattern: string]: JsonSchemaDefinition };
  additionalProperties?: JsonSchemaDefinition;
  unevaluatedProperties?: JsonSchemaDefinition;
  propertyNames?: JsonSchemaDefinition;
  dependentSchemas?: { [name: string]: JsonSchemaDefinition };
  dependencies?: { [name: string]: JsonSchemaDefinition | string[] };
  items?: JsonSchemaDefinition | JsonSchemaDefinition[];
  prefixItems?: JsonSchemaDefinition[];
  additionalItems?: JsonSchemaDefinition;
  unevaluatedItems?: JsonSchemaDefinition;
  contains?: JsonSchemaDefinition;
  allOf?: JsonSchemaDefinition[];
  anyOf?: JsonSchemaDefinition[];
  oneOf?: JsonSchemaDefinition[];
  not?: JsonSchemaDefinition;
  if?: JsonSchemaDefinition;
  then?: JsonSchemaDefinition;
  else?: JsonSchemaDefinition;
  $defs?: { [name: string]: JsonSchemaDefinition };
  definitions?: { [name: string]: JsonSchemaDefinition };
  [keyword: string]: unknown;
}

/** OpenAPI 3.0 type names (no `null`: nullability is the `nullable` keyword). */
export type OpenApiTypeName = "string" | "number" | "integer" | "boolean" | "object" | "array";

/**
 * An OpenAPI 3.0 Schema Object, as far as contextual typing needs it (Gemini `responseSchema` / `parameters`).
 * @see https://spec.openapis.org/oas/v3.0.3#schema-object
 */
export interface OpenApiSchemaObject {
  type?: OpenApiTypeName;
  nullable?: boolean;
  enum?: unknown[];
  required?: string[];
  properties?: { [name: string]: OpenApiSchemaObject };
  items?: OpenApiSchemaObject;
  anyOf?: OpenApiSchemaObject[];
  [keyword: string]: unknown;
}

/**
 * The contextual type of a provider request fragment: literal `type` tags (`"json_schema"`, `"function"`) stay
 * literals, schemas nested under any fragment key are typed as schemas.
 */
export interface ProviderFragment {
  type?: "json_schema" | "function" | "object";
  name?: string;
  description?: string;
  strict?: boolean;
  schema?: JsonSchemaObject;
  parameters?: JsonSchemaObject | OpenApiSchemaObject;
  input_schema?: JsonSchemaObject;
  inputSchema?: JsonSchemaObject;
  outputSchema?: JsonSchemaObject;
  parametersJsonSchema?: JsonSchemaObject;
  responseJsonSchema?: JsonSchemaObject;
  responseSchema?: OpenApiSchemaObject;
  responseMimeType?: "application/json";
  function?: ProviderFragment;
  json_schema?: ProviderFragment;
  [key: string]: unknown;
}
