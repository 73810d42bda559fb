/*
 * Anthropic adapter: a Messages API `Message` to a classified result. Copied verbatim into `generated/_sdk/`.
 * `AnthropicMessageLike` is the part read here; the SDK's `Message` type is assignable to it.
 * @see https://docs.claude.com/en/api/messages
 */
import {
  checkText,
  checkValue,
  fail,
  noToolCall,
  toolNameFor,
  truncated,
  type AdapterOptions,
  type ContractBinding,
  type SdkResult,
} from "./result.js";

export interface AnthropicBlockLike {
  readonly type: string;
  /** `text` blocks. */
  readonly text?: string;
  /** `tool_use` blocks. */
  readonly id?: string;
  readonly name?: string;
  readonly input?: unknown;
}

export interface AnthropicMessageLike {
  readonly content: readonly AnthropicBlockLike[];
  readonly stop_reason: string | null;
  readonly stop_details?: { readonly explanation?: string | null } | null;
}

/**
 * The text blocks of a message (structured outputs: `output_config.format`) for a model-output contract, the
 * `tool_use` block of the binding's tool for a tool-arguments contract. `stop_reason` `refusal` is
 * `model.refusal`; `max_tokens` and `model_context_window_exceeded` are `json.truncated`.
 */
export function parseAnthropicMessage<T>(binding: ContractBinding<T>, message: AnthropicMessageLike, options: AdapterOptions = {}): SdkResult<T> {
  const stop = message.stop_reason;
  if (stop === "refusal") {
    const why = message.stop_details?.explanation;
    return fail("model.refusal", `the model refused${typeof why === "string" && why !== "" ? `: ${why}` : " (stop_reason: refusal)"}`);
  }
  if (stop === "max_tokens" || stop === "model_context_window_exceeded") return truncated(`stop_reason is ${stop}`);
  if (stop === "pause_turn") return fail("model.incomplete", "the turn was paused (stop_reason: pause_turn): send the response back to let the model continue");
  if (binding.kind === "tool-arguments") {
    const name = toolNameFor(binding, options);
    const uses = message.content.filter((b) => b.type === "tool_use");
    const use = uses.find((b) => b.name === name);
    if (use === undefined) return noToolCall(name, uses.map((b) => b.name ?? ""));
    return checkValue(binding, "anthropic", use.input, options);
  }
  const text = message.content.filter((b) => b.type === "text").map((b) => b.text ?? "").join("");
  return checkText(binding, "anthropic", text, options);
}
