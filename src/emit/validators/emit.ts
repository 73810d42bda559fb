import type { Draft, JsonObject } from "../../ir/json.js";
import { standaloneCode } from "./ajv.js";
import { inlineRuntime } from "./inline.js";
import { createAjv } from "./options.js";

export interface ValidatorInput {
  readonly schema: JsonObject;
  readonly draft: Draft;
  /** Strict mode (default true). Only the conformance suite turns it off: the suite uses unknown keywords on purpose. */
  readonly strict?: boolean;
  /** Further schemas made available by `$id` (conformance remotes). Contracts are bundled and pass none. */
  readonly extraSchemas?: readonly JsonObject[];
  /** Validate against the meta-schema while compiling (default false: see `compileValidator`). */
  readonly validateSchema?: boolean;
}

/** ESM JavaScript source with zero imports, exporting `validate` (named and default): an ajv standalone validator. */
export function emitValidator(input: ValidatorInput): string {
  // Callers check the meta-schema first (`compileValidator`, `schemaDiagnostics`) with a shared instance; a fresh
  // instance per output file keeps generated names independent of what else the build compiles.
  const ajv = createAjv(input.draft, { strict: input.strict ?? true, validateSchema: input.validateSchema ?? false });
  for (const extra of input.extraSchemas ?? []) ajv.addSchema(extra);
  return inlineRuntime(standaloneCode(ajv, ajv.compile(input.schema)));
}
