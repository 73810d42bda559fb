/*
 * One record per parsed response and per routed tool call: which contract version checked it, which of the four
 * layers of a tool call it reached, a stable code, how long it took, which attempt it was and the provider's call
 * id. Copied verbatim into `generated/_sdk/`. An `onEvent` hook receives each record; `otel.ts` turns them into
 * spans.
 *
 * Why four layers: a failing tool call is debugged by where it broke. Selection: the model called no tool, the
 * wrong one, or refused. Arguments: the call's JSON or its values break the contract. Execution: the handler
 * threw, timed out, or a duplicate is still running. Handoff: the result could not be sent back to the model.
 */
import type { ProviderFamily, SdkErrorCode, SdkResult } from "./result.js";

export type CallLayer = "selection" | "arguments" | "execution" | "handoff";

export interface CallRecord {
  /** `parse`: a provider response read by a `parse*` adapter; `tool`: one call dispatched by a router. */
  readonly kind: "parse" | "tool";
  /** Contract name, version and schema hash of the binding used ("", 0, "" for a tool the router does not know). */
  readonly contract: string;
  readonly version: number;
  readonly schemaHash: string;
  /** The tool name looked for (parse) or called (tool). */
  readonly tool: string;
  readonly family: ProviderFamily;
  /** The provider's id of the call ("" when the response has none, e.g. text output). */
  readonly callId: string;
  readonly ok: boolean;
  /** The layer a failure is in; `handoff` for a success (every layer passed). */
  readonly layer: CallLayer;
  /** The first error's code, or `ok`. */
  readonly code: SdkErrorCode | "ok";
  /** How many errors the result carries (0 on success). */
  readonly errorCount: number;
  /** Epoch milliseconds when the work began, and how long it took. */
  readonly startedAt: number;
  readonly durationMs: number;
  /** 1 for a first try; set by the caller's retry loop (`attempt` option). */
  readonly attempt: number;
  /** A side-effecting call answered from the dedup store instead of running its handler again. */
  readonly replayed: boolean;
}

export type OnEvent = (record: CallRecord) => void;

/** Options every producer of records takes. */
export interface RecordOptions {
  readonly onEvent?: OnEvent;
  /** Which attempt this is (default 1). */
  readonly attempt?: number;
}

const SELECTION: ReadonlySet<string> = new Set(["model.no_tool_call", "model.wrong_tool", "model.refusal", "model.content_filter", "model.incomplete", "tool.unknown"]);
const EXECUTION: ReadonlySet<string> = new Set(["tool.handler_error", "tool.timeout", "tool.in_flight", "tool.error"]);

/** The layer of a code: every `json.*` and `schema.*` code (and any other validation code) is `arguments`. */
export function layerOf(code: SdkErrorCode | "ok"): CallLayer {
  if (code === "ok" || code === "tool.unserializable_result") return "handoff";
  if (SELECTION.has(code)) return "selection";
  if (EXECUTION.has(code)) return "execution";
  return "arguments";
}

/** The code a result is recorded under. */
export function codeOf(result: SdkResult<unknown>): SdkErrorCode | "ok" {
  return result.ok ? "ok" : (result.errors[0]?.code ?? "ok");
}

/** Calls the hook; a hook that throws is the caller's bug, and never turns a result into an exception. */
export function emit(onEvent: OnEvent | undefined, record: CallRecord): void {
  if (onEvent === undefined) return;
  try {
    onEvent(record);
  } catch {
    // Observability must not change the outcome of a call.
  }
}

/** Milliseconds now, from `performance` when there is one (monotonic), else `Date`. */
export function clock(): number {
  const p = (globalThis as { readonly performance?: { now(): number } }).performance;
  return p === undefined ? Date.now() : p.now();
}
