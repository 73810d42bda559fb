/*
 * llm-contracts runtime: copied verbatim into `generated/_runtime.ts` by every build.
 *
 * Why a copy and not a package import: generated modules must run in a browser bundle and in Node with zero
 * runtime dependencies. So this file imports nothing, uses no Node or DOM API, never evaluates code, and compiles
 * under the strictest settings users run (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes,
 * noPropertyAccessFromIndexSignature, verbatimModuleSyntax, isolatedModules).
 */

// ---------------------------------------------------------------------------------------------------------------
// Result and error shapes
// ---------------------------------------------------------------------------------------------------------------

/** Stable error codes. Text failures (`json.*`) are kept apart from schema failures (`schema.*`) on purpose. */
export type ContractErrorCode =
  | "json.invalid"
  | "json.truncated"
  | "json.wrapped"
  | "schema.required"
  | "schema.type"
  | "schema.enum"
  | "schema.const"
  | "schema.additional_property"
  | "schema.format"
  | "schema.pattern"
  | "schema.range"
  | "schema.length"
  | "schema.items"
  | "schema.properties"
  | "schema.property_name"
  | "schema.dependency"
  | "schema.combinator"
  | "schema.false"
  | "schema.other"
  | "version.unknown"
  | "migration.missing"
  | "migration.not_implemented"
  | "migration.threw"
  | "migration.output";

/**
 * One error. `Code` is open for extension: layers on top of the core (the SDK adapters in `_sdk/`, or your own
 * code) widen it with codes of their own, e.g. `ContractError<ContractErrorCode | "app.quota">`.
 */
export interface ContractError<Code extends string = ContractErrorCode> {
  readonly code: Code;
  /** JSON pointer to the offending value (`""` is the whole document). */
  readonly instancePath: string;
  /** JSON pointer into the schema (`#/properties/x/type`); `""` for text errors. */
  readonly schemaPath: string;
  /** What is wrong and what would be right, for a person or a repair prompt. */
  readonly message: string;
  /** For text errors: 1-based line and column of the problem. */
  readonly line?: number;
  readonly column?: number;
}

export type ParseResult<T, Code extends string = ContractErrorCode> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly ContractError<Code>[] };

export interface TextParseOptions {
  /**
   * Accept JSON wrapped in markdown fences or surrounding prose by extracting it. Off by default: wrapped output
   * usually means the prompt or the response format is wrong, and silently accepting it hides that.
   */
  readonly unwrap?: boolean;
  /**
   * Applied to the parsed JSON before validation, e.g. a provider normalizer from `v<N>.providers.ts` that turns
   * OpenAI-strict `null`s back into absent optional fields. Text errors (`json.truncated`, ...) come first.
   */
  readonly normalize?: (value: unknown) => unknown;
}

/** The schema constant each generated module exports. */
export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

/** The shape of an ajv standalone validator, as the generated module calls it. */
export interface RawValidator {
  (data: unknown): boolean;
  errors?: readonly RawError[] | null;
}

export interface RawError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: { readonly [name: string]: unknown };
  readonly message?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Schema errors
// ---------------------------------------------------------------------------------------------------------------

/** Runs a validator and maps its errors to coded, human-readable ones. */
export function runValidator<T>(validate: RawValidator, value: unknown): ParseResult<T> {
  if (validate(value)) return { ok: true, value: value as T };
  return { ok: false, errors: schemaErrors(validate.errors ?? []) };
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

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function where(instancePath: string): string {
  return instancePath === "" ? "the document" : instancePath;
}

function messageOf(e: RawError): string {
  const p = e.params;
  const at = where(e.instancePath);
  switch (e.keyword) {
    case "required":
      return `${at} is missing the required property ${show(p["missingProperty"])}`;
    case "type":
      return `${at} must be of type ${String(p["type"])}`;
    case "enum": {
      const allowed = Array.isArray(p["allowedValues"]) ? (p["allowedValues"] as unknown[]) : [];
      const listed = allowed.slice(0, MAX_LISTED).map(show).join(", ");
      return `${at} must be one of ${listed}${allowed.length > MAX_LISTED ? ", ..." : ""}`;
    }
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
      return `${at} must have at most ${String(p["limit"])} items`;
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

// ---------------------------------------------------------------------------------------------------------------
// Text classification: not JSON, cut off, or wrapped in prose/fences
// ---------------------------------------------------------------------------------------------------------------

/** Outcome of scanning one JSON value starting at an offset. */
type Scan =
  | { readonly kind: "complete"; readonly end: number }
  | { readonly kind: "truncated" }
  | { readonly kind: "invalid"; readonly at: number };

const OBJECT = 1;
const ARRAY = 2;
const WS = /[ \t\n\r]/;

/**
 * Scans one JSON value from `start` without recursion (nesting depth is unbounded in model output), telling a
 * value that is cut off at the end of the text apart from one that is malformed.
 */
function scanValue(text: string, start: number): Scan {
  const stack: number[] = [];
  let i = start;
  // What the scanner expects next.
  let state: "value" | "valueOrClose" | "keyOrClose" | "key" | "colon" | "commaOrClose" = "value";
  for (;;) {
    while (i < text.length && WS.test(text[i]!)) i++;
    if (i >= text.length) return { kind: "truncated" };
    const c = text[i]!;
    if (state === "colon") {
      if (c !== ":") return { kind: "invalid", at: i };
      i++;
      state = "value";
      continue;
    }
    if (state === "commaOrClose") {
      const top = stack[stack.length - 1];
      if (c === ",") {
        i++;
        state = top === OBJECT ? "key" : "value";
        continue;
      }
      if ((c === "}" && top === OBJECT) || (c === "]" && top === ARRAY)) {
        i++;
        stack.pop();
        if (stack.length === 0) return { kind: "complete", end: i };
        continue;
      }
      return { kind: "invalid", at: i };
    }
    if (state === "keyOrClose" || state === "key") {
      if (state === "keyOrClose" && c === "}") {
        i++;
        stack.pop();
        if (stack.length === 0) return { kind: "complete", end: i };
        state = "commaOrClose";
        continue;
      }
      if (c !== '"') return { kind: "invalid", at: i };
      const s = scanString(text, i);
      if (s.kind !== "complete") return s;
      i = s.end;
      state = "colon";
      continue;
    }
    // state is "value" or "valueOrClose"
    if (state === "valueOrClose" && c === "]") {
      i++;
      stack.pop();
      if (stack.length === 0) return { kind: "complete", end: i };
      state = "commaOrClose";
      continue;
    }
    let scalar: Scan;
    if (c === "{") {
      stack.push(OBJECT);
      i++;
      state = "keyOrClose";
      continue;
    } else if (c === "[") {
      stack.push(ARRAY);
      i++;
      state = "valueOrClose";
      continue;
    } else if (c === '"') {
      scalar = scanString(text, i);
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      scalar = scanNumber(text, i);
    } else if (c === "t" || c === "f" || c === "n") {
      scalar = scanLiteral(text, i);
    } else {
      return { kind: "invalid", at: i };
    }
    if (scalar.kind !== "complete") return scalar;
    i = scalar.end;
    if (stack.length === 0) return scalar;
    state = "commaOrClose";
  }
}

function scanString(text: string, start: number): Scan {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return { kind: "complete", end: i + 1 };
    if (c < 0x20) return { kind: "invalid", at: i };
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === undefined) return { kind: "truncated" };
      if (e === "u") {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]*$/.test(hex)) return { kind: "invalid", at: i };
        if (hex.length < 4) return { kind: "truncated" };
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(e)) return { kind: "invalid", at: i };
      i += 2;
      continue;
    }
    i++;
  }
  return { kind: "truncated" };
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const NUMBER_PREFIX = /-?(?:0|[1-9][0-9]*)?(?:\.[0-9]*)?(?:[eE][+-]?[0-9]*)?$/y;

function scanNumber(text: string, start: number): Scan {
  NUMBER.lastIndex = start;
  const m = NUMBER.exec(text);
  const end = m === null ? start : start + m[0].length;
  // When everything up to the end of the text is the start of a number (`-`, `1.`, `2e`), it was cut off.
  NUMBER_PREFIX.lastIndex = start;
  if (NUMBER_PREFIX.test(text)) return end === text.length ? { kind: "complete", end } : { kind: "truncated" };
  if (m === null) return { kind: "invalid", at: start };
  const next = text[end];
  if (next === "." || next === "e" || next === "E" || (next !== undefined && next >= "0" && next <= "9")) {
    return { kind: "invalid", at: end };
  }
  return { kind: "complete", end };
}

function scanLiteral(text: string, start: number): Scan {
  for (const word of ["true", "false", "null"]) {
    if (text.startsWith(word, start)) return { kind: "complete", end: start + word.length };
    const rest = text.slice(start);
    if (rest.length < word.length && word.startsWith(rest)) return { kind: "truncated" };
  }
  return { kind: "invalid", at: start };
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function textError(code: ContractErrorCode, message: string, text: string, offset?: number): ContractError {
  const base = { code, instancePath: "", schemaPath: "", message };
  return offset === undefined ? base : { ...base, ...lineColumn(text, offset) };
}

/** Where a JSON value sits inside wrapped text, if anywhere. */
function findEmbedded(text: string): { start: number; end: number } | { truncatedAt: number } | undefined {
  // A markdown fence first: ```json ... ``` (the language tag is optional).
  const fence = /```[A-Za-z0-9_-]*[ \t]*\r?\n/.exec(text);
  const from = fence === null ? 0 : fence.index + fence[0].length;
  // Then the first few places a value could start; a bounded number keeps hostile input linear.
  let tries = 0;
  for (let i = from; i < text.length && tries < 16; i++) {
    const c = text[i];
    if (c !== "{" && c !== "[") continue;
    tries++;
    const scan = scanValue(text, i);
    if (scan.kind === "complete") return { start: i, end: scan.end };
    if (scan.kind === "truncated") return { truncatedAt: i };
  }
  return undefined;
}

export type TextParse =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly errors: readonly [ContractError] };

/**
 * Parses raw model output as JSON, classifying failures: `json.truncated` (cut off mid-value, as when a model
 * hits its token limit), `json.wrapped` (JSON inside fences or prose), `json.invalid` (anything else).
 */
export function parseJsonText(text: string, options: TextParseOptions = {}): TextParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Classified below.
  }
  let first = 0;
  while (first < text.length && WS.test(text[first]!)) first++;
  if (first === text.length) {
    return { ok: false, errors: [textError("json.invalid", "the output is empty: expected a JSON value", text)] };
  }
  const whole = scanValue(text, first);
  if (whole.kind === "truncated") {
    return {
      ok: false,
      errors: [
        textError(
          "json.truncated",
          "the output ends in the middle of a JSON value: it was cut off (check the token limit / finish reason)",
          text,
          text.length,
        ),
      ],
    };
  }
  const embedded = findEmbedded(text);
  if (embedded !== undefined && "start" in embedded) {
    const inner = text.slice(embedded.start, embedded.end);
    if (options.unwrap === true) {
      try {
        return { ok: true, value: JSON.parse(inner) as unknown };
      } catch {
        // The scanner and JSON.parse agree on valid JSON; fall through to the wrapped error if not.
      }
    }
    return {
      ok: false,
      errors: [
        textError(
          "json.wrapped",
          "the output contains JSON surrounded by other text (markdown fences or prose); send bare JSON, or pass { unwrap: true } to extract it",
          text,
          embedded.start,
        ),
      ],
    };
  }
  if (embedded !== undefined && whole.kind === "invalid" && first !== embedded.truncatedAt) {
    return {
      ok: false,
      errors: [
        textError(
          "json.truncated",
          "the output starts a JSON value after other text and is cut off before it ends (check the token limit)",
          text,
          text.length,
        ),
      ],
    };
  }
  const at = whole.kind === "invalid" ? whole.at : first;
  return {
    ok: false,
    errors: [textError("json.invalid", `the output is not valid JSON (unexpected ${show(text.slice(at, at + 12))})`, text, at)],
  };
}

/** Parses raw text and validates the value; text errors come first and stop validation. */
export function parseText<T>(validate: RawValidator, text: string, options?: TextParseOptions): ParseResult<T> {
  const parsed = parseJsonText(text, options);
  if (!parsed.ok) return parsed;
  return runValidator<T>(validate, options?.normalize === undefined ? parsed.value : options.normalize(parsed.value));
}

// ---------------------------------------------------------------------------------------------------------------
// Migrations: the "not implemented" marker and the upgrade chain
// ---------------------------------------------------------------------------------------------------------------

/** Thrown by `notImplemented`: a scaffolded migration step still needs a decision from a person. */
export class MigrationNotImplementedError extends Error {
  override readonly name = "MigrationNotImplementedError";
  readonly reason: string;
  constructor(reason: string) {
    super(`migration not implemented: ${reason}`);
    this.reason = reason;
  }
}

/**
 * The marker `llm-contracts build` leaves in a migration stub where a decision is needed. `check` finds every call
 * to it and fails while a backward-breaking step still has one; typed `never`, so it fits any field of the result.
 */
export function notImplemented(reason: string): never {
  throw new MigrationNotImplementedError(reason);
}

/** One version of a contract in an upgrade chain: its parser and the migration to the next version. */
export interface UpgradeStep {
  readonly version: number;
  readonly parse: (value: unknown) => ParseResult<unknown>;
  readonly migrate?: (input: never) => unknown;
}

export type UpgradeResult<T> =
  | {
      readonly ok: true;
      readonly value: T;
      readonly fromVersion: number;
      /** How the source version was chosen: passed in, read from the version field, or the newest that validates. */
      readonly detectedBy: "given" | "field" | "validator";
    }
  | { readonly ok: false; readonly errors: readonly ContractError[]; readonly fromVersion?: number };

function upgradeError(code: ContractErrorCode, message: string): ContractError {
  return { code, instancePath: "", schemaPath: "", message };
}

/**
 * Validates `value` as version `from` (detected when undefined), then applies each migration up to version `to`
 * (default: the last step), validating after every step, so a migration bug surfaces at the step that made it.
 */
export function runUpgrade<T>(
  contract: string,
  steps: readonly UpgradeStep[],
  value: unknown,
  from?: number,
  options: { readonly to?: number; readonly versionField?: string } = {},
): UpgradeResult<T> {
  const to = options.to ?? steps[steps.length - 1]!.version;
  let start = from;
  let detectedBy: "given" | "field" | "validator" = "given";
  if (start === undefined && options.versionField !== undefined && isRecord(value) && options.versionField in value) {
    const raw = value[options.versionField];
    const n = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw.replace(/^v/, "")) : NaN;
    if (!steps.some((s) => s.version === n)) {
      return { ok: false, errors: [upgradeError("version.unknown", `${contract}: the version field ${show(options.versionField)} holds ${show(raw)}, not a known version`)] };
    }
    start = n;
    detectedBy = "field";
  }
  if (start === undefined) {
    for (let i = steps.length - 1; i >= 0 && start === undefined; i--) if (steps[i]!.version <= to && steps[i]!.parse(value).ok) start = steps[i]!.version;
    if (start === undefined) {
      const latest = steps.find((s) => s.version === to)?.parse(value);
      const errors = latest !== undefined && !latest.ok ? latest.errors : [];
      return { ok: false, errors: [upgradeError("version.unknown", `${contract}: no version up to v${to} accepts the value; errors against v${to} follow`), ...errors] };
    }
    detectedBy = "validator";
  }
  const first = steps.findIndex((s) => s.version === start);
  if (first < 0 || start > to) return { ok: false, errors: [upgradeError("version.unknown", `${contract}: cannot upgrade from v${start} to v${to}`)] };
  const checked = steps[first]!.parse(value);
  if (!checked.ok) return { ok: false, fromVersion: start, errors: checked.errors };
  let current: unknown = checked.value;
  for (let i = first; steps[i]!.version < to; i++) {
    const step = steps[i]!;
    const next = steps[i + 1]!;
    const name = `${contract} v${step.version} → v${next.version}`;
    if (step.migrate === undefined) return { ok: false, fromVersion: start, errors: [upgradeError("migration.missing", `${name}: no migration`)] };
    try {
      current = step.migrate(current as never);
    } catch (error) {
      const code = error instanceof MigrationNotImplementedError ? "migration.not_implemented" : "migration.threw";
      return { ok: false, fromVersion: start, errors: [upgradeError(code, `${name}: ${error instanceof Error ? error.message : String(error)}`)] };
    }
    const result = next.parse(current);
    if (!result.ok) {
      return { ok: false, fromVersion: start, errors: [upgradeError("migration.output", `${name}: the migration returned a value v${next.version} rejects`), ...result.errors] };
    }
    current = result.value;
  }
  return { ok: true, value: current as T, fromVersion: start, detectedBy };
}

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
