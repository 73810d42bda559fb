/*
 * llm-contracts runtime, schema errors: copied verbatim into `generated/_runtime/errors.ts` by every build.
 *
 * Why a copy and not a package import: generated modules must run in a browser bundle and in Node with zero
 * runtime dependencies. So this file imports only its sibling runtime modules, uses no Node or DOM API, never
 * evaluates code, has no top-level side effects (a bundle keeps only what it calls), and compiles under the
 * strictest settings users run (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes,
 * noPropertyAccessFromIndexSignature, verbatimModuleSyntax, isolatedModules).
 */

import { collectErrors, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ERRORS, depthError, fastAnswer, guarded, thrownError, type FastValidator } from "./limits.js";
import type { ContractError, ContractErrorCode, ParseResult, RawError, RawValidator, ValidateOptions } from "./types.js";

/**
 * Runs a validator and maps its errors to coded, human-readable ones. Never throws: values nested deeper than
 * `maxDepth` get `json.too_deep`, and at most `maxErrors` errors are listed (`cut: true` when more were left).
 *
 * With `validateFirst` (what generated modules pass), validity comes from the first-failure validator and the
 * all-errors one runs only on invalid values, stopping once it has `maxErrors`: work on invalid input is linear
 * with a small constant, and stopping early cannot misjudge a value an `anyOf` branch would have accepted.
 * Without it, every error is collected and then the list is cut.
 */
export function runValidator<T>(validate: RawValidator, value: unknown, options?: ValidateOptions, validateFirst?: RawValidator, validateFast?: FastValidator): ParseResult<T> {
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  // Errors only on failure: a value the fast path accepts (proven within the depth limit) costs what `is…` costs.
  const fast = validateFast === undefined ? undefined : fastAnswer(validateFast, value, maxDepth);
  if (fast === true) return { ok: true, value: value as T };
  const maxErrors = options?.maxErrors ?? DEFAULT_MAX_ERRORS;
  let deep: ContractError | undefined;
  try {
    deep = depthError(value, maxDepth);
  } catch (error) {
    deep = thrownError(error, maxDepth);
  }
  if (deep !== undefined) return { ok: false, errors: [deep] };
  // A fast-path "no" agrees with the all-errors validator (test/emit/fast), so the first-failure pass is not run again.
  const valid = fast === false && validateFirst !== undefined ? false : guarded(validateFirst ?? validate, value, maxDepth);
  if (valid === true) return { ok: true, value: value as T };
  if (valid !== false) return { ok: false, errors: [valid] };
  let raw: readonly RawError[];
  let cut = false;
  if (validateFirst === undefined) {
    raw = validate.errors ?? [];
    cut = raw.length > Math.max(1, maxErrors);
    if (cut) raw = raw.slice(0, Math.max(1, maxErrors));
  } else {
    const collected = collectErrors(validate, value, maxDepth, maxErrors);
    if (!("raw" in collected)) return { ok: false, errors: [collected] };
    raw = collected.raw;
    cut = collected.cut;
  }
  // The two validators of one module agree; an empty list would still say "invalid" with a reason.
  const errors = raw.length > 0 ? schemaErrors(raw) : [{ code: "schema.other" as const, instancePath: "", schemaPath: "", message: "the document does not match the schema" }];
  return cut ? { ok: false, errors, cut: true } : { ok: false, errors };
}

export function schemaErrors(raw: readonly RawError[]): ContractError[] {
  return raw.map((e) => ({
    code: codeOf(e.keyword),
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    message: messageOf(e),
  }));
}

function codeOf(keyword: string): ContractErrorCode {
  switch (keyword) {
    case "required":
      return "schema.required";
    case "type":
      return "schema.type";
    case "enum":
      return "schema.enum";
    case "const":
      return "schema.const";
    case "additionalProperties":
    case "unevaluatedProperties":
      return "schema.additional_property";
    case "format":
      return "schema.format";
    case "pattern":
      return "schema.pattern";
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
    case "multipleOf":
      return "schema.range";
    case "minLength":
    case "maxLength":
      return "schema.length";
    case "minItems":
    case "maxItems":
    case "uniqueItems":
    case "contains":
    case "minContains":
    case "maxContains":
    case "additionalItems":
    case "unevaluatedItems":
    case "items":
    case "prefixItems":
      return "schema.items";
    case "minProperties":
    case "maxProperties":
      return "schema.properties";
    case "propertyNames":
      return "schema.property_name";
    case "dependencies":
    case "dependentRequired":
    case "dependentSchemas":
      return "schema.dependency";
    case "anyOf":
    case "oneOf":
    case "allOf":
    case "not":
    case "if":
      return "schema.combinator";
    case "false schema":
      return "schema.false";
    default:
      return "schema.other";
  }
}

const MAX_LISTED = 10;

/** Printable ASCII without a quote or a backslash: JSON writes such a string as itself between quotes. */
const PLAIN = /^[ !#-[\]-~]*$/;

export function show(value: unknown): string {
  // The common cases without JSON.stringify, which costs more than the validation that found the error.
  if (typeof value === "string" && value.length <= 78 && PLAIN.test(value)) return `"${value}"`;
  if (typeof value === "boolean" || (typeof value === "number" && isFinite(value))) return String(value);
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function where(instancePath: string): string {
  return instancePath === "" ? "the document" : instancePath;
}

/**
 * Listings of `enum` values, by array: the validator passes the same array (a module-level constant) with every
 * error of one `enum`, so each is rendered once, not per error.
 */
const listings = /* @__PURE__ */ new WeakMap<object, string>();

function listed(values: unknown): string {
  if (!Array.isArray(values)) return "";
  let text = listings.get(values);
  if (text === undefined) {
    text = `${values.slice(0, MAX_LISTED).map(show).join(", ")}${values.length > MAX_LISTED ? ", ..." : ""}`;
    listings.set(values, text);
  }
  return text;
}

function messageOf(e: RawError): string {
  const p = e.params;
  const at = where(e.instancePath);
  switch (e.keyword) {
    case "required":
      return `${at} is missing the required property ${show(p["missingProperty"])}`;
    case "type":
      return `${at} must be of type ${String(p["type"])}`;
    case "enum":
      return `${at} must be one of ${listed(p["allowedValues"])}`;
    case "const":
      return `${at} must be exactly ${show(p["allowedValue"])}`;
    case "additionalProperties":
      return `${at} has the property ${show(p["additionalProperty"])}, which the schema does not allow`;
    case "unevaluatedProperties":
      return `${at} has the property ${show(p["unevaluatedProperty"])}, which the schema does not allow`;
    case "format":
      return `${at} must be a valid ${String(p["format"])}`;
    case "pattern":
      return `${at} must match the pattern ${show(p["pattern"])}`;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return `${at} must be ${String(p["comparison"])} ${String(p["limit"])}`;
    case "multipleOf":
      return `${at} must be a multiple of ${String(p["multipleOf"])}`;
    case "minLength":
      return `${at} must have at least ${String(p["limit"])} characters`;
    case "maxLength":
      return `${at} must have at most ${String(p["limit"])} characters`;
    case "minItems":
      return `${at} must have at least ${String(p["limit"])} items`;
    case "maxItems":
    case "additionalItems":
    case "unevaluatedItems":
    case "items":
      return `${at} must have at most ${String(p["limit"])} items`;
    case "contains":
      return p["maxContains"] === undefined
        ? `${at} must contain at least ${String(p["minContains"])} matching item(s)`
        : `${at} must contain from ${String(p["minContains"])} to ${String(p["maxContains"])} matching items`;
    case "dependencies":
    case "dependentRequired":
      return `${at} is missing the property ${show(p["missingProperty"])}, which ${show(p["property"])} requires`;
    case "propertyNames":
      return `${at} has the property name ${show(p["propertyName"])}, which the schema does not allow`;
    case "if":
      return `${at} must match the ${show(p["failingKeyword"])} shape of its if/then/else`;
    case "uniqueItems":
      return `${at} must not contain duplicates (items ${String(p["j"])} and ${String(p["i"])} are equal)`;
    case "minProperties":
      return `${at} must have at least ${String(p["limit"])} properties`;
    case "maxProperties":
      return `${at} must have at most ${String(p["limit"])} properties`;
    case "anyOf":
      return `${at} must match at least one of the allowed shapes (anyOf)`;
    case "oneOf":
      return p["passingSchemas"] === null || p["passingSchemas"] === undefined
        ? `${at} must match one of the allowed shapes (oneOf)`
        : `${at} matches more than one of the shapes ${show(p["passingSchemas"])}, but must match exactly one (oneOf)`;
    case "not":
      return `${at} must not match the excluded shape (not)`;
    case "false schema":
      return `${at} is not allowed here`;
    default:
      return `${at} ${e.message ?? `fails the ${e.keyword} rule`}`;
  }
}

