/*
 * llm-contracts SDK adapters: shared result shapes. Copied verbatim into `generated/_sdk/` by every build.
 * Imports nothing but the core runtime beside it; no SDK package is imported at run time or for types: the
 * response shapes below are structural, so the SDKs' own response types are assignable to them without a cast.
 */
import { parseJsonText, type ContractError, type ContractErrorCode, type ParseResult } from "../_runtime.js";

/**
 * The core codes plus what only a provider response can tell: the model declined (`model.refusal`), a safety
 * filter cut in (`model.content_filter`), the tool call asked for is missing (`model.no_tool_call`), the response
 * is not finished or failed (`model.incomplete`), a tool reported failure (`tool.error`), a call named a tool the
 * router does not know (`tool.unknown`), or a handler threw (`tool.handler_error`).
 */
export type SdkErrorCode =
  | ContractErrorCode
  | "model.refusal"
  | "model.content_filter"
  | "model.no_tool_call"
  | "model.incomplete"
  | "tool.error"
  | "tool.unknown"
  | "tool.handler_error";

export type SdkError = ContractError<SdkErrorCode>;
export type SdkResult<T> = ParseResult<T, SdkErrorCode>;

/** Undoes a provider's lowering (e.g. OpenAI strict sends optional fields as `null`). */
export type Normalize = (value: unknown) => unknown;

/** Which provider family a response came from; picks the normalizer of a binding. */
export type ProviderFamily = "openai" | "anthropic" | "gemini" | "mcp";

/**
 * One contract version as the SDK adapters see it: generated as `<Contract>V<N>Binding` in `v<N>.sdk.ts`.
 * `toolName` is the name the model calls the tool by (literal-typed, so a toolset's handler map is exact).
 */
export interface ContractBinding<T, Name extends string = string> {
  readonly contract: string;
  readonly version: number;
  readonly kind: "model-output" | "tool-arguments";
  readonly toolName: Name;
  readonly parse: (value: unknown) => ParseResult<T>;
  readonly normalizers: { readonly [P in ProviderFamily]?: Normalize };
}

/** The value type a binding validates. */
export type BindingValue<B> = B extends ContractBinding<infer T, string> ? T : never;

export interface AdapterOptions {
  /** Replace the provider normalizer of the binding (`false`: validate the provider's value as sent). */
  readonly normalize?: Normalize | false;
  /** Accept JSON wrapped in fences or prose in text output (see `TextParseOptions.unwrap`). Off by default. */
  readonly unwrap?: boolean;
  /** For tool-argument contracts: the tool name to look for (default: the binding's `toolName`). */
  readonly toolName?: string;
}

export function sdkError(code: SdkErrorCode, message: string, instancePath = ""): SdkError {
  return { code, instancePath, schemaPath: "", message };
}

export function fail<T>(code: SdkErrorCode, message: string): SdkResult<T> {
  return { ok: false, errors: [sdkError(code, message)] };
}

function normalizerOf(normalizers: ContractBinding<unknown>["normalizers"], family: ProviderFamily, options: AdapterOptions): Normalize | undefined {
  if (options.normalize === false) return undefined;
  return options.normalize ?? normalizers[family];
}

/** Normalizes then validates a value the provider already parsed (tool input objects). */
export function checkValue<T>(binding: ContractBinding<T>, family: ProviderFamily, value: unknown, options: AdapterOptions = {}): SdkResult<T> {
  const normalize = normalizerOf(binding.normalizers, family, options);
  return binding.parse(normalize === undefined ? value : normalize(value));
}

/** Parses text as JSON (classifying `json.*` first), normalizes, validates. */
export function checkText<T>(binding: ContractBinding<T>, family: ProviderFamily, text: string, options: AdapterOptions = {}): SdkResult<T> {
  const parsed = parseJsonText(text, options.unwrap === true ? { unwrap: true } : {});
  if (!parsed.ok) return parsed;
  return checkValue(binding, family, parsed.value, options);
}

/** The `json.truncated` error for output the provider reports as cut off. */
export function truncated<T>(what: string): SdkResult<T> {
  return fail("json.truncated", `${what}: the output was cut off at the token limit before the JSON ended; raise the limit or shorten the requested output`);
}

export function noToolCall<T>(want: string, seen: readonly string[]): SdkResult<T> {
  const listed = seen.length === 0 ? "no tool call at all" : `only ${seen.map((n) => JSON.stringify(n)).join(", ")}`;
  return fail("model.no_tool_call", `the response has no call to the tool ${JSON.stringify(want)} (it has ${listed}); require it with tool_choice`);
}

export function toolNameFor(binding: { readonly toolName: string }, options: AdapterOptions): string {
  return options.toolName ?? binding.toolName;
}

/** Renders errors for a model to act on: one line each, with the path and what is expected. */
export function describeErrors(errors: readonly SdkError[]): string {
  return errors.map((e) => `- ${e.message}`).join("\n");
}
