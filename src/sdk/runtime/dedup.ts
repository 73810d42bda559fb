/*
 * Dedup store for side-effecting tool calls: the router asks it before a handler runs and tells it the outcome
 * after, so a replayed call (same idempotency key, or same provider call id) gets the first answer and the handler
 * runs once. Copied verbatim into `generated/_sdk/`.
 *
 * Why `begin` must be atomic: two workers may receive the same replayed call at once. Only one may see
 * `undefined`; the other sees `{ state: "running" }` and answers `tool.in_flight` without running the handler.
 *
 * A store on a real database, for several processes (Postgres; Redis `SET key value NX EX <ttl>` works the same):
 *
 *   const pgStore: DedupStore = {
 *     async begin(key) {
 *       const ins = await sql`insert into tool_calls (key, state) values (${key}, 'running') on conflict do nothing returning key`;
 *       if (ins.length === 1) return undefined;                      // first: the caller runs the handler
 *       const [row] = await sql`select state, answer from tool_calls where key = ${key}`;
 *       return row.state === "done" ? { state: "done", answer: row.answer } : { state: "running" };
 *     },
 *     async finish(key, answer) { await sql`update tool_calls set state = 'done', answer = ${answer} where key = ${key}`; },
 *   };
 */

import type { SdkErrorCode } from "./result.js";

/** What a side-effecting call answered the first time: replayed as is. */
export interface DedupAnswer {
  readonly ok: boolean;
  /** `ok`, or the failure's code (`tool.handler_error`, ...). */
  readonly code?: SdkErrorCode | "ok";
  /** The model-facing text. */
  readonly content: string;
  /** The handler's result (JSON-serializable) when `ok`. */
  readonly result?: unknown;
}

export type DedupEntry = { readonly state: "running" } | { readonly state: "done"; readonly answer: DedupAnswer };

export interface DedupStore {
  /** Claims `key` if nobody has: `undefined` means "yours, run the handler"; otherwise what is known of it. */
  begin(key: string): DedupEntry | undefined | Promise<DedupEntry | undefined>;
  /** Stores the outcome of the run that claimed `key`. */
  finish(key: string, answer: DedupAnswer): void | Promise<void>;
}

/**
 * The default store: this process's memory, holding at most `limit` keys (the oldest are forgotten first), so a
 * long-running router does not grow without bound. Replays across processes or restarts need a shared store.
 */
export function memoryDedupStore(limit = 10_000): DedupStore {
  const entries = new Map<string, DedupEntry>();
  return {
    begin(key) {
      const seen = entries.get(key);
      if (seen !== undefined) return seen;
      entries.set(key, { state: "running" });
      while (entries.size > limit) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
      return undefined;
    },
    finish(key, answer) {
      entries.set(key, { state: "done", answer });
    },
  };
}
