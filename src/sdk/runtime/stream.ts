/*
 * Streamed structured output: feed text chunks (or a provider's stream events), read typed deep-partial
 * snapshots for display, and get the classified result once the stream ends. Copied verbatim into
 * `generated/_sdk/`.
 *
 * Why the final result ignores the snapshots: a snapshot of a cut-off stream looks like a smaller valid document.
 * `end()` parses the whole text with the same parser as `parse<C>Text`, so a stream that stops early is
 * `json.truncated` (or a provider stop reason's code), never a partial value passed on as success.
 */
import { readPartialJson } from "./partial-json.js";
import { checkText, fail, truncated, type AdapterOptions, type ContractBinding, type ProviderFamily, type SdkErrorCode, type SdkResult } from "./result.js";

/** What a snapshot may hold: any part of `T`; strings may be unfinished (so enum members widen to `string`). */
export type DeepPartial<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? DeepPartial<U>[]
    : T extends object
      ? { [K in keyof T]?: DeepPartial<T[K]> }
      : T;

/** The stream events read here; the SDKs' chunk and event types are assignable to these shapes. */
export interface OpenAIChatChunkLike {
  readonly choices: readonly {
    readonly finish_reason?: string | null;
    readonly delta?: {
      readonly content?: string | null;
      readonly refusal?: string | null;
      readonly tool_calls?: readonly { readonly index: number; readonly function?: { readonly name?: string; readonly arguments?: string } }[];
    };
  }[];
}
export interface OpenAIResponseEventLike {
  readonly type: string;
  readonly delta?: unknown;
  readonly output_index?: number;
  readonly item?: { readonly type: string; readonly name?: string };
  readonly response?: { readonly incomplete_details?: { readonly reason?: string } | null };
}
export interface AnthropicStreamEventLike {
  readonly type: string;
  readonly index?: number;
  readonly content_block?: { readonly type: string; readonly name?: string };
  readonly delta?: { readonly type?: string; readonly text?: string; readonly partial_json?: string; readonly stop_reason?: string | null };
}
export interface GeminiChunkLike {
  readonly candidates?: readonly { readonly finishReason?: string; readonly content?: { readonly parts?: readonly { readonly text?: string; readonly thought?: boolean; readonly functionCall?: { readonly name?: string; readonly args?: { readonly [key: string]: unknown } } }[] } }[];
}

export interface StructuredStream<T> {
  /** Appends raw text (the JSON document so far). */
  push(chunk: string): void;
  pushOpenAIChunk(chunk: OpenAIChatChunkLike): void;
  pushOpenAIResponseEvent(event: OpenAIResponseEventLike): void;
  pushAnthropicEvent(event: AnthropicStreamEventLike): void;
  pushGeminiChunk(chunk: GeminiChunkLike): void;
  /** The text received so far. */
  readonly text: string;
  /** What the text so far shows, for display only; `undefined` before anything is readable. */
  snapshot(): DeepPartial<T> | undefined;
  /** The classified result of the whole stream: call once the stream is over. */
  end(): SdkResult<T>;
}

/** Stop reasons as each provider spells them, mapped to a code (absent: a normal stop). */
const STOPS: { readonly [reason: string]: SdkErrorCode } = {
  length: "json.truncated",
  max_output_tokens: "json.truncated",
  max_tokens: "json.truncated",
  model_context_window_exceeded: "json.truncated",
  MAX_TOKENS: "json.truncated",
  content_filter: "model.content_filter",
  SAFETY: "model.content_filter",
  RECITATION: "model.content_filter",
  BLOCKLIST: "model.content_filter",
  PROHIBITED_CONTENT: "model.content_filter",
  SPII: "model.content_filter",
  refusal: "model.refusal",
};

export function createStructuredStream<T>(binding: ContractBinding<T>, family: ProviderFamily, options: AdapterOptions = {}): StructuredStream<T> {
  // A model-output contract streamed through a forced tool call reads that call's arguments (`via: "tool"`).
  const wantTool = binding.kind === "tool-arguments" || options.via === "tool" ? (options.toolName ?? binding.toolName) : undefined;
  let text = "";
  let stop: string | undefined;
  let refusal = "";
  let cache: { length: number; value: unknown } = { length: -1, value: undefined };
  // Tool-argument streams: which stream index carries the wanted tool's arguments; raw `push` counts as found.
  let toolIndex: number | undefined;
  let found = wantTool === undefined;

  const stopWith = (reason: string | null | undefined): void => {
    if (typeof reason === "string" && STOPS[reason] !== undefined) stop = reason;
  };
  const stream: StructuredStream<T> = {
    push(chunk) {
      found = true;
      text += chunk;
    },
    pushOpenAIChunk(chunk) {
      const choice = chunk.choices[0];
      if (choice === undefined) return;
      stopWith(choice.finish_reason);
      const delta = choice.delta;
      if (typeof delta?.refusal === "string") refusal += delta.refusal;
      if (wantTool === undefined) {
        if (typeof delta?.content === "string") text += delta.content;
        return;
      }
      for (const call of delta?.tool_calls ?? []) {
        if (toolIndex === undefined && call.function?.name === wantTool) {
          toolIndex = call.index;
          found = true;
        }
        if (call.index === toolIndex && typeof call.function?.arguments === "string") text += call.function.arguments;
      }
    },
    pushOpenAIResponseEvent(event) {
      if (event.type === "response.incomplete") stopWith(event.response?.incomplete_details?.reason);
      else if (event.type === "response.refusal.delta" && typeof event.delta === "string") refusal += event.delta;
      else if (wantTool === undefined) {
        if (event.type === "response.output_text.delta" && typeof event.delta === "string") text += event.delta;
      } else if (event.type === "response.output_item.added" && event.item?.type === "function_call" && event.item.name === wantTool && toolIndex === undefined) {
        toolIndex = event.output_index;
        found = true;
      } else if (event.type === "response.function_call_arguments.delta" && event.output_index === toolIndex && typeof event.delta === "string") {
        text += event.delta;
      }
    },
    pushAnthropicEvent(event) {
      if (event.type === "message_delta") stopWith(event.delta?.stop_reason);
      else if (event.type === "content_block_start" && wantTool !== undefined && toolIndex === undefined && event.content_block?.type === "tool_use" && event.content_block.name === wantTool) {
        toolIndex = event.index;
        found = true;
      } else if (event.type === "content_block_delta") {
        const d = event.delta;
        if (wantTool === undefined && d?.type === "text_delta" && typeof d.text === "string") text += d.text;
        if (wantTool !== undefined && event.index === toolIndex && d?.type === "input_json_delta" && typeof d.partial_json === "string") text += d.partial_json;
      }
    },
    pushGeminiChunk(chunk) {
      const candidate = chunk.candidates?.[0];
      stopWith(candidate?.finishReason);
      for (const part of candidate?.content?.parts ?? []) {
        if (wantTool === undefined && part.thought !== true && typeof part.text === "string") text += part.text;
        // Gemini sends a function call whole, in one chunk.
        if (wantTool !== undefined && !found && part.functionCall?.name === wantTool) {
          found = true;
          text += JSON.stringify(part.functionCall.args ?? {});
        }
      }
    },
    get text() {
      return text;
    },
    snapshot() {
      if (cache.length !== text.length) cache = { length: text.length, value: readPartialJson(text) };
      return cache.value as DeepPartial<T> | undefined;
    },
    end() {
      if (refusal !== "") return fail("model.refusal", `the model refused: ${refusal}`);
      const code = stop === undefined ? undefined : STOPS[stop];
      if (code === "json.truncated") return truncated(`the stream stopped with ${stop}`);
      if (code !== undefined) return fail(code, `the stream stopped with ${stop}`);
      if (!found && wantTool !== undefined) return fail("model.no_tool_call", `the stream has no call to the tool ${JSON.stringify(wantTool)}`);
      return checkText(binding, family, text, options);
    },
  };
  return stream;
}
