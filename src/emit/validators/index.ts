import type { Draft, JsonObject } from "../../ir/json.js";
import type { Diagnostic } from "../../errors.js";

export interface ValidatorInput {
  readonly schema: JsonObject;
  readonly draft: Draft;
  /** Strict mode (default true). Only the conformance suite turns it off: the suite uses unknown keywords on purpose. */
  readonly strict?: boolean;
  /** Further schemas made available by `$id` (conformance remotes). Contracts are bundled and pass none. */
  readonly extraSchemas?: readonly JsonObject[];
}

/** ESM JavaScript source with zero imports, exporting `validate` (named and default): an ajv standalone validator. */
export function emitValidator(_input: ValidatorInput): string {
  throw new Error("not implemented");
}

/** Meta-schema and strict-mode problems of a schema, with JSON pointers into it. Empty when it compiles. */
export function schemaDiagnostics(_schema: JsonObject, _draft: Draft, _file: string): Diagnostic[] {
  throw new Error("not implemented");
}
