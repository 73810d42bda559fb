/*
 * llm-contracts runtime, result and error shapes: copied verbatim into `generated/_runtime/types.ts` by every build.
 *
 * Why a copy and not a package import: generated modules must run in a browser bundle and in Node with zero
 * runtime dependencies. So this file imports only its sibling runtime modules, uses no Node or DOM API, never
 * evaluates code, has no top-level side effects (a bundle keeps only what it calls), and compiles under the
 * strictest settings users run (strict, noUncheckedIndexedAccess, exactOptionalPropertyTypes,
 * noPropertyAccessFromIndexSignature, verbatimModuleSyntax, isolatedModules).
 */

/** Stable error codes. Text failures (`json.*`) are kept apart from schema failures (`schema.*`) on purpose. */
export type ContractErrorCode =
  | "json.invalid"
  | "json.truncated"
  | "json.wrapped"
  | "json.too_deep"
  | "json.too_large"
  | "json.unsafe_integer"
  | "json.number_overflow"
  | "json.encoding"
  | "value.unreadable"
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
  /** For limit errors (`json.too_deep`, `json.too_large`): the limit that was exceeded. */
  readonly limit?: number;
  /** For `json.encoding`: 0-based byte offset of the first byte that is not valid UTF-8. */
  readonly byteOffset?: number;
}

export type ParseResult<T, Code extends string = ContractErrorCode> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly errors: readonly ContractError<Code>[];
      /** Set when validation stopped at `maxErrors`: there are more errors than `errors` lists. */
      readonly cut?: true;
    };

/**
 * Bounds on the work one call may do, so hostile model output can neither exhaust the stack nor the heap.
 * Every `is…`, `parse…` and `parse…Text` takes them; each field has a default that fits the default Node stack.
 */
export interface ValidateOptions {
  /**
   * Deepest nesting of arrays and objects accepted (default 1000: `[[1]]` nests 2 levels). Deeper values get
   * one `json.too_deep` error naming the limit and the path where it was crossed, before any validation runs.
   */
  readonly maxDepth?: number;
  /**
   * Most errors `parse…` collects (default 100, also for 0 or NaN; at least 1); past it validation stops and the
   * result carries `cut: true`.
   */
  readonly maxErrors?: number;
}

export interface TextParseOptions extends ValidateOptions {
  /** Longest text accepted, in UTF-8 bytes (default: no limit); longer text gets one `json.too_large` error. */
  readonly maxBytes?: number;
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

/**
 * The shape of an ajv standalone validator, as the generated module calls it. One exception to its boolean answer:
 * our own all-errors validator (src/emit/fast/collect) answers a `json.too_deep` `ContractError` (an object) for a
 * value that runs into a `$ref` cycle that makes no progress, where ajv's code would run out of stack; the
 * runtime's `guarded` passes it on as the one error, as it does for a thrown `RangeError`.
 */
export interface RawValidator {
  (data: unknown): boolean;
  errors?: readonly RawError[] | null;
  /**
   * Read by the all-errors validator after each error it records: past this count it returns at once. Set only
   * for the duration of one call by `runValidator` (src/runtime/limits.ts), after the first-failure validator has
   * proved the value invalid, so stopping early can never turn a valid value into an invalid one.
   */
  errorLimit?: number | undefined;
}

export interface RawError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: { readonly [name: string]: unknown };
  readonly message?: string;
}
