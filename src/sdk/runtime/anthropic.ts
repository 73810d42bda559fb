/*
 * Anthropic adapter: a Messages API `Message` to a classified result. Copied verbatim into `generated/_sdk/`.
 * `AnthropicMessageLike` is the part read here; the SDK's `Message` type is assignable to it.
 * @see https://docs.claude.com/en/api/messages
 */
import { fail, truncated, type ContractBinding, type SdkResult } from "./result.js";
import { early, selectOutput, type ParseOptions } from "./select.js";

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
 * The text blocks of a message (structured outputs: `output_config.format`), or the `tool_use` block of the
 * binding's tool: always for a tool-arguments contract, and for a model-output contract sent as a tool and forced
 * with `tool_choice` (see `AdapterOptions.via`). `stop_reason` `refusal` is `model.refusal`; `max_tokens` and
 * `model_context_window_exceeded` are `json.truncated`.
 */
export function parseAnthropicMessage<T>(binding: ContractBinding<T>, message: AnthropicMessageLike, options: ParseOptions = {}): SdkResult<T> {
  const stop = message.stop_reason;
  if (stop === "refusal") {
    const why = message.stop_details?.explanation;
    return early(binding, "anthropic", fail("model.refusal", `the model refused${typeof why === "string" && why !== "" ? `: ${why}` : " (stop_reason: refusal)"}`), options);
  }
  if (stop === "max_tokens" || stop === "model_context_window_exceeded") return early(binding, "anthropic", truncated(`stop_reason is ${stop}`), options);
  if (stop === "pause_turn") return early(binding, "anthropic", fail("model.incomplete", "the turn was paused (stop_reason: pause_turn): send the response back to let the model continue"), options);
  const text = message.content.filter((b) => b.type === "text").map((b) => b.text ?? "").join("");
  const calls = message.content.flatMap((b) => (b.type === "tool_use" ? [{ id: b.id ?? "", name: b.name ?? "", arguments: { value: b.input } }] : []));
  return selectOutput(binding, "anthropic", { text, calls }, options);
}
