/*
 * Gemini adapter: a `generateContent` response (`GenerateContentResponse`) to a classified result. Copied
 * verbatim into `generated/_sdk/`. Finish reasons are compared as strings: the SDK's `FinishReason` enum values
 * are those strings, so the SDK's response class is assignable to `GeminiResponseLike`.
 * @see https://ai.google.dev/api/generate-content#v1beta.GenerateContentResponse
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

export interface GeminiPartLike {
  readonly text?: string;
  readonly thought?: boolean;
  readonly functionCall?: { readonly id?: string; readonly name?: string; readonly args?: { readonly [key: string]: unknown } };
}

export interface GeminiCandidateLike {
  readonly content?: { readonly parts?: readonly GeminiPartLike[] };
  readonly finishReason?: string;
  readonly finishMessage?: string;
}

export interface GeminiResponseLike {
  readonly candidates?: readonly GeminiCandidateLike[];
  readonly promptFeedback?: { readonly blockReason?: string; readonly blockReasonMessage?: string };
}

/** Finish reasons that mean a safety or policy filter stopped the output. */
const FILTERED = new Set(["SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT"]);

/**
 * The text parts (thoughts excluded) of the first candidate for a model-output contract (`responseSchema` /
 * `responseJsonSchema`), the `functionCall` part of the binding's tool for a tool-arguments contract. A blocked
 * prompt or a safety finish reason is `model.content_filter`; `MAX_TOKENS` is `json.truncated`.
 */
export function parseGeminiResponse<T>(binding: ContractBinding<T>, response: GeminiResponseLike, options: AdapterOptions & { readonly candidate?: number } = {}): SdkResult<T> {
  const blocked = response.promptFeedback?.blockReason;
  if (blocked !== undefined && blocked !== "BLOCKED_REASON_UNSPECIFIED") {
    return fail("model.content_filter", `the prompt was blocked (${blocked})${response.promptFeedback?.blockReasonMessage === undefined ? "" : `: ${response.promptFeedback.blockReasonMessage}`}`);
  }
  const index = options.candidate ?? 0;
  const candidate = response.candidates?.[index];
  if (candidate === undefined) return fail("model.incomplete", `the response has no candidate ${index}`);
  const reason = candidate.finishReason;
  if (reason !== undefined && FILTERED.has(reason)) return fail("model.content_filter", `the output was stopped by a filter (finishReason: ${reason})`);
  if (reason === "MAX_TOKENS") return truncated("finishReason is MAX_TOKENS");
  const parts = candidate.content?.parts ?? [];
  if (binding.kind === "tool-arguments") {
    const name = toolNameFor(binding, options);
    const calls = parts.flatMap((p) => (p.functionCall === undefined ? [] : [p.functionCall]));
    const call = calls.find((c) => c.name === name);
    if (call === undefined) {
      if (reason === "MALFORMED_FUNCTION_CALL") return fail("json.invalid", `the model produced a malformed function call${candidate.finishMessage === undefined ? "" : `: ${candidate.finishMessage}`}`);
      return noToolCall(name, calls.map((c) => c.name ?? ""));
    }
    return checkValue(binding, "gemini", call.args ?? {}, options);
  }
  const text = parts.filter((p) => p.thought !== true && typeof p.text === "string").map((p) => p.text ?? "").join("");
  return checkText(binding, "gemini", text, options);
}
