/*
 * llm-contracts SDK adapters: shared result shapes. Copied verbatim into `generated/_sdk/` by every build.
 * Imports nothing but the core runtime beside it; no SDK package is imported at run time or for types: the
 * response shapes below are structural, so the SDKs' own response types are assignable to them without a cast.
 */
import { parseJsonText, type ContractError, type ContractErrorCode, type ParseResult } from "../_runtime.js";

/**
 * The core codes plus what only a provider response can tell: the model declined (`model.refusal`), a safety
 * filter cut in (`model.content_filter`), the tool call asked for is missing (`model.no_tool_call`) or the model
 * called other tools instead (`model.wrong_tool`), the response is not finished or failed (`model.incomplete`), a
 * tool reported failure (`tool.error`), a call named a tool the router does not know (`tool.unknown`), a handler
 * threw (`tool.handler_error`) or ran past the router's time limit (`tool.timeout`), or a side-effecting call is
 * still running elsewhere under the same idempotency key or call id (`tool.in_flight`), or a handler's result
 * cannot be sent back as JSON (`tool.unserializable_result`).
 */
export type SdkErrorCode =
  | ContractErrorCode
  | "model.refusal"
  | "model.content_filter"
  | "model.no_tool_call"
  | "model.wrong_tool"
  | "model.incomplete"
  | "tool.error"
  | "tool.unknown"
  | "tool.handler_error"
  | "tool.timeout"
  | "tool.in_flight"
  | "tool.unserializable_result";

export type SdkError = ContractError<SdkErrorCode>;
export type SdkResult<T> = ParseResult<T, SdkErrorCode>;

/** Undoes a provider's lowering (e.g. OpenAI strict sends optional fields as `null`). */
export type Normalize = (value: unknown) => unknown;

/** Which provider family a response came from; picks the normalizer of a binding. */
export type ProviderFamily = "openai" | "anthropic" | "gemini" | "mcp";

/**
 * What running a tool's handler does (`contract.json` `sideEffects`). `none`: reads only. `idempotent`: a second
 * run with the same arguments does nothing more. `unsafe`: every run acts again (a payment, an email).
 */
export type SideEffects = "none" | "idempotent" | "unsafe";

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
  /** `sha256:<hex>` of the canonical schema: which exact schema a call was checked against. */
  readonly schemaHash: string;
  /** Tool-arguments contracts: declared side effects (absent: not declared, treated as side-effecting). */
  readonly sideEffects?: SideEffects;
  /** The argument that names one intended action; the router runs a side-effecting handler once per value. */
  readonly idempotencyKey?: string;
}

/** The value type a binding validates. */
export type BindingValue<B> = B extends ContractBinding<infer T, string> ? T : never;

export interface AdapterOptions {
  /** Replace the provider normalizer of the binding (`false`: validate the provider's value as sent). */
  readonly normalize?: Normalize | false;
  /** Accept JSON wrapped in fences or prose in text output (see `TextParseOptions.unwrap`). Off by default. */
  readonly unwrap?: boolean;
  /** The tool name to look for (default: the binding's `toolName`). */
  readonly toolName?: string;
  /**
   * For model-output contracts: where the output is. `text` (structured outputs), `tool` (sent as a tool and
   * forced with `tool_choice`: the call named the binding's `toolName`), or `auto` (default): that tool call when
   * the response has one, else the text. Tool-arguments contracts always read the tool call.
   */
  readonly via?: "auto" | "text" | "tool";
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

/** No call to `want`: `model.wrong_tool` when the model called other tools, `model.no_tool_call` when none. */
export function noToolCall<T>(want: string, seen: readonly string[]): SdkResult<T> {
  if (seen.length === 0) return fail("model.no_tool_call", `the response has no call to the tool ${JSON.stringify(want)} (it has no tool call at all); require it with tool_choice`);
  const listed = seen.map((n) => JSON.stringify(n)).join(", ");
  return fail("model.wrong_tool", `the response has no call to the tool ${JSON.stringify(want)} (it calls only ${listed}); require it with tool_choice`);
}

export function toolNameFor(binding: { readonly toolName: string }, options: AdapterOptions): string {
  return options.toolName ?? binding.toolName;
}

/** Renders errors for a model to act on: one line each, with the path and what is expected. */
export function describeErrors(errors: readonly SdkError[]): string {
  return errors.map((e) => `- ${e.message}`).join("\n");
}
