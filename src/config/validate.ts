import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { inputError } from "../errors.js";
import { pointerAppend } from "../ir/json.js";

/**
 * Validates a small JSON document of ours (config, contract manifest) against its JSON Schema and throws an
 * `InputError` naming the file and the JSON pointer of the first problem.
 */
export function assertValid(schema: object, value: unknown, file: string, code: string): void {
  const ajv = new Ajv2020({ allErrors: false, strict: true });
  const validate = ajv.compile(schema);
  if (validate(value)) return;
  const e = validate.errors?.[0];
  if (e === undefined) throw inputError(code, { file }, "is invalid");
  throw inputError(code, { file, pointer: errorPointer(e) }, errorMessage(e));
}

function errorPointer(e: ErrorObject): string {
  if (e.keyword === "additionalProperties") return pointerAppend(e.instancePath, String(e.params["additionalProperty"]));
  return e.instancePath;
}

function errorMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "additionalProperties":
      return `unknown field ${JSON.stringify(p["additionalProperty"])}`;
    case "required":
      return `missing required field ${JSON.stringify(p["missingProperty"])}`;
    case "enum":
      return `must be one of ${(p["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return e.message ?? `fails ${e.keyword}`;
  }
}
