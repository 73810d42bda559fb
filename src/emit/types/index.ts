import { compile, type JSONSchema } from "json-schema-to-typescript";
import { HOLDER_NAME, normalizeForTypes, type TypesInput } from "./normalize.js";
import { JSTS_OPTIONS } from "./options.js";
import { finalizeTypes } from "./print.js";

export type { TypesInput } from "./normalize.js";

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
