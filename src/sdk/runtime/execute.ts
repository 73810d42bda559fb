/*
 * Running one validated tool call: the dedup store for side-effecting tools, the handler under a time limit, the
 * result as model-facing text. Copied verbatim into `generated/_sdk/`; the router calls it after validation.
 *
 * Why a timed-out handler is not forgotten: it may still complete its side effect. Its dedup entry stays
 * `running` (replays answer `tool.in_flight`) until the handler settles, and then records the real outcome.
 */
import type { DedupAnswer, DedupStore } from "./dedup.js";
import type { ContractBinding, SdkErrorCode } from "./result.js";

export interface Executed {
  readonly ok: boolean;
  readonly code: SdkErrorCode | "ok";
  readonly content: string;
  readonly result?: unknown;
  /** Answered from the dedup store; the handler did not run. */
  readonly replayed: boolean;
}

export interface ExecuteInput {
  readonly binding: ContractBinding<unknown>;
  readonly name: string;
  readonly callId: string;
  readonly args: unknown;
  readonly run: () => unknown;
  readonly store: DedupStore;
  readonly timeoutMs?: number;
  readonly describe: (error: unknown) => string;
}

/** The handler's result as the text a model reads; `undefined` when it has no JSON form (BigInt, a cycle, ...). */
function stringify(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value === undefined ? null : value) ?? "null";
  } catch {
    return undefined;
  }
}

/**
 * The store keys of a call: its idempotency key's value (when declared and a string) and its call id. Both are
 * claimed, key first. Known limit: when the key is new but the call id is `running` elsewhere (the same call id
 * sent again with a different key), the key stays claimed as `running` until the store forgets it.
 */
export function dedupKeys(binding: ContractBinding<unknown>, name: string, callId: string, args: unknown): string[] {
  if (binding.sideEffects === "none") return [];
  const keys: string[] = [];
  const field = binding.idempotencyKey;
  if (field !== undefined && typeof args === "object" && args !== null && Object.prototype.hasOwnProperty.call(args, field)) {
    const value = (args as { readonly [k: string]: unknown })[field];
    if (typeof value === "string") keys.push(`${name}\u0000key\u0000${value}`);
  }
  if (callId !== "") keys.push(`${name}\u0000call\u0000${callId}`);
  return keys;
}

function answerOf(settled: { ok: true; value: unknown } | { ok: false; error: unknown }, describe: (e: unknown) => string, name: string): DedupAnswer & { readonly code: SdkErrorCode | "ok" } {
  if (!settled.ok) return { ok: false, code: "tool.handler_error", content: describe(settled.error) };
  const content = stringify(settled.value);
  if (content === undefined) return { ok: false, code: "tool.unserializable_result", content: `The tool ${JSON.stringify(name)} ran, but its result has no JSON form to send back.` };
  return { ok: true, code: "ok", content, result: settled.value };
}

/** Runs a validated call at most once per dedup key; never throws (a store that throws is `tool.handler_error`). */
export async function execute(input: ExecuteInput): Promise<Executed> {
  const { binding, name, store, describe } = input;
  const keys = dedupKeys(binding, name, input.callId, input.args);
  const claimed: string[] = [];
  try {
    for (const key of keys) {
      const seen = await store.begin(key);
      if (seen === undefined) {
        claimed.push(key);
        continue;
      }
      if (seen.state === "running") {
        return { ok: false, code: "tool.in_flight", content: `The tool ${JSON.stringify(name)} is already running this call; nothing was done again. Wait for its result.`, replayed: true };
      }
      // The same action, seen before: its answer stands for every key this call claimed too.
      for (const k of claimed) await store.finish(k, seen.answer);
      const code = seen.answer.code ?? (seen.answer.ok ? "ok" : "tool.handler_error");
      return { ok: seen.answer.ok, code, content: seen.answer.content, result: seen.answer.result, replayed: true };
    }
  } catch (error) {
    return { ok: false, code: "tool.handler_error", content: `The tool ${JSON.stringify(name)} was not run: its dedup store failed (${error instanceof Error ? error.message : String(error)}).`, replayed: false };
  }
  const settled = Promise.resolve()
    .then(input.run)
    .then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    )
    .then((s) => answerOf(s, describe, name));
  const recorded = settled.then(async (answer) => {
    for (const k of claimed) await store.finish(k, answer);
    return answer;
  });
  const limit = input.timeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<undefined>((resolve) => {
    if (limit !== undefined) timer = setTimeout(() => resolve(undefined), limit);
  });
  try {
    const answer = await (limit === undefined ? recorded : Promise.race([recorded, timedOut]));
    if (answer === undefined) {
      recorded.catch(() => undefined);
      return { ok: false, code: "tool.timeout", content: `The tool ${JSON.stringify(name)} did not answer within ${limit} ms; it may still complete. Do not call it again with a new idempotency key.`, replayed: false };
    }
    return { ok: answer.ok, code: answer.code, content: answer.content, result: answer.result, replayed: false };
  } catch (error) {
    // Only the store's `finish` can reject here: the handler ran, and its answer could not be recorded.
    return { ok: false, code: "tool.handler_error", content: `The tool ${JSON.stringify(name)} ran, but its outcome could not be recorded (${error instanceof Error ? error.message : String(error)}).`, replayed: false };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
