import { compile, type JSONSchema } from "json-schema-to-typescript";
import type { Draft, JsonObject } from "../../ir/json.js";
import { HOLDER_NAME, normalizeForTypes } from "./normalize.js";
import { JSTS_OPTIONS } from "./options.js";
import { finalizeTypes } from "./print.js";

export interface TypesInput {
  readonly schema: JsonObject;
  readonly draft: Draft;
  /** Name of the root type, e.g. `TicketTriageV1`. */
  readonly rootName: string;
  /**
   * Names the module holding the types already declares or imports (`ParseResult`, `DeepMutable`): a `$defs` key
   * with such a name gets a suffixed name instead (`DeepMutable_2`), as distinct keys with one name do.
   */
  readonly reserved?: readonly string[];
}

/**
 * TypeScript declarations (`export type` / `export interface`, no imports, no banner) for a bundled schema.
 *
 * Pipeline: `normalize.ts` rewrites a copy of the schema into the dialect jsts prints correctly, with every name
 * decided; json-schema-to-typescript prints it (one call, options pinned in `options.ts`); `print.ts` restores
 * property names, checks the syntax and lays it out. The types accept every value the validator accepts: where a
 * keyword has no TypeScript counterpart the type is wider, never narrower.
 *
 * Throws for a `$ref` that is not an in-document JSON pointer, and for a root name that is not PascalCase.
 */
export async function emitTypes(input: TypesInput): Promise<string> {
  const normalized = normalizeForTypes(input);
  const raw = await compile(normalized.holder as JSONSchema, HOLDER_NAME, JSTS_OPTIONS);
  return finalizeTypes(raw, normalized);
}
