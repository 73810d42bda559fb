import { createRequire } from "node:module";
import type { Ajv2020 as Ajv2020Class, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { readPackageFile } from "../paths.js";
import { inputError } from "../errors.js";
import { isJsonObject, pointerAppend, pointerTokens, type JsonValue } from "../ir/json.js";
import { didYouMean } from "../suggest/did-you-mean.js";

const compiled = new Map<string, ValidateFunction>();

/**
 * Validates a small JSON document of ours (config, contract manifest) against the packaged JSON Schema `schemaName`
 * and throws an `InputError` naming the file and the JSON pointer of the first problem. Validators are compiled
 * once per process: a build reads one manifest per contract.
 */
export function assertValid(schemaName: "config.schema.json" | "contract.schema.json", value: unknown, file: string, code: string): void {
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
  throw inputError(code, { file, pointer: errorPointer(e) }, errorMessage(e, packagedSchema(schemaName) as JsonValue));
}

function errorPointer(e: ErrorObject): string {
  if (e.keyword === "additionalProperties") return pointerAppend(e.instancePath, String(e.params["additionalProperty"]));
  const propertyName = propertyNameOf(e);
  if (propertyName !== undefined) return pointerAppend(e.instancePath, propertyName);
  return e.instancePath;
}

/** The key a `propertyNames` error is about: ajv puts it on the error itself (or in params for the outer error). */
function propertyNameOf(e: ErrorObject): string | undefined {
  const name: unknown = (e as ErrorObject & { propertyName?: unknown }).propertyName ?? e.params["propertyName"];
  return typeof name === "string" ? name : undefined;
}

/** Field names the schema node of an `additionalProperties` error declares, for "did you mean". */
function declaredFields(e: ErrorObject, schema: JsonValue): string[] {
  let node: JsonValue | undefined = schema;
  for (const token of pointerTokens(e.schemaPath.replace(/^#/, "")).slice(0, -1)) {
    node = isJsonObject(node) ? node[token] : Array.isArray(node) ? node[Number(token)] : undefined;
  }
  const properties = isJsonObject(node) ? node["properties"] : undefined;
  return isJsonObject(properties) ? Object.keys(properties).filter((k) => k !== "$schema") : [];
}

function errorMessage(e: ErrorObject, schema: JsonValue): string {
  const p = e.params as Record<string, unknown>;
  const propertyName = propertyNameOf(e);
  if (propertyName !== undefined && e.keyword === "enum") {
    const allowed = (p["allowedValues"] as unknown[]).map(String);
    return `unknown key ${JSON.stringify(propertyName)}${didYouMean(propertyName, allowed)}`;
  }
  switch (e.keyword) {
    case "additionalProperties": {
      const field = String(p["additionalProperty"]);
      return `unknown field ${JSON.stringify(field)}${didYouMean(field, declaredFields(e, schema))}`;
    }
    case "required":
      return `missing required field ${JSON.stringify(p["missingProperty"])}`;
    case "enum":
      return `must be one of ${(p["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return e.message ?? `fails ${e.keyword}`;
  }
}

/** Reads a JSON Schema shipped with the package (`src/config/*.schema.json`). */
export function packagedSchema(name: "config.schema.json" | "contract.schema.json"): object {
  return JSON.parse(readPackageFile(`src/config/${name}`)) as object;
}
