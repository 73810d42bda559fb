import { test } from "node:test";
import assert from "node:assert/strict";
import type { ChatCompletionToolMessageParam } from "openai/resources/chat/completions";
import type { ResponseInputItem } from "openai/resources/responses/responses";
import type { ToolResultBlockParam } from "@anthropic-ai/sdk/resources/messages";
import type { Part } from "@google/genai";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { createSupportRouter } from "../../generated/_sdk/index.js";
import type { IssueRefundV2 } from "../../generated/issue-refund/v2.js";
import { chat } from "./fixtures/openai-chat.js";
import { responses } from "./fixtures/openai-responses.js";
import { anthropic } from "./fixtures/anthropic.js";
import { gemini } from "./fixtures/gemini.js";
import { mcp } from "./fixtures/mcp.js";
import { REFUND } from "./fixtures/values.js";

/** A router whose handler records every call it gets, and refuses refunds over 10 000 minor units. */
function recording() {
  const seen: IssueRefundV2[] = [];
  const router = createSupportRouter({
    issue_refund: (args) => {
      seen.push(args);
      if (args.amount.amount_minor > 10_000) throw new Error("refunds over 100.00 need a human");
      return { refund_id: "re_1", status: "pending" };
    },
  });
  return { seen, router };
}

const BAD_LINES = [/Invalid arguments for "issue_refund"; nothing was done/, /\/amount\/currency must match the pattern/, /\/reason must be one of "duplicate", "fraudulent", "requested_by_customer"/];

test("router › openai chat: valid call runs, invalid and unknown calls answer with what to fix, no handler runs on invalid arguments", async () => {
  const { seen, router } = recording();
  const out: ChatCompletionToolMessageParam[] = await router.openaiChat(chat.mixed);
  assert.deepEqual(seen, [REFUND]);
  assert.deepEqual(out.map((m) => m.tool_call_id), ["call_ok", "call_bad", "call_unknown"]);
  assert.deepEqual(out[0], { role: "tool", tool_call_id: "call_ok", content: '{"refund_id":"re_1","status":"pending"}' });
  for (const re of BAD_LINES) assert.match(String(out[1]?.content), re);
  assert.equal(out[2]?.content, 'Unknown tool "delete-account". Call one of: "issue_refund".');
});

test("router › openai responses: function_call items to function_call_output items", async () => {
  const { seen, router } = recording();
  const out: ResponseInputItem[] = await router.openaiResponses(responses.mixed);
  assert.equal(seen.length, 1);
  assert.deepEqual(out.map((o) => ("call_id" in o ? o.call_id : undefined)), ["call_ok", "call_bad", "call_unknown"]);
  assert.deepEqual(out.map((o) => o.type), ["function_call_output", "function_call_output", "function_call_output"]);
});

test("router › anthropic: tool_use blocks to tool_result blocks with is_error", async () => {
  const { seen, router } = recording();
  const out: ToolResultBlockParam[] = await router.anthropic(anthropic.mixed);
  assert.equal(seen.length, 1);
  assert.deepEqual(out.map((b) => [b.tool_use_id, b.is_error]), [["toolu_ok", false], ["toolu_bad", true], ["toolu_unknown", true]]);
  for (const re of BAD_LINES) assert.match(String(out[1]?.content), re);
});

test("router › gemini: functionCall parts to functionResponse parts (output or error)", async () => {
  const { seen, router } = recording();
  const out: Part[] = await router.gemini(gemini.mixed);
  assert.equal(seen.length, 1);
  assert.deepEqual(out[0], { functionResponse: { id: "fc_ok", name: "issue_refund", response: { output: { refund_id: "re_1", status: "pending" } } } });
  assert.match(String(out[1]?.functionResponse?.response?.["error"]), BAD_LINES[1]!);
  assert.deepEqual(out[2]?.functionResponse?.name, "delete-account");
  assert.equal(out[2]?.functionResponse?.id, undefined);
});

test("router › mcp: one tools/call request to a CallToolResult, isError on every failure", async () => {
  const { seen, router } = recording();
  const ok: CallToolResult = await router.mcp(mcp.refund);
  assert.deepEqual(ok, { content: [{ type: "text", text: '{"refund_id":"re_1","status":"pending"}' }], isError: false });
  const bad: CallToolResult = await router.mcp(mcp.refundBad);
  assert.equal(bad.isError, true);
  const unknown = await router.mcp(mcp.unknown);
  assert.equal(unknown.isError, true);
  assert.deepEqual(seen, [REFUND]);
});

test("router › a handler that throws becomes a tool result naming the failure; describeError replaces the text", async () => {
  const { router } = recording();
  const big = { ...REFUND, amount: { amount_minor: 50_000, currency: "USD" } };
  const [outcome] = await router.run([{ id: "c1", name: "issue_refund", arguments: big, family: "anthropic" }]);
  assert.equal(outcome?.ok, false);
  assert.equal(outcome?.content, 'The tool "issue_refund" failed: refunds over 100.00 need a human');
  assert.equal(outcome?.ok === false ? outcome.errors[0]?.code : undefined, "tool.handler_error");
  const quiet = createSupportRouter({ issue_refund: () => { throw new Error("db password wrong"); } }, { describeError: () => "Internal error; try again later." });
  const [hidden] = await quiet.run([{ id: "c1", name: "issue_refund", arguments: REFUND, family: "mcp" }]);
  assert.equal(hidden?.content, "Internal error; try again later.");
});

test("router › tool arguments cut off mid-JSON are answered as truncated, not run", async () => {
  const { seen, router } = recording();
  const [o] = await router.run([{ id: "c", name: "issue_refund", arguments: JSON.stringify(REFUND).slice(0, 40), family: "openai" }]);
  assert.equal(o?.ok === false ? o.errors[0]?.code : undefined, "json.truncated");
  assert.deepEqual(seen, []);
});

test("router › the handler map is exhaustive and exact at compile time", () => {
  // @ts-expect-error: the issue-refund handler is missing.
  createSupportRouter({});
  createSupportRouter({
    issue_refund: () => "ok",
    // @ts-expect-error: no tool of that name in the toolset.
    "delete-account": () => "ok",
  });
  createSupportRouter({
    // @ts-expect-error: the argument is IssueRefundV2, which has no `orderId`.
    issue_refund: (args: { orderId: string }) => args.orderId,
  });
});
