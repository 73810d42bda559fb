import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, symlinkSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "../util/project.js";
import { readTree, writeTree } from "../util/generated.js";
import { MODULE_MODES } from "../util/typecheck-dir.js";
import { STRICT_FLAGS } from "../util/strict.js";

/**
 * A user's file: real SDK types in, generated adapters, router, toolset arrays and tool_choice helpers out, no casts
 * (openai, @anthropic-ai/sdk, @google/genai, @modelcontextprotocol/sdk, ai, @openai/agents, @opentelemetry/api).
 */
const CONSUMER = `
import type { ChatCompletion, ChatCompletionToolMessageParam } from "openai/resources/chat/completions";
import type { Response, ResponseInputItem } from "openai/resources/responses/responses";
import type { Message, ToolResultBlockParam } from "@anthropic-ai/sdk/resources/messages";
import type { GenerateContentResponse, Part } from "@google/genai";
import type { CallToolRequest, CallToolResult, ListToolsResult } from "@modelcontextprotocol/sdk/types.js";
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import type { ResponseCreateParamsNonStreaming } from "openai/resources/responses/responses";
import type { MessageCreateParamsNonStreaming } from "@anthropic-ai/sdk/resources/messages";
import { FunctionCallingConfigMode, type GenerateContentParameters } from "@google/genai";
import { trace } from "@opentelemetry/api";
import type OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type Anthropic from "@anthropic-ai/sdk";
import type { MessageParam } from "@anthropic-ai/sdk/resources/messages";
import type { Content, GoogleGenAI } from "@google/genai";
import type { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { tool as aiToolHelper } from "ai";
import { tool as agentsToolHelper } from "@openai/agents";
import {
  TicketTriageBinding, IssueRefundBinding, createSupportRouter, createStructuredStream,
  parseOpenAIChat, parseOpenAIResponse, parseAnthropicMessage, parseGeminiResponse, parseMcpToolCall, parseMcpToolResult,
  SupportOpenAIChatTools, SupportOpenAIResponsesTools, SupportAnthropicTools, SupportGeminiTools, SupportMcpTools, SupportToolChoice,
  withRetry, withRepair, memoryDedupStore, otelOnEvent,
  type SdkErrorCode, type CallRecord,
} from "./generated/_sdk/index.js";
import { TicketTriageV3AnthropicRequest } from "./generated/ticket-triage/v3.providers.js";
import { IssueRefundV2OpenaiStrictRequest } from "./generated/issue-refund/v2.providers.js";
import { IssueRefundV2Standard } from "./generated/issue-refund/v2.standard.js";

export function triage(c: ChatCompletion, r: Response, m: Message, g: GenerateContentResponse, res: CallToolResult): string[] {
  const out: string[] = [];
  for (const result of [parseOpenAIChat(TicketTriageBinding, c), parseOpenAIResponse(TicketTriageBinding, r), parseAnthropicMessage(TicketTriageBinding, m), parseGeminiResponse(TicketTriageBinding, g), parseMcpToolResult(TicketTriageBinding, res)]) {
    if (result.ok) out.push(result.value.category);
    else { const code: SdkErrorCode = result.errors[0]!.code; out.push(code); }
  }
  return out;
}

export function refundArgs(req: CallToolRequest): number | undefined {
  const r = parseMcpToolCall(IssueRefundBinding, req);
  return r.ok ? r.value.amount.amount_minor : undefined;
}

const router = createSupportRouter({ issue_refund: async (args) => ({ refunded: args.amount.amount_minor }) });

export async function route(c: ChatCompletion, r: Response, m: Message, g: GenerateContentResponse, req: CallToolRequest) {
  const a: ChatCompletionToolMessageParam[] = await router.openaiChat(c);
  const b: ResponseInputItem[] = await router.openaiResponses(r);
  const d: ToolResultBlockParam[] = await router.anthropic(m);
  const e: Part[] = await router.gemini(g);
  const f: CallToolResult = await router.mcp(req);
  return [a, b, d, e, f] as const;
}

// @ts-expect-error: a toolset handler map without its tools does not compile.
createSupportRouter({});

// One toolset, every provider: the generated arrays and tool_choice helpers go straight into each SDK's request type.
export const chatRequest: ChatCompletionCreateParamsNonStreaming = { model: "gpt-5", messages: [], tools: SupportOpenAIChatTools, tool_choice: SupportToolChoice.openaiChat("issue_refund") };
export const responsesRequest: ResponseCreateParamsNonStreaming = { model: "gpt-5", input: "Refund order 42", tools: SupportOpenAIResponsesTools, tool_choice: SupportToolChoice.openaiResponses("issue_refund") };
export const anthropicRequest: MessageCreateParamsNonStreaming = { model: "claude-sonnet-4-5", max_tokens: 1024, messages: [], tools: SupportAnthropicTools, tool_choice: SupportToolChoice.anthropic("issue_refund") };
export const geminiRequest: GenerateContentParameters = { model: "gemini-2.5-flash", contents: "Refund order 42", config: { tools: SupportGeminiTools, toolConfig: SupportToolChoice.gemini("issue_refund", FunctionCallingConfigMode.ANY) } };
export const mcpList: ListToolsResult = { tools: SupportMcpTools };
// @ts-expect-error: tool_choice for a tool that is not in the toolset does not compile.
SupportToolChoice.anthropic("delete_account");

// An output contract sent through Anthropic tools[] and forced with tool_choice, read back from its tool_use block.
export const triageByTool: MessageCreateParamsNonStreaming = { model: "claude-sonnet-4-5", max_tokens: 1024, messages: [], tools: [TicketTriageV3AnthropicRequest], tool_choice: { type: "tool", name: TicketTriageV3AnthropicRequest.name } };
export function triageFromTool(m: Message): string | undefined {
  const r = parseAnthropicMessage(TicketTriageBinding, m, { via: "tool", onEvent: otelOnEvent(trace.getTracer("app")) });
  return r.ok ? r.value.summary : undefined;
}

// The loop's policies around a real SDK call signature.
export async function create(send: (p: MessageCreateParamsNonStreaming) => Promise<Message>) {
  const tries = await withRetry(() => send(anthropicRequest), { sideEffects: "unsafe", idempotencyKey: true });
  const repaired = await withRepair(async (feedback) => parseAnthropicMessage(TicketTriageBinding, await send(feedback === undefined ? triageByTool : { ...triageByTool, messages: [{ role: "user", content: feedback }] })));
  const tracked = createSupportRouter({ issue_refund: () => "ok" }, { dedup: memoryDedupStore(), onEvent: (r: CallRecord) => r.layer, timeoutMs: 10_000 });
  return [tries.status, repaired.rounds, tracked] as const;
}

// Vercel AI SDK and OpenAI Agents: the router behind their tool() helpers.
export const aiTool = aiToolHelper({ description: "Refund an order", inputSchema: IssueRefundV2Standard, execute: async (args, { toolCallId }) => (await router.run([{ id: toolCallId, name: "issue_refund", arguments: args, family: "openai" }]))[0]?.content });
export const agentsTool = agentsToolHelper({ name: IssueRefundV2OpenaiStrictRequest.function.name, description: "Refund an order", parameters: IssueRefundV2OpenaiStrictRequest.function.parameters, strict: true, execute: async (input, _ctx, details) => (await router.run([{ id: details?.toolCall?.callId ?? "", name: "issue_refund", arguments: input, family: "openai" }]))[0]?.content ?? "" });

// The README loops, per SDK (kept in step with README.md "The loop, per SDK"): clients are parameters, no network.
declare const log: (r: CallRecord) => void;
declare const payments: { refund(args: { order_id: string }): Promise<{ refund_id: string }> };
const support = createSupportRouter({ issue_refund: (args) => payments.refund(args) }, { onEvent: log });

export async function openaiChatLoop(openai: OpenAI) {
  const messages: ChatCompletionMessageParam[] = [{ role: "user", content: "Refund order ord_7Hq2LmP9xZ" }];
  for (let turn = 0; turn < 8; turn++) {
    const sent = await withRetry(() => openai.chat.completions.create({ model: "gpt-5", messages, tools: SupportOpenAIChatTools }));
    if (sent.status !== "returned") throw sent.error;
    const message = sent.value.choices[0]!.message;
    messages.push(message);
    if (!message.tool_calls?.length) return message.content;
    messages.push(...(await support.openaiChat(message)));
  }
  return undefined;
}

export async function openaiResponsesLoop(openai: OpenAI) {
  let input: ResponseInputItem[] = [{ role: "user", content: "Refund order ord_7Hq2LmP9xZ" }];
  let previous: string | null = null;
  for (let turn = 0; turn < 8; turn++) {
    const sent = await withRetry(() => openai.responses.create({ model: "gpt-5", input, tools: SupportOpenAIResponsesTools, previous_response_id: previous }));
    if (sent.status !== "returned") throw sent.error;
    previous = sent.value.id;
    input = await support.openaiResponses(sent.value);
    if (input.length === 0) return sent.value.output_text;
  }
  return undefined;
}

export async function anthropicLoop(anthropic: Anthropic) {
  const messages: MessageParam[] = [{ role: "user", content: "Refund order ord_7Hq2LmP9xZ" }];
  for (let turn = 0; turn < 8; turn++) {
    const sent = await withRetry(() => anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 1024, messages, tools: SupportAnthropicTools }));
    if (sent.status !== "returned") throw sent.error;
    messages.push({ role: "assistant", content: sent.value.content });
    if (sent.value.stop_reason !== "tool_use") return sent.value;
    messages.push({ role: "user", content: await support.anthropic(sent.value) });
  }
  return undefined;
}

export async function anthropicOutputByTool(anthropic: Anthropic, ticket: string) {
  const messages: MessageParam[] = [{ role: "user", content: ticket }];
  const { result } = await withRepair(async (feedback) => {
    if (feedback !== undefined) messages.push({ role: "user", content: feedback });
    const m = await anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 1024, messages, tools: [TicketTriageV3AnthropicRequest], tool_choice: { type: "tool", name: TicketTriageBinding.toolName } });
    messages.push({ role: "assistant", content: m.content });
    return parseAnthropicMessage(TicketTriageBinding, m, { via: "tool", onEvent: log });
  });
  return result;
}

export async function geminiLoop(ai: GoogleGenAI) {
  const contents: Content[] = [{ role: "user", parts: [{ text: "Refund order ord_7Hq2LmP9xZ" }] }];
  for (let turn = 0; turn < 8; turn++) {
    const sent = await withRetry(() => ai.models.generateContent({ model: "gemini-2.5-flash", contents, config: { tools: SupportGeminiTools } }));
    if (sent.status !== "returned") throw sent.error;
    const content = sent.value.candidates?.[0]?.content;
    if (content === undefined) return undefined;
    contents.push(content);
    if (!sent.value.functionCalls?.length) return sent.value.text;
    contents.push({ role: "user", parts: await support.gemini(sent.value) });
  }
  return undefined;
}

export function mcpServer(server: Server) {
  server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools: SupportMcpTools }));
  server.setRequestHandler(CallToolRequestSchema, (request) => support.mcp(request));
}

export function partial(chunks: readonly string[]): string | undefined {
  const s = createStructuredStream(TicketTriageBinding, "openai");
  for (const c of chunks) s.push(c);
  return s.snapshot()?.summary;
}
`;

const GENERATED = path.join(REPO_ROOT, "generated");

if (!existsSync(path.join(GENERATED, "_sdk", "index.ts"))) {
  test("sdk consumer", (t) => t.skip("generated/ has not been built in this checkout (run `npm start`)"));
} else {
  for (const mode of Object.keys(MODULE_MODES)) {
    test(`sdk consumer › type-checks against the real openai, anthropic, genai and MCP packages under the strict flags, module ${mode}`, () => {
      const files = new Map([...readTree(GENERATED)].filter(([rel]) => (!rel.endsWith("upgrade.ts") && !rel.endsWith("index.ts")) || rel.startsWith("_sdk/") || rel.startsWith("_runtime/")).map(([rel, text]) => [`generated/${rel}`, text]));
      files.set("consumer.ts", CONSUMER);
      const dir = writeTree(files);
      symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
      const roots = [...files.keys()].filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
      // skipLibCheck: the SDKs' own .d.ts files are not ours to check; everything they are used by is.
      const program = ts.createProgram(roots, { ...STRICT_FLAGS, noUnusedLocals: true, skipLibCheck: true, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], ...MODULE_MODES[mode] });
      const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      assert.deepEqual(errors, []);
    });
  }
}
