import type { Draft, JsonObject } from "../../ir/json.js";
import { type AjvInstance, standaloneCode } from "./ajv.js";
import { inlineRuntime } from "./inline.js";
import { createAjv, createLoggingAjv } from "./options.js";
import { subschemas } from "./walk.js";

export interface ValidatorInput {
  readonly schema: JsonObject;
  readonly draft: Draft;
  /** Strict mode (default true). Only the conformance suite turns it off: the suite uses unknown keywords on purpose. */
  readonly strict?: boolean;
  /** Further schemas made available by `$id` (conformance remotes). Contracts are bundled and pass none. */
  readonly extraSchemas?: readonly JsonObject[];
  /** Validate against the meta-schema while compiling (default false: see `compileValidator`). */
  readonly validateSchema?: boolean;
  /**
   * The strictness policy's path (compileValidator): strict-mode problems go to `warn` instead of being thrown,
   * and formats nobody implements are accepted unchecked (the policy reports them), so one compile yields both
   * the code and every finding.
   */
  readonly warn?: (message: string) => void;
  /** Custom formats from the config: name → regex source ("u" flag). */
  readonly formats?: Readonly<Record<string, string>>;
}

/** ESM JavaScript source with zero imports, exporting `validate` (named and default): an ajv standalone validator. */
export function emitValidator(input: ValidatorInput): string {
  // Callers check the meta-schema first (`compileValidator`, `schemaDiagnostics`) with a shared instance; a fresh
  // instance per output file keeps generated names independent of what else the build compiles.
  const validateSchema = input.validateSchema ?? false;
  const ajv =
    input.warn !== undefined
      ? createLoggingAjv(input.draft, input.warn, validateSchema)
      : createAjv(input.draft, { strict: input.strict ?? true, validateSchema });
  for (const extra of input.extraSchemas ?? []) ajv.addSchema(extra);
  const custom = input.formats ?? {};
  registerFormats(ajv, input.schema, custom, input.warn !== undefined);
  return inlineRuntime(standaloneCode(ajv, ajv.compile(input.schema)), custom);
}

/** Custom formats as functions (inline.ts writes their code); with `acceptUnknown`, unknown formats as unchecked. */
function registerFormats(
  ajv: AjvInstance,
  schema: JsonObject,
  custom: Readonly<Record<string, string>>,
  acceptUnknown: boolean,
): void {
  for (const [name, source] of Object.entries(custom)) {
    const re = new RegExp(source, "u");
    ajv.addFormat(name, (str: string) => re.test(str));
  }
  if (!acceptUnknown) return;
  for (const { node } of subschemas(schema)) {
    const format = node["format"];
    if (typeof format === "string" && !Object.hasOwn(ajv.formats, format)) ajv.addFormat(format, true);
  }
}
