import { createRequire } from "node:module";
import type { Ajv2020 as Ajv2020Class, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { packagedSchema } from "./config.js";
import { inputError } from "../errors.js";
import { pointerAppend } from "../ir/json.js";

const compiled = new Map<string, ValidateFunction>();

/**
 * Validates a small JSON document of ours (config, contract manifest) against the packaged JSON Schema `schemaName`
 * and throws an `InputError` naming the file and the JSON pointer of the first problem. Validators are compiled
 * once per process: a build reads one manifest per contract.
 */
export function assertValid(schemaName: string, value: unknown, file: string, code: string): void {
  let validate = compiled.get(schemaName);
  if (validate === undefined) {
    // Our own schemas are meta-checked by a unit test, not on every run.
    // Loaded on first use: a run that finds nothing changed (the build cache) never needs ajv.
    const { Ajv2020 } = createRequire(import.meta.url)("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020Class };
    validate = new Ajv2020({ allErrors: false, strict: true, validateSchema: false }).compile(packagedSchema(schemaName));
    compiled.set(schemaName, validate);
  }
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
