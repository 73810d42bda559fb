/*
 * OpenAI adapters: Chat Completions (`ChatCompletion`) and Responses (`Response`) objects to classified results.
 * Copied verbatim into `generated/_sdk/`. The `*Like` interfaces are the parts read here, written so the SDK's
 * own types are assignable to them (tested against the `openai` package's types).
 * @see https://platform.openai.com/docs/api-reference/chat/object
 * @see https://platform.openai.com/docs/api-reference/responses/object
 */
import { fail, truncated, type ContractBinding, type SdkResult } from "./result.js";
import { early, selectOutput, type ParseOptions } from "./select.js";

export interface OpenAIChatToolCallLike {
  readonly id: string;
  readonly type: string;
  readonly function?: { readonly name: string; readonly arguments: string };
}

export interface OpenAIChatMessageLike {
  readonly content?: string | null;
  readonly refusal?: string | null;
  readonly tool_calls?: readonly OpenAIChatToolCallLike[];
}

export interface OpenAIChatCompletionLike {
  readonly choices: readonly { readonly finish_reason: string | null; readonly message: OpenAIChatMessageLike }[];
}

export interface OpenAIChatOptions extends ParseOptions {
  /** Which choice to read (default 0, the only one unless `n` > 1). */
  readonly choice?: number;
}

/**
 * A Chat Completion to a classified result: message content for a model-output contract, or the arguments of the
 * binding's tool call (always for a tool-arguments contract; for a model-output contract sent as a function and
 * forced with `tool_choice`, see `AdapterOptions.via`). Refusal, content filter and `finish_reason: "length"` come
 * first, with codes of their own.
 */
export function parseOpenAIChat<T>(binding: ContractBinding<T>, completion: OpenAIChatCompletionLike, options: OpenAIChatOptions = {}): SdkResult<T> {
  const index = options.choice ?? 0;
  const choice = completion.choices[index];
  if (choice === undefined) return early(binding, "openai", fail("model.incomplete", `the completion has no choice ${index} (it has ${completion.choices.length})`), options);
  const message = choice.message;
  if (typeof message.refusal === "string" && message.refusal !== "") return early(binding, "openai", fail("model.refusal", `the model refused: ${message.refusal}`), options);
  if (choice.finish_reason === "content_filter") return early(binding, "openai", fail("model.content_filter", "the output was stopped by OpenAI's content filter (finish_reason: content_filter)"), options);
  if (choice.finish_reason === "length") return early(binding, "openai", truncated("finish_reason is length"), options);
  const calls = (message.tool_calls ?? []).flatMap((c) => (c.function === undefined ? [] : [{ id: c.id, name: c.function.name, arguments: { text: c.function.arguments } }]));
  return selectOutput(binding, "openai", { text: message.content ?? "", calls }, options);
}

export interface OpenAIResponseItemLike {
  readonly type: string;
  /** `message` items. */
  readonly content?: readonly { readonly type: string; readonly text?: string; readonly refusal?: string }[];
  /** `function_call` items (other item types hold other things under these names, hence `unknown`). */
  readonly name?: unknown;
  readonly arguments?: unknown;
  readonly call_id?: unknown;
}

export interface OpenAIResponseLike {
  readonly status?: string | null;
  readonly incomplete_details?: { readonly reason?: string } | null;
  readonly error?: { readonly message: string } | null;
  readonly output: readonly OpenAIResponseItemLike[];
}

/**
 * A Responses API `Response` to a classified result: the `output_text` parts of its message items, or the
 * `function_call` item for the binding's tool. `incomplete_details.reason` `max_output_tokens` is `json.truncated`.
 */
export function parseOpenAIResponse<T>(binding: ContractBinding<T>, response: OpenAIResponseLike, options: ParseOptions = {}): SdkResult<T> {
  const reason = response.incomplete_details?.reason;
  const stop = (r: SdkResult<T>): SdkResult<T> => early(binding, "openai", r, options);
  if (reason === "content_filter") return stop(fail("model.content_filter", "the output was stopped by OpenAI's content filter (incomplete_details.reason: content_filter)"));
  if (reason === "max_output_tokens") return stop(truncated("incomplete_details.reason is max_output_tokens"));
  if (response.status === "failed") return stop(fail("model.incomplete", `the response failed: ${response.error?.message ?? "no error message"}`));
  if (response.status === "incomplete" || response.status === "in_progress" || response.status === "queued" || response.status === "cancelled") {
    return stop(fail("model.incomplete", `the response is ${response.status}${reason === undefined ? "" : ` (${reason})`}, not completed`));
  }
  const parts = response.output.flatMap((item) => (item.type === "message" ? (item.content ?? []) : []));
  const refusal = parts.find((p) => p.type === "refusal");
  if (refusal !== undefined) return stop(fail("model.refusal", `the model refused: ${refusal.refusal ?? ""}`));
  const str = (v: unknown): string => (typeof v === "string" ? v : "");
  const calls = response.output.flatMap((item) => (item.type === "function_call" ? [{ id: str(item.call_id), name: str(item.name), arguments: { text: str(item.arguments) } }] : []));
  const text = parts.filter((p) => p.type === "output_text").map((p) => p.text ?? "").join("");
  return selectOutput(binding, "openai", { text, calls }, options);
}
