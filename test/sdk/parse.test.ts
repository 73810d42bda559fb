import { test } from "node:test";
import assert from "node:assert/strict";
import {
  IssueRefundBinding,
  TicketTriageBinding,
  parseAnthropicMessage,
  parseGeminiResponse,
  parseMcpToolCall,
  parseMcpToolResult,
  parseOpenAIChat,
  parseOpenAIResponse,
  type SdkResult,
} from "../../generated/_sdk/index.js";
import { parseIssueRefundV2Text } from "../../generated/issue-refund/v2.js";
import { normalizeIssueRefundV2OpenaiStrict } from "../../generated/issue-refund/v2.providers.js";
import { chat, completion, toolCall } from "./fixtures/openai-chat.js";
import { responses } from "./fixtures/openai-responses.js";
import { anthropic } from "./fixtures/anthropic.js";
import { gemini } from "./fixtures/gemini.js";
import { mcp } from "./fixtures/mcp.js";
import { REFUND, REFUND_STRICT, TRIAGE } from "./fixtures/values.js";

/** The first error code, or "ok". */
function code(r: SdkResult<unknown>): string {
  return r.ok ? "ok" : (r.errors[0]?.code ?? "none");
}

const { note_to_customer: _dropped, ...REFUND_NORMALIZED } = REFUND_STRICT;

test("openai chat › message content is validated as the model-output contract", () => {
  const r = parseOpenAIChat(TicketTriageBinding, chat.triage);
  assert.deepEqual(r, { ok: true, value: TRIAGE });
});

test("openai chat › refusal, content filter, length and empty output each get their own code", () => {
  assert.equal(code(parseOpenAIChat(TicketTriageBinding, chat.refusal)), "model.refusal");
  assert.match(JSON.stringify(parseOpenAIChat(TicketTriageBinding, chat.refusal)), /I can't help with that request/);
  assert.equal(code(parseOpenAIChat(TicketTriageBinding, chat.filtered)), "model.content_filter");
  assert.equal(code(parseOpenAIChat(TicketTriageBinding, chat.triageCut)), "json.truncated");
  // finish_reason "length" wins even when the text happens to parse: the model did not finish.
  assert.equal(code(parseOpenAIChat(TicketTriageBinding, chat.triageLengthComplete)), "json.truncated");
  assert.equal(code(parseOpenAIChat(TicketTriageBinding, chat.empty)), "json.invalid");
  assert.equal(code(parseOpenAIChat(TicketTriageBinding, chat.triage, { choice: 3 })), "model.incomplete");
});

test("openai chat › tool arguments: strict nulls are normalized before validation; another tool is model.wrong_tool, none is model.no_tool_call", () => {
  assert.deepEqual(parseOpenAIChat(IssueRefundBinding, chat.refundStrict), { ok: true, value: REFUND_NORMALIZED });
  // Without the normalizer, the strict null is a schema error: proof the normalizer ran.
  assert.equal(code(parseOpenAIChat(IssueRefundBinding, chat.refundStrict, { normalize: false })), "schema.type");
  const missing = parseOpenAIChat(IssueRefundBinding, chat.refundOtherTool);
  assert.equal(code(missing), "model.wrong_tool");
  assert.match(JSON.stringify(missing), /lookup-order/);
  assert.equal(code(parseOpenAIChat(IssueRefundBinding, chat.triage)), "model.no_tool_call");
  const cut = completion({ tool_calls: [toolCall("c", "issue_refund", JSON.stringify(REFUND).slice(0, 30))] }, "length");
  assert.equal(code(parseOpenAIChat(IssueRefundBinding, cut)), "json.truncated");
});

test("openai responses › output_text, refusal parts, incomplete reasons and function_call items", () => {
  assert.deepEqual(parseOpenAIResponse(TicketTriageBinding, responses.triage), { ok: true, value: TRIAGE });
  assert.equal(code(parseOpenAIResponse(TicketTriageBinding, responses.triageCut)), "json.truncated");
  assert.equal(code(parseOpenAIResponse(TicketTriageBinding, responses.filtered)), "model.content_filter");
  assert.equal(code(parseOpenAIResponse(TicketTriageBinding, responses.failed)), "model.incomplete");
  assert.match(JSON.stringify(parseOpenAIResponse(TicketTriageBinding, responses.failed)), /The model crashed/);
  assert.equal(code(parseOpenAIResponse(TicketTriageBinding, responses.refusal)), "model.refusal");
  assert.deepEqual(parseOpenAIResponse(IssueRefundBinding, responses.refundStrict), { ok: true, value: REFUND_NORMALIZED });
  assert.equal(code(parseOpenAIResponse(IssueRefundBinding, responses.noCall)), "model.no_tool_call");
});

test("anthropic › text blocks, tool_use input objects, refusal with its explanation, max_tokens", () => {
  assert.deepEqual(parseAnthropicMessage(TicketTriageBinding, anthropic.triage), { ok: true, value: TRIAGE });
  assert.equal(code(parseAnthropicMessage(TicketTriageBinding, anthropic.triageCut)), "json.truncated");
  const refused = parseAnthropicMessage(TicketTriageBinding, anthropic.refusal);
  assert.equal(code(refused), "model.refusal");
  assert.match(JSON.stringify(refused), /malware development/);
  assert.deepEqual(parseAnthropicMessage(IssueRefundBinding, anthropic.refund), { ok: true, value: REFUND });
  assert.equal(code(parseAnthropicMessage(IssueRefundBinding, anthropic.noCall)), "model.no_tool_call");
});

test("gemini › text parts without thoughts, functionCall args, safety and blocked prompts, MAX_TOKENS", () => {
  assert.deepEqual(parseGeminiResponse(TicketTriageBinding, gemini.triage), { ok: true, value: TRIAGE });
  assert.equal(code(parseGeminiResponse(TicketTriageBinding, gemini.triageCut)), "json.truncated");
  assert.equal(code(parseGeminiResponse(TicketTriageBinding, gemini.safety)), "model.content_filter");
  assert.equal(code(parseGeminiResponse(TicketTriageBinding, gemini.blocked)), "model.content_filter");
  assert.deepEqual(parseGeminiResponse(IssueRefundBinding, gemini.refund), { ok: true, value: REFUND });
  assert.equal(code(parseGeminiResponse(IssueRefundBinding, gemini.triage)), "model.no_tool_call");
});

test("mcp › tools/call arguments and CallToolResult (structuredContent first, then text, isError as tool.error)", () => {
  assert.deepEqual(parseMcpToolCall(IssueRefundBinding, mcp.refund), { ok: true, value: REFUND });
  assert.equal(code(parseMcpToolCall(IssueRefundBinding, mcp.refundBad)), "schema.pattern");
  assert.equal(code(parseMcpToolCall(IssueRefundBinding, mcp.unknown)), "tool.unknown");
  assert.deepEqual(parseMcpToolResult(TicketTriageBinding, mcp.resultStructured), { ok: true, value: TRIAGE });
  assert.deepEqual(parseMcpToolResult(TicketTriageBinding, mcp.resultText), { ok: true, value: TRIAGE });
  const failed = parseMcpToolResult(TicketTriageBinding, mcp.resultError);
  assert.equal(code(failed), "tool.error");
  assert.match(JSON.stringify(failed), /ticket service unavailable/);
});

test("parse<C>Text › a normalizer option applies before validation and keeps json.truncated", () => {
  const text = JSON.stringify(REFUND_STRICT);
  assert.equal(code(parseIssueRefundV2Text(text)), "schema.type");
  assert.deepEqual(parseIssueRefundV2Text(text, { normalize: normalizeIssueRefundV2OpenaiStrict }), { ok: true, value: REFUND_NORMALIZED });
  let calls = 0;
  const counting = (v: unknown): unknown => (calls++, v);
  assert.equal(code(parseIssueRefundV2Text(text.slice(0, 25), { normalize: counting })), "json.truncated");
  assert.equal(calls, 0, "the normalizer never sees a value that is not complete JSON");
});
