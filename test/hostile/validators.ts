/** Validators of ad-hoc schemas, compiled the way `build` compiles them and loaded without touching the disk. */
import { importValidators } from "../../src/emit/validators/load-module.js";
import type { JsonObject } from "../../src/ir/json.js";
import { emitValidator } from "../../src/emit/validators/emit.js";
import { isValid, parseText, runValidator, type ParseResult, type RawValidator, type TextParseOptions, type ValidateOptions } from "../../src/runtime/runtime.js";

/** The three entry points a generated version module exports, over the same two validators and runtime calls. */
export interface Contract {
  readonly is: (value: unknown, options?: ValidateOptions) => boolean;
  readonly parse: (value: unknown, options?: ValidateOptions) => ParseResult<unknown>;
  readonly parseText: (text: string, options?: TextParseOptions) => ParseResult<unknown>;
  readonly validate: RawValidator;
  readonly code: string;
}

export async function contractOf(schema: JsonObject, formats: Readonly<Record<string, string>> = {}): Promise<Contract> {
  const code = emitValidator({ schema, draft: "2020-12", formats });
  const { validate, validateFirst } = await importValidators(code);
  return {
    is: (value, options) => isValid(validateFirst, value, options),
    parse: (value, options) => runValidator(validate, value, options, validateFirst),
    parseText: (text, options) => parseText(validate, text, options, validateFirst),
    validate,
    code,
  };
}

/** `[[[…]]]` nested `depth` levels as text, built without recursion. */
export function deepArrayText(depth: number, inner = ""): string {
  return "[".repeat(depth) + inner + "]".repeat(depth);
}

/** A value nested `depth` levels (arrays, or objects under `key`), built without recursion. */
export function deepValue(depth: number, kind: "array" | "object", key = "c"): unknown {
  let value: unknown = kind === "array" ? [] : {};
  for (let i = 1; i < depth; i++) value = kind === "array" ? [value] : { [key]: value };
  return value;
}
