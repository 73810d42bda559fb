/*
 * OpenAI adapters: Chat Completions (`ChatCompletion`) and Responses (`Response`) objects to classified results.
 * Copied verbatim into `generated/_sdk/`. The `*Like` interfaces are the parts read here, written so the SDK's
 * own types are assignable to them (tested against the `openai` package's types).
 * @see https://platform.openai.com/docs/api-reference/chat/object
 * @see https://platform.openai.com/docs/api-reference/responses/object
 */
import {
  checkText,
  fail,
  noToolCall,
  toolNameFor,
  truncated,
  type AdapterOptions,
  type ContractBinding,
  type SdkResult,
} from "./result.js";

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

export interface OpenAIChatOptions extends AdapterOptions {
  /** Which choice to read (default 0, the only one unless `n` > 1). */
  readonly choice?: number;
}

/**
 * A Chat Completion to a classified result: message content for a model-output contract, the arguments of the
 * binding's tool call for a tool-arguments contract. Refusal, content filter and `finish_reason: "length"` come
 * first, with codes of their own.
 */
export function parseOpenAIChat<T>(binding: ContractBinding<T>, completion: OpenAIChatCompletionLike, options: OpenAIChatOptions = {}): SdkResult<T> {
  const index = options.choice ?? 0;
  const choice = completion.choices[index];
  if (choice === undefined) return fail("model.incomplete", `the completion has no choice ${index} (it has ${completion.choices.length})`);
  const message = choice.message;
  if (typeof message.refusal === "string" && message.refusal !== "") return fail("model.refusal", `the model refused: ${message.refusal}`);
  if (choice.finish_reason === "content_filter") return fail("model.content_filter", "the output was stopped by OpenAI's content filter (finish_reason: content_filter)");
  if (choice.finish_reason === "length") return truncated("finish_reason is length");
  if (binding.kind === "tool-arguments") {
    const name = toolNameFor(binding, options);
    const calls = (message.tool_calls ?? []).filter((c) => c.function !== undefined);
    const call = calls.find((c) => c.function?.name === name);
    if (call?.function === undefined) return noToolCall(name, calls.map((c) => c.function?.name ?? ""));
    return checkText(binding, "openai", call.function.arguments, options);
  }
  return checkText(binding, "openai", message.content ?? "", options);
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
export function parseOpenAIResponse<T>(binding: ContractBinding<T>, response: OpenAIResponseLike, options: AdapterOptions = {}): SdkResult<T> {
  const reason = response.incomplete_details?.reason;
  if (reason === "content_filter") return fail("model.content_filter", "the output was stopped by OpenAI's content filter (incomplete_details.reason: content_filter)");
  if (reason === "max_output_tokens") return truncated("incomplete_details.reason is max_output_tokens");
  if (response.status === "failed") return fail("model.incomplete", `the response failed: ${response.error?.message ?? "no error message"}`);
  if (response.status === "incomplete" || response.status === "in_progress" || response.status === "queued" || response.status === "cancelled") {
    return fail("model.incomplete", `the response is ${response.status}${reason === undefined ? "" : ` (${reason})`}, not completed`);
  }
  const parts = response.output.flatMap((item) => (item.type === "message" ? (item.content ?? []) : []));
  const refusal = parts.find((p) => p.type === "refusal");
  if (refusal !== undefined) return fail("model.refusal", `the model refused: ${refusal.refusal ?? ""}`);
  if (binding.kind === "tool-arguments") {
    const name = toolNameFor(binding, options);
    const calls = response.output.filter((item) => item.type === "function_call");
    const call = calls.find((item) => item.name === name);
    if (call === undefined) return noToolCall(name, calls.map((c) => String(c.name)));
    return checkText(binding, "openai", typeof call.arguments === "string" ? call.arguments : "", options);
  }
  const text = parts.filter((p) => p.type === "output_text").map((p) => p.text ?? "").join("");
  return checkText(binding, "openai", text, options);
}
