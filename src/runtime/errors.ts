/*
 * llm-contracts runtime, schema errors: copied verbatim into `generated/_runtime/errors.ts` by every build.
 *
 * Why a copy and not a package import: generated modules must run in a browser bundle and in Node with zero
 * runtime dependencies. So this file imports only its sibling runtime modules, uses no Node or DOM API, never
 * evaluates code, has no top-level side effects (a bundle keeps only what it calls), and compiles under the
 * strictest settings users run (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes,
 * noPropertyAccessFromIndexSignature, verbatimModuleSyntax, isolatedModules).
 */

import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_ERRORS, depthError, guarded, type FastValidator } from "./limits.js";
import type { ContractError, ContractErrorCode, ParseResult, RawError, RawValidator, ValidateOptions } from "./types.js";

/**
 * Runs a validator and maps its errors to coded, human-readable ones. Never throws: values nested deeper than
 * `maxDepth` get `json.too_deep`, and at most `maxErrors` errors are listed (`cut: true` when more were left).
 *
 * With `validateFirst` and `validateFast` (what generated modules have), this is `runContract` with every
 * keyword's rule. Without them, every error is collected and then the list is cut.
 */
export function runValidator<T>(validate: RawValidator, value: unknown, options?: ValidateOptions, validateFirst?: RawValidator, validateFast?: FastValidator): ParseResult<T> {
  if (validateFirst !== undefined && validateFast !== undefined) return runContract<T>(KEYWORD_RULES, validate, validateFirst, validateFast, value, options);
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  const deep = depthError(value, maxDepth);
  if (deep !== undefined) return { ok: false, errors: [deep] };
  const valid = guarded(validateFirst ?? validate, value, maxDepth);
  if (valid === true) return { ok: true, value: value as T };
  if (valid !== false) return { ok: false, errors: [valid] };
  if (validateFirst !== undefined) return failure(KEYWORD_RULES, validate, value, maxDepth, options);
  return worded(KEYWORD_RULES, validate.errors ?? [], Math.max(1, options?.maxErrors || DEFAULT_MAX_ERRORS));
}

/**
 * What every generated `parse…` runs: the fast path first, so a value it accepts (proven within the depth limit)
 * costs what `is…` costs and builds nothing but the result. Only a value it rejects or cannot judge pays for the
 * depth walk, the first-failure validator (skipped when the fast path already said no: the two agree, see
 * test/emit/fast) and the all-errors validator, which stops once it has `maxErrors` errors: work on invalid input
 * is linear with a small constant, and stopping early cannot misjudge a value an `anyOf` branch would accept.
 * `rules` words the errors: the module's own table (only the keywords its schema can raise) or `KEYWORD_RULES`.
 */
export function runContract<T>(rules: KeywordRules, validate: RawValidator, validateFirst: RawValidator, validateFast: FastValidator, value: unknown, options?: ValidateOptions): ParseResult<T> {
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  let valid: boolean | ContractError | undefined;
  try {
    valid = validateFast(value, maxDepth);
  } catch {
    // A getter or proxy that throws: the guarded validators below classify it.
  }
  // Past the fast path: the depth limit first, then (when the fast path could not tell) the first-failure answer.
  if (valid !== true) valid = depthError(value, maxDepth) ?? valid ?? guarded(validateFirst, value, maxDepth);
  return valid === true ? { ok: true, value: value as T } : typeof valid === "object" ? { ok: false, errors: [valid] } : failure(rules, validate, value, maxDepth, options);
}

/**
 * `runContract` for a value proven to nest at most `maxDepth` levels and to be plain JSON (parsed from text whose
 * brackets were counted: `parseContractText`), so the depth walk could find nothing and is not run. Same result as
 * `runContract` on such a value; a separate entry so that a bundle of `parse…` alone does not carry it.
 */
export function runContractWithin<T>(rules: KeywordRules, validate: RawValidator, validateFirst: RawValidator, validateFast: FastValidator, value: unknown, options?: ValidateOptions): ParseResult<T> {
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  let valid: boolean | ContractError | undefined;
  try {
    valid = validateFast(value, maxDepth);
  } catch {
    // As in runContract: the guarded validator below classifies it.
  }
  valid ??= guarded(validateFirst, value, maxDepth);
  return valid === true ? { ok: true, value: value as T } : typeof valid === "object" ? { ok: false, errors: [valid] } : failure(rules, validate, value, maxDepth, options);
}

/**
 * The failed result of a value known to be invalid: the all-errors validator's errors, at most `maxErrors` (it
 * stops past that count, see `RawValidator.errorLimit`; `cut` tells that more were left), worded; a throw from it
 * classified. Where the module's collector is ours, `validate` is its `validateWorded`, which lists most errors
 * worded already (`rulesApplied` keeps them) and `rules` holds only the rules of those it leaves raw.
 */
function failure<T>(rules: KeywordRules, validate: RawValidator, value: unknown, maxDepth: number, options?: ValidateOptions): ParseResult<T> {
  const max = Math.max(1, options?.maxErrors || DEFAULT_MAX_ERRORS);
  validate.errorLimit = max;
  try {
    const valid = guarded(validate, value, maxDepth);
    return typeof valid === "object" ? { ok: false, errors: [valid] } : worded(rules, validate.errors ?? [], max);
  } finally {
    validate.errorLimit = undefined;
  }
}

/**
 * The failed result for the validator's errors, the first `max` of them (an empty list would still say "invalid",
 * with a reason). Our collector's `validateWorded` words every error it knows at build time (src/emit/fast/collect),
 * so its list is mostly, often wholly, `ContractError`s; a list wholly worded is the result as it is (a fresh list
 * per call of the validator; a copy was most of what wording still cost, issue 20 part Z).
 */
function worded<T>(rules: KeywordRules, raw: readonly (RawError | ContractError)[], max: number): ParseResult<T> {
  const list = raw.length > max ? raw.slice(0, max) : raw;
  const errors = raw.length === 0 ? [{ code: "schema.other" as const, instancePath: "", schemaPath: "", message: "the document does not match the schema" }] : list.every((e) => "code" in e) ? (list as ContractError[]) : rulesApplied(list, rules);
  return raw.length > max ? { ok: false, errors, cut: true } : { ok: false, errors };
}

/** The rule of a keyword without one: the raw error's own message, or "fails the <keyword> rule". */
const UNKNOWN_KEYWORD: KeywordRule = ["schema.other"];

/** Coded, worded errors for raw ones; `rules` as in `runContract` (default: every keyword's). */
export function schemaErrors(raw: readonly RawError[], rules?: KeywordRules): ContractError[] {
  return rulesApplied(raw, rules ?? KEYWORD_RULES);
}

function rulesApplied(raw: readonly (RawError | ContractError)[], rules: KeywordRules): ContractError[] {
  return raw.map((e) => {
    // Worded already (`validateWorded`, see `worded`): kept as it is.
    if ("code" in e) return e;
    // Rules are arrays; what a plain object inherits (`constructor`, `toString`, `__proto__`) is not: no own-key check.
    const found = rules[e.keyword];
    const rule = Array.isArray(found) ? found : UNKNOWN_KEYWORD;
    const text = rule[1];
    return {
      code: rule[0],
      instancePath: e.instancePath,
      schemaPath: e.schemaPath,
      // One join per error: the texts start with their space (each join allocates, and wording is most of a failure).
      message: (e.instancePath === "" ? "the document" : e.instancePath) + (text !== undefined ? text(e.params) : ` ${e.message ?? `fails the ${e.keyword} rule`}`),
    };
  });
}

const MAX_LISTED = 10;

/** Printable ASCII without a quote or a backslash: JSON writes such a string as itself between quotes. */
const PLAIN = /^[ !#-[\]-~]*$/;

export function show(value: unknown): string {
  // The common cases without JSON.stringify, which costs more than the validation that found the error.
  if (typeof value === "string" && value.length <= 78 && PLAIN.test(value)) return `"${value}"`;
  // Number.isFinite: a finite number primitive (as `typeof value === "number" && isFinite(value)`).
  if (typeof value === "boolean" || Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * The text of an `enum` error, by array of values: the validator passes the same array (a module-level constant)
 * with every error of one `enum`, so each text is rendered once, not per error (and not joined per error either).
 */
const listings = /* @__PURE__ */ new WeakMap<object, string>();

function listed(values: unknown): string {
  // Not an array (never from a validator): listed as an empty one.
  const list: readonly unknown[] = Array.isArray(values) ? values : [];
  let text = listings.get(list);
  if (text === undefined) {
    text = ` must be one of ${list.slice(0, MAX_LISTED).map(show).join(", ")}${list.length > MAX_LISTED ? ", ..." : ""}`;
    listings.set(list, text);
  }
  return text;
}

// ─── Keyword rules ──────────────────────────────────────────────────────────────────────────────────────────────
//
// Why one export per keyword: a generated module passes `runContract` a table of the rules its schema can raise
// (src/emit/modules/keyword-rules.ts lists them), so a bundle of one `parse…` carries only those renderers, not
// every keyword's. `KEYWORD_RULES` is the whole table, for `runValidator` and `schemaErrors`.

/** The params of one raw error. */
type Params = RawError["params"];

/**
 * How one keyword's errors are coded and worded: the error code, and the message after the place ("/a", "the
 * document"), from its leading space on (" must be …": the message is then one join). Without a renderer the
 * message is the raw error's own, or "fails the <keyword> rule".
 */
export type KeywordRule = readonly [code: ContractErrorCode, text?: (p: Params) => string];

/** Rules by keyword. Only array values count as rules, so `constructor` or `toString` is an unknown keyword. */
export type KeywordRules = { readonly [keyword: string]: KeywordRule };

const atLeast = (p: Params, what: string): string => ` must have at least ${p["limit"]} ${what}`;
const atMost = (p: Params, what: string): string => ` must have at most ${p["limit"]} ${what}`;
const notAllowed = (what: string, name: unknown): string => ` has the ${what} ${show(name)}, which the schema does not allow`;

export const kwRequired: KeywordRule = ["schema.required", (p) => ` is missing the required property ${show(p["missingProperty"])}`];
export const kwType: KeywordRule = ["schema.type", (p) => ` must be of type ${p["type"]}`];
export const kwEnum: KeywordRule = ["schema.enum", (p) => listed(p["allowedValues"])];
export const kwConst: KeywordRule = ["schema.const", (p) => ` must be exactly ${show(p["allowedValue"])}`];
export const kwAdditionalProperties: KeywordRule = ["schema.additional_property", (p) => notAllowed("property", p["additionalProperty"])];
export const kwUnevaluatedProperties: KeywordRule = ["schema.additional_property", (p) => notAllowed("property", p["unevaluatedProperty"])];
export const kwFormat: KeywordRule = ["schema.format", (p) => ` must be a valid ${p["format"]}`];
export const kwPattern: KeywordRule = ["schema.pattern", (p) => ` must match the pattern ${show(p["pattern"])}`];
/** `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`. */
export const kwBound: KeywordRule = ["schema.range", (p) => ` must be ${p["comparison"]} ${p["limit"]}`];
export const kwMultipleOf: KeywordRule = ["schema.range", (p) => ` must be a multiple of ${p["multipleOf"]}`];
export const kwMinLength: KeywordRule = ["schema.length", (p) => atLeast(p, "characters")];
export const kwMaxLength: KeywordRule = ["schema.length", (p) => atMost(p, "characters")];
export const kwMinItems: KeywordRule = ["schema.items", (p) => atLeast(p, "items")];
/** `maxItems`, `items`, `additionalItems`, `unevaluatedItems`. */
export const kwMaxItems: KeywordRule = ["schema.items", (p) => atMost(p, "items")];
export const kwUniqueItems: KeywordRule = ["schema.items", (p) => ` must not contain duplicates (items ${p["j"]} and ${p["i"]} are equal)`];
export const kwContains: KeywordRule = [
  "schema.items",
  (p) =>
    p["maxContains"] === undefined
      ? ` must contain at least ${p["minContains"]} matching item(s)`
      : ` must contain from ${p["minContains"]} to ${p["maxContains"]} matching items`,
];
/** `minContains`, `maxContains`, `prefixItems`: ajv words them itself. */
export const kwItemsOther: KeywordRule = ["schema.items"];
export const kwMinProperties: KeywordRule = ["schema.properties", (p) => atLeast(p, "properties")];
export const kwMaxProperties: KeywordRule = ["schema.properties", (p) => atMost(p, "properties")];
export const kwPropertyNames: KeywordRule = ["schema.property_name", (p) => notAllowed("property name", p["propertyName"])];
/** `dependencies`, `dependentRequired`. */
export const kwDependency: KeywordRule = ["schema.dependency", (p) => ` is missing the property ${show(p["missingProperty"])}, which ${show(p["property"])} requires`];
export const kwDependentSchemas: KeywordRule = ["schema.dependency"];
export const kwIf: KeywordRule = ["schema.combinator", (p) => ` must match the ${show(p["failingKeyword"])} shape of its if/then/else`];
export const kwAnyOf: KeywordRule = ["schema.combinator", () => " must match at least one of the allowed shapes (anyOf)"];
export const kwOneOf: KeywordRule = [
  "schema.combinator",
  (p) =>
    p["passingSchemas"] === null || p["passingSchemas"] === undefined
      ? " must match one of the allowed shapes (oneOf)"
      : ` matches more than one of the shapes ${show(p["passingSchemas"])}, but must match exactly one (oneOf)`,
];
export const kwAllOf: KeywordRule = ["schema.combinator"];
export const kwNot: KeywordRule = ["schema.combinator", () => " must not match the excluded shape (not)"];
export const kwFalseSchema: KeywordRule = ["schema.false", () => " is not allowed here"];

/** Every keyword's rule: what `runValidator` and `schemaErrors` use. */
export const KEYWORD_RULES: KeywordRules = {
  required: kwRequired,
  type: kwType,
  enum: kwEnum,
  const: kwConst,
  additionalProperties: kwAdditionalProperties,
  unevaluatedProperties: kwUnevaluatedProperties,
  format: kwFormat,
  pattern: kwPattern,
  minimum: kwBound,
  maximum: kwBound,
  exclusiveMinimum: kwBound,
  exclusiveMaximum: kwBound,
  multipleOf: kwMultipleOf,
  minLength: kwMinLength,
  maxLength: kwMaxLength,
  minItems: kwMinItems,
  maxItems: kwMaxItems,
  items: kwMaxItems,
  additionalItems: kwMaxItems,
  unevaluatedItems: kwMaxItems,
  uniqueItems: kwUniqueItems,
  contains: kwContains,
  minContains: kwItemsOther,
  maxContains: kwItemsOther,
  prefixItems: kwItemsOther,
  minProperties: kwMinProperties,
  maxProperties: kwMaxProperties,
  propertyNames: kwPropertyNames,
  dependencies: kwDependency,
  dependentRequired: kwDependency,
  dependentSchemas: kwDependentSchemas,
  if: kwIf,
  anyOf: kwAnyOf,
  oneOf: kwOneOf,
  allOf: kwAllOf,
  not: kwNot,
  "false schema": kwFalseSchema,
};

