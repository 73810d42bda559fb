import { test } from "node:test";
import assert from "node:assert/strict";
import { trace, SpanStatusCode, type Tracer } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { allEvents, createSupportRouter, otelOnEvent, parseAnthropicMessage, TicketTriageBinding, type CallRecord, type TracerLike } from "../../generated/_sdk/index.js";
import { message, toolUse } from "./fixtures/anthropic.js";
import { REFUND, REFUND_BAD } from "./fixtures/values.js";

test("otel › router records become execute_tool spans with GenAI attributes, seen by the in-memory exporter", async () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer: Tracer = provider.getTracer("llm-contracts-test");
  const asLike: TracerLike = tracer; // the real Tracer fits the structural shape, no cast
  const records: CallRecord[] = [];
  const router = createSupportRouter({ issue_refund: () => ({ refund_id: "re_1" }) }, { onEvent: allEvents((r) => void records.push(r), otelOnEvent(asLike)) });
  await router.anthropic(message([toolUse("toolu_ok", "issue_refund", REFUND), toolUse("toolu_bad", "issue_refund", REFUND_BAD)], "tool_use"));
  parseAnthropicMessage(TicketTriageBinding, message([toolUse("toolu_x", "lookup_order", {})], "tool_use"), { onEvent: otelOnEvent(tracer) });
  await provider.forceFlush();
  const spans = exporter.getFinishedSpans();
  assert.deepEqual(spans.map((s) => s.name), ["execute_tool issue_refund", "execute_tool issue_refund", "validate_output ticket-triage"]);
  const [ok, bad, parse] = spans;
  assert.deepEqual(ok?.attributes, {
    "gen_ai.operation.name": "execute_tool",
    "gen_ai.tool.type": "function",
    "gen_ai.tool.name": "issue_refund",
    "gen_ai.tool.call.id": "toolu_ok",
    "gen_ai.provider.name": "anthropic",
    "llm_contracts.contract": "issue-refund",
    "llm_contracts.contract.version": 2,
    "llm_contracts.schema_hash": records[0]?.schemaHash,
    "llm_contracts.layer": "handoff",
    "llm_contracts.code": "ok",
    "llm_contracts.attempt": 1,
    "llm_contracts.replayed": false,
  });
  assert.equal(ok?.status.code, SpanStatusCode.UNSET);
  assert.equal(bad?.attributes["gen_ai.tool.call.id"], "toolu_bad");
  assert.equal(bad?.attributes["llm_contracts.layer"], "arguments");
  assert.match(String(bad?.attributes["error.type"]), /^schema\./);
  assert.equal(bad?.status.code, SpanStatusCode.ERROR);
  assert.equal(parse?.attributes["error.type"], "model.wrong_tool");
  assert.equal(parse?.attributes["llm_contracts.layer"], "selection");
  assert.equal(parse?.attributes["gen_ai.operation.name"], undefined);
  // Span timing comes from the record.
  const startMs = (ok?.startTime[0] ?? 0) * 1e3 + (ok?.startTime[1] ?? 0) / 1e6;
  assert.ok(Math.abs(startMs - (records[0]?.startedAt ?? 0)) < 1);
  assert.equal(trace.getActiveSpan(), undefined);
});
