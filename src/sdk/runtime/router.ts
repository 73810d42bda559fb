/*
 * Tool router: validates every tool call of one response against its contract, dispatches the valid ones to a
 * typed handler map and answers each call in the provider's tool-result shape. Copied verbatim into
 * `generated/_sdk/`; `generated/_toolsets/<name>.ts` binds it to a configured toolset.
 *
 * Why answers instead of exceptions: an unknown tool, invalid arguments or a failing handler is something the
 * model can fix on its next turn, so each becomes a tool result listing what to change. No handler ever runs on
 * arguments that fail validation, and a side-effecting handler runs once per idempotency key and per call id
 * (see dedup.ts). Every outcome carries its call record (record.ts), also sent to `onEvent`.
 */
import type { AnthropicMessageLike } from "./anthropic.js";
import type { GeminiResponseLike } from "./gemini.js";
import type { McpCallToolRequestLike } from "./mcp.js";
import type { OpenAIChatCompletionLike, OpenAIChatMessageLike, OpenAIResponseLike } from "./openai.js";
import { memoryDedupStore, type DedupStore } from "./dedup.js";
import { execute, type Executed } from "./execute.js";
import { clock, emit, layerOf, type CallRecord, type OnEvent } from "./record.js";
import { checkText, checkValue, describeErrors, sdkError, type BindingValue, type ContractBinding, type ProviderFamily, type SdkError, type SdkErrorCode } from "./result.js";

/** One tool call, whatever the provider: arguments as JSON text (OpenAI) or as an object (Anthropic, Gemini, MCP). */
export interface ToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: unknown;
  readonly family: ProviderFamily;
}

/** Tools by the name the model calls them by. */
export type ToolTable = { readonly [name: string]: ContractBinding<unknown, string> };

/** One handler per tool, each typed by its contract version: a missing or misnamed handler is a type error. */
export type ToolHandlers<Tools extends ToolTable> = {
  readonly [K in keyof Tools]: (args: BindingValue<Tools[K]>, call: ToolCall) => unknown;
};

export type ToolOutcome =
  | { readonly call: ToolCall; readonly ok: true; readonly value: unknown; readonly result: unknown; readonly content: string; readonly record: CallRecord }
  | { readonly call: ToolCall; readonly ok: false; readonly errors: readonly SdkError[]; readonly content: string; readonly record: CallRecord };

export interface RouterOptions {
  /** The model-facing text for a handler that threw (default: the tool name and the error's message). */
  readonly describeError?: (error: unknown, call: ToolCall) => string;
  /**
   * Where side-effecting calls are remembered (default: `memoryDedupStore()`, this router's memory). Share one
   * store (a database, see dedup.ts) between processes that may receive the same replayed call.
   */
  readonly dedup?: DedupStore;
  /** A handler's time limit in ms: past it the call answers `tool.timeout` (the handler is not cancelled). */
  readonly timeoutMs?: number;
  /** Receives the record of every call. */
  readonly onEvent?: OnEvent;
  /** Which attempt of the caller's loop this router serves (default 1), copied into records. */
  readonly attempt?: number;
}

// Provider result shapes: mutable and exactly typed, so each is assignable to the SDK's request types.
export interface OpenAIToolMessage { role: "tool"; tool_call_id: string; content: string }
export interface OpenAIFunctionCallOutput { type: "function_call_output"; call_id: string; output: string }
export interface AnthropicToolResult { type: "tool_result"; tool_use_id: string; content: string; is_error: boolean }
export interface GeminiFunctionResponsePart { functionResponse: { id?: string; name: string; response: { [key: string]: unknown } } }
export interface McpToolResult { [key: string]: unknown; content: { type: "text"; text: string }[]; isError: boolean }

export interface ToolRouter {
  /** Validates and dispatches calls in order, one at a time; never throws for a bad call. */
  run(calls: readonly ToolCall[]): Promise<ToolOutcome[]>;
  /** `tool_calls` of a Chat Completion (or its message) to `role: "tool"` messages. */
  openaiChat(completion: OpenAIChatCompletionLike | OpenAIChatMessageLike): Promise<OpenAIToolMessage[]>;
  /** `function_call` items of a Responses API response to `function_call_output` input items. */
  openaiResponses(response: OpenAIResponseLike): Promise<OpenAIFunctionCallOutput[]>;
  /** `tool_use` blocks of a Message to `tool_result` blocks (send them in the next user message). */
  anthropic(message: AnthropicMessageLike): Promise<AnthropicToolResult[]>;
  /** `functionCall` parts of the first candidate to `functionResponse` parts. */
  gemini(response: GeminiResponseLike): Promise<GeminiFunctionResponsePart[]>;
  /** One MCP `tools/call` request to its `CallToolResult` (`isError: true` for every failure). */
  mcp(request: McpCallToolRequestLike): Promise<McpToolResult>;
}

function quoted(names: readonly string[]): string {
  return names.map((n) => JSON.stringify(n)).join(", ");
}

function defaultDescribe(error: unknown, call: ToolCall): string {
  const why = error instanceof Error ? error.message : String(error);
  return `The tool ${JSON.stringify(call.name)} failed: ${why}`;
}

/** The router over a table of tools; `_toolsets/<name>.ts` calls this with its table. */
export function createRouter<Tools extends ToolTable>(tools: Tools, handlers: ToolHandlers<Tools>, options: RouterOptions = {}): ToolRouter {
  const names = Object.keys(tools).sort();
  const describe = options.describeError ?? defaultDescribe;

  const store = options.dedup ?? memoryDedupStore();

  async function one(call: ToolCall): Promise<ToolOutcome> {
    const startedAt = Date.now();
    const start = clock();
    const binding = Object.prototype.hasOwnProperty.call(tools, call.name) ? tools[call.name] : undefined;
    const record = (code: SdkErrorCode | "ok", errorCount: number, replayed: boolean): CallRecord => {
      const r: CallRecord = {
        kind: "tool",
        contract: binding?.contract ?? "",
        version: binding?.version ?? 0,
        schemaHash: binding?.schemaHash ?? "",
        tool: call.name,
        family: call.family,
        callId: call.id,
        ok: code === "ok",
        layer: layerOf(code),
        code,
        errorCount,
        startedAt,
        durationMs: clock() - start,
        attempt: options.attempt ?? 1,
        replayed,
      };
      emit(options.onEvent, r);
      return r;
    };
    const failed = (errors: readonly SdkError[], content: string, replayed = false): ToolOutcome => ({ call, ok: false, errors, content, record: record(errors[0]?.code ?? "tool.handler_error", errors.length, replayed) });
    const handler = Object.prototype.hasOwnProperty.call(handlers, call.name) ? (handlers as { readonly [k: string]: (a: unknown, c: ToolCall) => unknown })[call.name] : undefined;
    if (binding === undefined || handler === undefined) {
      const content = `Unknown tool ${JSON.stringify(call.name)}. Call one of: ${quoted(names)}.`;
      return failed([sdkError("tool.unknown", content)], content);
    }
    const args = typeof call.arguments === "string" ? checkText(binding, call.family, call.arguments) : checkValue(binding, call.family, call.arguments);
    if (!args.ok) {
      const content = `Invalid arguments for ${JSON.stringify(call.name)}; nothing was done. Fix these and call it again:\n${describeErrors(args.errors)}`;
      return failed(args.errors, content);
    }
    const done: Executed = await execute({
      binding,
      name: call.name,
      callId: call.id,
      args: args.value,
      run: () => handler(args.value, call),
      store,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      describe: (error) => describe(error, call),
    });
    if (!done.ok || done.code !== "ok") return failed([sdkError(done.code === "ok" ? "tool.handler_error" : done.code, done.content)], done.content, done.replayed);
    return { call, ok: true, value: args.value, result: done.result, content: done.content, record: record("ok", 0, done.replayed) };
  }

  async function run(calls: readonly ToolCall[]): Promise<ToolOutcome[]> {
    const out: ToolOutcome[] = [];
    for (const call of calls) out.push(await one(call));
    return out;
  }

  return {
    run,
    async openaiChat(completion) {
      const message = "choices" in completion ? completion.choices[0]?.message : completion;
      const calls = (message?.tool_calls ?? []).flatMap((c) => (c.function === undefined ? [] : [{ id: c.id, name: c.function.name, arguments: c.function.arguments, family: "openai" as const }]));
      return (await run(calls)).map((o) => ({ role: "tool", tool_call_id: o.call.id, content: o.content }));
    },
    async openaiResponses(response) {
      const text = (v: unknown): string => (typeof v === "string" ? v : "");
      const calls = response.output.flatMap((i) => (i.type === "function_call" ? [{ id: text(i.call_id), name: text(i.name), arguments: text(i.arguments), family: "openai" as const }] : []));
      return (await run(calls)).map((o) => ({ type: "function_call_output", call_id: o.call.id, output: o.content }));
    },
    async anthropic(message) {
      const calls = message.content.flatMap((b) => (b.type === "tool_use" ? [{ id: b.id ?? "", name: b.name ?? "", arguments: b.input, family: "anthropic" as const }] : []));
      return (await run(calls)).map((o) => ({ type: "tool_result", tool_use_id: o.call.id, content: o.content, is_error: !o.ok }));
    },
    async gemini(response) {
      const parts = response.candidates?.[0]?.content?.parts ?? [];
      const calls = parts.flatMap((p) => (p.functionCall === undefined ? [] : [{ id: p.functionCall.id ?? "", name: p.functionCall.name ?? "", arguments: p.functionCall.args ?? {}, family: "gemini" as const }]));
      return (await run(calls)).map((o) => {
        const response = o.ok ? { output: o.result === undefined ? null : o.result } : { error: o.content };
        return { functionResponse: { ...(o.call.id === "" ? {} : { id: o.call.id }), name: o.call.name, response } };
      });
    },
    async mcp(request) {
      const [o] = await run([{ id: "", name: request.params.name, arguments: request.params.arguments ?? {}, family: "mcp" }]);
      return { content: [{ type: "text", text: o!.content }], isError: !o!.ok };
    },
  };
}
