import { test } from "node:test";
import assert from "node:assert/strict";
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import type { MessageParam } from "@anthropic-ai/sdk/resources/messages";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { allEvents, createSupportRouter, otelOnEvent, SupportAnthropicTools, SupportOpenAIChatTools, withRetry, type CallRecord } from "../../generated/_sdk/index.js";
import { message, text, toolUse } from "./fixtures/anthropic.js";
import { completion, toolCall } from "./fixtures/openai-chat.js";
import { REFUND } from "./fixtures/values.js";

/**
 * The README loop run end to end through the real SDK clients, over a mock transport (their `fetch` option):
 * no network. The script is the incident list: a 429, a dropped connection, then the model calls issue_refund,
 * then replays the same call, then answers.
 */
type Step = { status: number; body: unknown } | { drop: true };

function mockFetch(script: Step[], seen: unknown[]): typeof fetch {
  return async (_url, init) => {
    seen.push(JSON.parse(String(init?.body ?? "null")));
    const step = script.shift();
    if (step === undefined) throw new Error("the script ran out");
    if ("drop" in step) throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
    return new Response(JSON.stringify(step.body), { status: step.status, headers: { "content-type": "application/json", "request-id": "req_1" } });
  };
}

function fakeTime() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), random: () => 0.5 };
}

test("loop e2e › anthropic: 429, dropped connection, tool call, replayed call, answer: one refund, delays within the cap, spans recorded", async () => {
  const sent: unknown[] = [];
  const replay = toolUse("toolu_1", "issue_refund", REFUND);
  const script: Step[] = [
    { status: 429, body: { type: "error", error: { type: "rate_limit_error", message: "slow down" } } },
    { drop: true },
    { status: 200, body: message([text("Refunding."), replay], "tool_use") },
    { status: 200, body: message([replay], "tool_use") },
    { status: 200, body: message([text("Done: refund re_1.")]) },
  ];
  const anthropic = new Anthropic({ apiKey: "test", maxRetries: 0, fetch: mockFetch(script, sent) });
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const records: CallRecord[] = [];
  let refunds = 0;
  const support = createSupportRouter({ issue_refund: async () => ({ refund_id: `re_${++refunds}` }) }, { onEvent: allEvents((r) => void records.push(r), otelOnEvent(provider.getTracer("e2e"))) });
  const time = fakeTime();
  const delays: number[][] = [];

  const messages: MessageParam[] = [{ role: "user", content: "Refund order ord_7Hq2LmP9xZ" }];
  let final = "";
  for (let turn = 0; turn < 8; turn++) {
    const r = await withRetry(() => anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 1024, messages, tools: SupportAnthropicTools }), { baseDelayMs: 200, maxDelayMs: 2_000, ...time });
    if (r.status !== "returned") throw r.error;
    delays.push([...r.delays]);
    messages.push({ role: "assistant", content: r.value.content });
    if (r.value.stop_reason !== "tool_use") {
      final = r.value.content.map((b) => (b.type === "text" ? b.text : "")).join("");
      break;
    }
    messages.push({ role: "user", content: await support.anthropic(r.value) });
  }
  assert.equal(final, "Done: refund re_1.");
  assert.equal(refunds, 1, "the replayed tool_use did not refund twice");
  assert.deepEqual(delays, [[100, 200], [], []], "full jitter at 0.5 of 200 then 400 ms");
  assert.deepEqual(records.map((r) => [r.callId, r.code, r.replayed]), [["toolu_1", "ok", false], ["toolu_1", "ok", true]]);
  // What was sent: the generated tools array every time, and the replay answered with the first result.
  assert.deepEqual((sent[0] as { tools: unknown }).tools, SupportAnthropicTools);
  const last = sent[sent.length - 1] as { messages: { content: unknown }[] };
  assert.deepEqual(last.messages[4]?.content, [{ type: "tool_result", tool_use_id: "toolu_1", content: '{"refund_id":"re_1"}', is_error: false }]);
  await provider.forceFlush();
  assert.deepEqual(exporter.getFinishedSpans().map((s) => [s.name, s.attributes["gen_ai.tool.call.id"], s.attributes["llm_contracts.replayed"]]), [
    ["execute_tool issue_refund", "toolu_1", false],
    ["execute_tool issue_refund", "toolu_1", true],
  ]);
});

test("loop e2e › openai chat: the retry policy gives up on a 400 at once, and on 503s after maxAttempts", async () => {
  const bad = new OpenAI({ apiKey: "test", maxRetries: 0, fetch: mockFetch([{ status: 400, body: { error: { message: "bad request" } } }], []) });
  const messages: ChatCompletionMessageParam[] = [{ role: "user", content: "hi" }];
  const r1 = await withRetry(() => bad.chat.completions.create({ model: "gpt-5", messages, tools: SupportOpenAIChatTools }), fakeTime());
  assert.deepEqual([r1.status, r1.status === "gave_up" && r1.stop, r1.attempts], ["gave_up", "not-transient", 1]);
  const down = new OpenAI({ apiKey: "test", maxRetries: 0, fetch: mockFetch([503, 503, 503].map((status) => ({ status, body: { error: { message: "unavailable" } } })), []) });
  const r2 = await withRetry(() => down.chat.completions.create({ model: "gpt-5", messages }), { maxAttempts: 3, ...fakeTime() });
  assert.deepEqual([r2.status === "gave_up" && r2.stop, r2.attempts], ["attempts", 3]);
  const ok = new OpenAI({ apiKey: "test", maxRetries: 0, fetch: mockFetch([{ status: 200, body: completion({ content: null, tool_calls: [toolCall("call_1", "issue_refund", JSON.stringify(REFUND))] }, "tool_calls") }], []) });
  let refunds = 0;
  const support = createSupportRouter({ issue_refund: () => ++refunds });
  const r3 = await withRetry(() => ok.chat.completions.create({ model: "gpt-5", messages, tools: SupportOpenAIChatTools }));
  assert.equal(r3.status, "returned");
  if (r3.status === "returned") {
    const answers = await support.openaiChat(r3.value);
    assert.deepEqual(answers, [{ role: "tool", tool_call_id: "call_1", content: "1" }]);
  }
});
