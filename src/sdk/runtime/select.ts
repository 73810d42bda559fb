/*
 * The part every provider parser shares, once: after a parser has classified its provider's stop reasons, it hands
 * over what the response holds (text, tool calls) and this picks the contract's output, parses, normalizes and
 * validates it, and emits the call record. Copied verbatim into `generated/_sdk/`.
 *
 * Why model-output contracts look at tool calls too: a structured output can be sent as a tool and forced with
 * `tool_choice` (Anthropic `tool_use`, OpenAI and Gemini function calls). The call named the binding's tool is
 * then the output; a response that calls another tool instead is `model.wrong_tool`, not "the output is empty".
 */
import { clock, codeOf, emit, layerOf, type RecordOptions } from "./record.js";
import { checkText, checkValue, noToolCall, toolNameFor, type AdapterOptions, type ContractBinding, type ProviderFamily, type SdkResult } from "./result.js";

/** A tool call as a response holds it: arguments as JSON text (OpenAI) or as a parsed value (the others). */
export interface FoundCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: { readonly text: string } | { readonly value: unknown };
}

/** What a provider response holds, in the parser's words. */
export interface FoundOutput {
  readonly text: string;
  readonly calls: readonly FoundCall[];
}

export type ParseOptions = AdapterOptions & RecordOptions;

function pick<T>(binding: ContractBinding<T>, family: ProviderFamily, found: FoundOutput, options: AdapterOptions): { result: SdkResult<T>; callId: string } {
  const name = toolNameFor(binding, options);
  const via = binding.kind === "tool-arguments" ? "tool" : (options.via ?? "auto");
  const call = via === "text" ? undefined : found.calls.find((c) => c.name === name);
  if (call !== undefined) {
    const args = call.arguments;
    const result = "text" in args ? checkText(binding, family, args.text, options) : checkValue(binding, family, args.value, options);
    return { result, callId: call.id };
  }
  const seen = found.calls.map((c) => c.name);
  if (via === "tool" || (via === "auto" && found.text.trim() === "" && seen.length > 0)) return { result: noToolCall(name, seen), callId: "" };
  return { result: checkText(binding, family, found.text, options), callId: "" };
}

/** Picks, checks and records the contract's output of a response. */
export function selectOutput<T>(binding: ContractBinding<T>, family: ProviderFamily, found: FoundOutput, options: ParseOptions = {}): SdkResult<T> {
  const startedAt = Date.now();
  const start = clock();
  const { result, callId } = pick(binding, family, found, options);
  recordParse(binding, family, result, { ...options, callId, startedAt, durationMs: clock() - start });
  return result;
}

/** Records a parse that ended before selection (a stop reason, a refusal, a filter) or after it. */
export function recordParse(
  binding: ContractBinding<unknown>,
  family: ProviderFamily,
  result: SdkResult<unknown>,
  options: ParseOptions & { readonly callId?: string; readonly startedAt?: number; readonly durationMs?: number },
): void {
  if (options.onEvent === undefined) return;
  const code = codeOf(result);
  emit(options.onEvent, {
    kind: "parse",
    contract: binding.contract,
    version: binding.version,
    schemaHash: binding.schemaHash,
    tool: toolNameFor(binding, options),
    family,
    callId: options.callId ?? "",
    ok: result.ok,
    layer: layerOf(code),
    code,
    errorCount: result.ok ? 0 : result.errors.length,
    startedAt: options.startedAt ?? Date.now(),
    durationMs: options.durationMs ?? 0,
    attempt: options.attempt ?? 1,
    replayed: false,
  });
}

/** A result classified before selection (stop reason, refusal, filter), recorded and returned. */
export function early<T>(binding: ContractBinding<T>, family: ProviderFamily, result: SdkResult<T>, options: ParseOptions): SdkResult<T> {
  recordParse(binding, family, result, options);
  return result;
}
