import { test } from "node:test";
import assert from "node:assert/strict";
import { FinishReason } from "@google/genai";
import {
  TicketTriageBinding,
  createStructuredStream,
  parseAnthropicMessage,
  parseGeminiResponse,
  parseOpenAIChat,
  parseOpenAIResponse,
  type CallRecord,
  type SdkResult,
} from "../../generated/_sdk/index.js";
import { message, text, toolUse, toolUseEvents } from "./fixtures/anthropic.js";
import { completion, toolCall } from "./fixtures/openai-chat.js";
import { response } from "./fixtures/gemini.js";
import { responses } from "./fixtures/openai-responses.js";
import { TRIAGE, TRIAGE_TEXT } from "./fixtures/values.js";

function code(r: SdkResult<unknown>): string {
  return r.ok ? "ok" : (r.errors[0]?.code ?? "none");
}

// A model-output contract sent as a tool (its generated fragment) and forced with tool_choice.
const TOOL = TicketTriageBinding.toolName;

test("output through a tool call › anthropic tool_use forced with tool_choice is the output (not `the output is empty`)", () => {
  const forced = message([toolUse("toolu_9", TOOL, TRIAGE)], "tool_use");
  assert.deepEqual(parseAnthropicMessage(TicketTriageBinding, forced), { ok: true, value: TRIAGE });
  assert.deepEqual(parseAnthropicMessage(TicketTriageBinding, forced, { via: "tool" }), { ok: true, value: TRIAGE });
  // Asked for text only, the same response has none.
  assert.equal(code(parseAnthropicMessage(TicketTriageBinding, forced, { via: "text" })), "json.invalid");
});

test("output through a tool call › another tool is model.wrong_tool, no tool at all under via:tool is model.no_tool_call", () => {
  const other = message([toolUse("toolu_9", "lookup_order", { id: 1 })], "tool_use");
  const wrong = parseAnthropicMessage(TicketTriageBinding, other);
  assert.equal(code(wrong), "model.wrong_tool");
  assert.match(JSON.stringify(wrong), /lookup_order/);
  assert.equal(code(parseAnthropicMessage(TicketTriageBinding, message([text("I think it's billing.")]), { via: "tool" })), "model.no_tool_call");
  // Text output beside no tool call still reads as text by default.
  assert.deepEqual(parseAnthropicMessage(TicketTriageBinding, message([text(TRIAGE_TEXT)])), { ok: true, value: TRIAGE });
});

test("output through a tool call › invalid tool input is a schema error of the contract, not a selection error", () => {
  const bad = message([toolUse("toolu_9", TOOL, { ...TRIAGE, priority: "whenever" })], "tool_use");
  assert.match(code(parseAnthropicMessage(TicketTriageBinding, bad)), /^schema\./);
});

test("output through a tool call › openai chat and responses function calls, gemini functionCall", () => {
  const chat = completion({ content: null, tool_calls: [toolCall("call_1", TOOL, TRIAGE_TEXT)] }, "tool_calls");
  assert.deepEqual(parseOpenAIChat(TicketTriageBinding, chat), { ok: true, value: TRIAGE });
  const chatOther = completion({ content: null, tool_calls: [toolCall("call_1", "lookup_order", "{}")] }, "tool_calls");
  assert.equal(code(parseOpenAIChat(TicketTriageBinding, chatOther)), "model.wrong_tool");
  const r = { ...responses.triage, output: [{ type: "function_call" as const, id: "fc_1", call_id: "call_1", name: TOOL, arguments: TRIAGE_TEXT, status: "completed" as const }] };
  assert.deepEqual(parseOpenAIResponse(TicketTriageBinding, r), { ok: true, value: TRIAGE });
  const g = response({ index: 0, finishReason: FinishReason.STOP, content: { role: "model", parts: [{ functionCall: { id: "fc1", name: TOOL, args: { ...TRIAGE } } }] } });
  assert.deepEqual(parseGeminiResponse(TicketTriageBinding, g), { ok: true, value: TRIAGE });
  const gOther = response({ index: 0, finishReason: FinishReason.STOP, content: { role: "model", parts: [{ functionCall: { name: "lookup_order", args: {} } }] } });
  assert.equal(code(parseGeminiResponse(TicketTriageBinding, gOther)), "model.wrong_tool");
});

test("parse records › onEvent gets contract, version, schema hash, layer, code, call id and attempt for every parse", () => {
  const seen: CallRecord[] = [];
  const onEvent = (r: CallRecord): void => void seen.push(r);
  parseAnthropicMessage(TicketTriageBinding, message([toolUse("toolu_9", TOOL, TRIAGE)], "tool_use"), { onEvent, attempt: 2 });
  parseAnthropicMessage(TicketTriageBinding, message([toolUse("toolu_8", "lookup_order", {})], "tool_use"), { onEvent });
  parseAnthropicMessage(TicketTriageBinding, message([text(TRIAGE_TEXT.slice(0, 20))], "max_tokens"), { onEvent });
  parseAnthropicMessage(TicketTriageBinding, message([text('{"category":1}')]), { onEvent });
  assert.deepEqual(
    seen.map((r) => [r.kind, r.contract, r.version, r.schemaHash, r.callId, r.layer, r.code, r.attempt, r.family]),
    [
      ["parse", "ticket-triage", 3, TicketTriageBinding.schemaHash, "toolu_9", "handoff", "ok", 2, "anthropic"],
      ["parse", "ticket-triage", 3, TicketTriageBinding.schemaHash, "", "selection", "model.wrong_tool", 1, "anthropic"],
      ["parse", "ticket-triage", 3, TicketTriageBinding.schemaHash, "", "arguments", "json.truncated", 1, "anthropic"],
      ["parse", "ticket-triage", 3, TicketTriageBinding.schemaHash, "", "arguments", seen[3]?.code, 1, "anthropic"],
    ],
  );
  assert.match(TicketTriageBinding.schemaHash, /^sha256:[0-9a-f]{64}$/);
  assert.ok(seen.every((r) => r.durationMs >= 0 && Number.isFinite(r.startedAt)));
});

test("parse records › a hook that throws does not change the result", () => {
  const r = parseAnthropicMessage(TicketTriageBinding, message([text(TRIAGE_TEXT)]), { onEvent: () => { throw new Error("logger down"); } });
  assert.deepEqual(r, { ok: true, value: TRIAGE });
});

test("output through a tool call › a stream with via:tool reads the forced tool's input_json_delta, not the text", () => {
  const s = createStructuredStream(TicketTriageBinding, "anthropic", { via: "tool" });
  for (const e of toolUseEvents(TOOL, TRIAGE_TEXT, 7)) s.pushAnthropicEvent(e);
  assert.equal(s.snapshot()?.category, "security");
  assert.deepEqual(s.end(), { ok: true, value: TRIAGE });
  const other = createStructuredStream(TicketTriageBinding, "anthropic", { via: "tool" });
  for (const e of toolUseEvents("lookup_order", "{}", 7)) other.pushAnthropicEvent(e);
  assert.equal(code(other.end()), "model.no_tool_call");
});
