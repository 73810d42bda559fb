/*
 * OpenTelemetry adapter: call records (record.ts) to spans under the GenAI semantic conventions. Copied verbatim
 * into `generated/_sdk/`, and still imports nothing: the tracer is passed in, typed by the few members used here
 * (`trace.getTracer(...)` from `@opentelemetry/api` is assignable to `TracerLike`).
 * @see https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-agent-spans/#execute-tool-span
 *
 * A routed tool call is an `execute_tool {gen_ai.tool.name}` span; a parsed response is a
 * `validate_output {contract}` span (not a GenAI operation, so it sets no `gen_ai.operation.name`). Both carry the
 * contract's attributes under `llm_contracts.*`, and a failure sets `error.type` to its stable code.
 */
import type { CallRecord, OnEvent } from "./record.js";

type AttributeValue = string | number | boolean;

export interface SpanLike {
  setStatus(status: { code: 2; message?: string }): unknown;
  end(endTime?: number): void;
}

export interface TracerLike {
  startSpan(name: string, options?: { kind?: 0; attributes?: { [key: string]: AttributeValue }; startTime?: number }): SpanLike;
}

const PROVIDERS: { readonly [family: string]: string } = { openai: "openai", anthropic: "anthropic", gemini: "gcp.gemini" };

/** The attributes of a record's span. */
export function spanAttributes(record: CallRecord): { [key: string]: AttributeValue } {
  const a: { [key: string]: AttributeValue } = {};
  if (record.kind === "tool") {
    a["gen_ai.operation.name"] = "execute_tool";
    a["gen_ai.tool.type"] = "function";
  }
  a["gen_ai.tool.name"] = record.tool;
  if (record.callId !== "") a["gen_ai.tool.call.id"] = record.callId;
  const provider = PROVIDERS[record.family];
  if (provider !== undefined) a["gen_ai.provider.name"] = provider;
  if (!record.ok) a["error.type"] = record.code;
  a["llm_contracts.contract"] = record.contract;
  a["llm_contracts.contract.version"] = record.version;
  a["llm_contracts.schema_hash"] = record.schemaHash;
  a["llm_contracts.layer"] = record.layer;
  a["llm_contracts.code"] = record.code;
  a["llm_contracts.attempt"] = record.attempt;
  a["llm_contracts.replayed"] = record.replayed;
  return a;
}

/** An `onEvent` hook that ends one span per record, timed from the record (start and duration). */
export function otelOnEvent(tracer: TracerLike): OnEvent {
  return (record) => {
    const name = record.kind === "tool" ? `execute_tool ${record.tool}` : `validate_output ${record.contract}`;
    // kind 0: SpanKind.INTERNAL, the kind the conventions give a tool executed in-process.
    const span = tracer.startSpan(name, { kind: 0, attributes: spanAttributes(record), startTime: record.startedAt });
    if (!record.ok) span.setStatus({ code: 2, message: record.code });
    span.end(record.startedAt + record.durationMs);
  };
}

/** Calls every hook given, in order (e.g. a logger and `otelOnEvent(tracer)`). */
export function allEvents(...hooks: readonly OnEvent[]): OnEvent {
  return (record) => {
    for (const hook of hooks) {
      try {
        hook(record);
      } catch {
        // One failing hook must not silence the others.
      }
    }
  };
}
