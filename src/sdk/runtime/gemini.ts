/*
 * Gemini adapter: a `generateContent` response (`GenerateContentResponse`) to a classified result. Copied
 * verbatim into `generated/_sdk/`. Finish reasons are compared as strings: the SDK's `FinishReason` enum values
 * are those strings, so the SDK's response class is assignable to `GeminiResponseLike`.
 * @see https://ai.google.dev/api/generate-content#v1beta.GenerateContentResponse
 */
import { fail, toolNameFor, truncated, type ContractBinding, type SdkResult } from "./result.js";
import { early, selectOutput, type ParseOptions } from "./select.js";

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
 * `responseJsonSchema`), or the `functionCall` part of the binding's tool: always for a tool-arguments contract,
 * and for a model-output contract sent as a function and forced with `toolConfig` (see `AdapterOptions.via`). A
 * blocked prompt or a safety finish reason is `model.content_filter`; `MAX_TOKENS` is `json.truncated`.
 */
export function parseGeminiResponse<T>(binding: ContractBinding<T>, response: GeminiResponseLike, options: ParseOptions & { readonly candidate?: number } = {}): SdkResult<T> {
  const blocked = response.promptFeedback?.blockReason;
  if (blocked !== undefined && blocked !== "BLOCKED_REASON_UNSPECIFIED") {
    const why = response.promptFeedback?.blockReasonMessage === undefined ? "" : `: ${response.promptFeedback.blockReasonMessage}`;
    return early(binding, "gemini", fail("model.content_filter", `the prompt was blocked (${blocked})${why}`), options);
  }
  const index = options.candidate ?? 0;
  const candidate = response.candidates?.[index];
  if (candidate === undefined) return early(binding, "gemini", fail("model.incomplete", `the response has no candidate ${index}`), options);
  const reason = candidate.finishReason;
  if (reason !== undefined && FILTERED.has(reason)) return early(binding, "gemini", fail("model.content_filter", `the output was stopped by a filter (finishReason: ${reason})`), options);
  if (reason === "MAX_TOKENS") return early(binding, "gemini", truncated("finishReason is MAX_TOKENS"), options);
  const parts = candidate.content?.parts ?? [];
  const calls = parts.flatMap((p) => (p.functionCall === undefined ? [] : [{ id: p.functionCall.id ?? "", name: p.functionCall.name ?? "", arguments: { value: p.functionCall.args ?? {} } }]));
  if (reason === "MALFORMED_FUNCTION_CALL" && !calls.some((c) => c.name === toolNameFor(binding, options))) {
    return early(binding, "gemini", fail("json.invalid", `the model produced a malformed function call${candidate.finishMessage === undefined ? "" : `: ${candidate.finishMessage}`}`), options);
  }
  const text = parts.filter((p) => p.thought !== true && typeof p.text === "string").map((p) => p.text ?? "").join("");
  return selectOutput(binding, "gemini", { text, calls }, options);
}
