/*
 * llm-contracts JSON Schema types: copied verbatim into `generated/_json-schema.ts` by every build.
 *
 * Why structural types of our own: the generated schema constants and provider fragments must be assignable, with
 * no cast, to the parameter types of the SDKs people pass them to (`JSONSchema7` in the Vercel AI SDK, MCP `Tool`,
 * Anthropic `Tool.InputSchema`, OpenAI `FunctionParameters`, Zod's `fromJSONSchema`), and generated code imports
 * nothing at run time. So the constants are literals (`as const`) exported as `DeepMutable<...>`: every
 * `type: "object"` stays a literal and every array is mutable (not a readonly tuple), which is what those SDK
 * types ask for. `JsonSchemaObject` is the general shape, for code that takes any contract's schema. Types only.
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

/**
 * Removes `readonly` at every depth. Generated constants are written `as const` (every `type: "object"` a literal,
 * whatever the property names: contextual typing would widen values under keys such as `toString`) and exported
 * as `DeepMutable<...>`, so tuples become mutable arrays the SDK parameter types accept.
 */
export type DeepMutable<T> = T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
