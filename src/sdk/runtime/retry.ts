/*
 * Retries with a policy, for the call a loop makes to a provider SDK (or to a tool): exponential backoff with full
 * jitter, a cap on attempts and on total time, transient failures only. Copied verbatim into `generated/_sdk/`;
 * zero dependencies (the clock, the sleep and the random source are injectable, so a test sees exact delays).
 *
 * Why full jitter: clients that failed together and back off by the same schedule retry together. A delay drawn
 * uniformly from [0, min(cap, base * 2^n)) spreads them out.
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 *
 * Why `unsafe` matters here: re-running a call that charges, refunds or sends is only safe when the far side can
 * tell the re-run from a new action, by an idempotency key. Without one, the policy runs it once.
 */
import type { SideEffects } from "./result.js";

export interface RetryPolicy {
  /** Tries in all, the first included (default 4). */
  readonly maxAttempts?: number;
  /** The backoff's base and the cap of any one wait, in ms (defaults 250 and 8000). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** No wait starts that would end past this many ms since the first try (default 30 000). */
  readonly maxTotalMs?: number;
  /** Uniform in [0, 1): the jitter's source (default `Math.random`; pass a seeded one to replay delays). */
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Re-ask when the step returns `json.truncated` (the caller raised the token limit or accepts a retry). */
  readonly retryTruncated?: boolean;
  /** Which thrown errors are transient (default `isTransientError`: timeouts, connection resets, 408, 429, 5xx). */
  readonly isTransient?: (error: unknown) => boolean;
  /** What the step does when it runs: `unsafe` without `idempotencyKey: true` is never re-run. */
  readonly sideEffects?: SideEffects;
  readonly idempotencyKey?: boolean;
}

export type RetryStop = "not-transient" | "attempts" | "total-time" | "unsafe-without-key";

/**
 * `returned`: the step returned a value that is not a retryable result (the value may itself be a failed
 * `SdkResult`: check it). `gave_up`: the last try threw (`error`) or returned a retryable result (`value`).
 */
export type RetryOutcome<T> =
  | { readonly status: "returned"; readonly value: T; readonly attempts: number; readonly delays: readonly number[] }
  | { readonly status: "gave_up"; readonly stop: RetryStop; readonly error?: unknown; readonly value?: T; readonly attempts: number; readonly delays: readonly number[] };

const TRANSIENT_NAMES = new Set(["TimeoutError", "APIConnectionTimeoutError", "APIConnectionError", "RateLimitError", "InternalServerError"]);
const TRANSIENT_CODES = new Set(["ETIMEDOUT", "ECONNRESET", "ECONNREFUSED", "EPIPE", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_SOCKET"]);

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as { readonly [k: string]: unknown })[key] : undefined;
}

/**
 * What the SDKs throw for a failure worth retrying: an HTTP status 408, 409 (OpenAI: lock timeout), 429 or 5xx
 * (`status` on openai, @anthropic-ai/sdk and @google/genai errors), a timeout or a dropped connection.
 */
export function isTransientError(error: unknown): boolean {
  const status = field(error, "status") ?? field(error, "statusCode");
  if (typeof status === "number") return status === 408 || status === 409 || status === 429 || (status >= 500 && status <= 599);
  const name = field(error, "name");
  if (typeof name === "string" && TRANSIENT_NAMES.has(name)) return true;
  const code = field(error, "code") ?? field(field(error, "cause"), "code");
  return typeof code === "string" && TRANSIENT_CODES.has(code);
}

function isTruncated(value: unknown): boolean {
  if (field(value, "ok") !== false) return false;
  const errors = field(value, "errors");
  return Array.isArray(errors) && field(errors[0], "code") === "json.truncated";
}

/** The wait before retry number `n` (1 for the first retry): uniform in [0, min(maxDelay, base * 2^(n-1))). */
export function backoffDelay(n: number, policy: RetryPolicy = {}): number {
  const base = policy.baseDelayMs ?? 250;
  const cap = Math.min(policy.maxDelayMs ?? 8_000, base * 2 ** Math.min(n - 1, 30));
  const r = (policy.random ?? Math.random)();
  // A source outside [0, 1) (or NaN) is clamped, so a delay is always a finite number within the cap.
  return Math.floor((Number.isFinite(r) ? Math.max(0, Math.min(r, 1)) : 0) * cap);
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `step` until it returns a non-retryable value, or the policy says stop. Never throws. */
export async function withRetry<T>(step: (attempt: number) => T | Promise<T>, policy: RetryPolicy = {}): Promise<RetryOutcome<T>> {
  const now = policy.now ?? Date.now;
  const sleep = policy.sleep ?? realSleep;
  const transient = policy.isTransient ?? isTransientError;
  const unsafe = policy.sideEffects === "unsafe" && policy.idempotencyKey !== true;
  const maxAttempts = Math.max(1, Math.floor(policy.maxAttempts ?? 4));
  const maxTotal = policy.maxTotalMs ?? 30_000;
  const started = now();
  const delays: number[] = [];
  for (let attempt = 1; ; attempt++) {
    let failure: { readonly error: unknown } | { readonly value: T };
    try {
      const value = await step(attempt);
      if (!(policy.retryTruncated === true && isTruncated(value))) return { status: "returned", value, attempts: attempt, delays };
      failure = { value };
    } catch (error) {
      if (!safeTransient(transient, error)) return { status: "gave_up", stop: "not-transient", error, attempts: attempt, delays };
      failure = { error };
    }
    const gaveUp = (stop: RetryStop): RetryOutcome<T> => ({ status: "gave_up", stop, ...failure, attempts: attempt, delays });
    if (unsafe) return gaveUp("unsafe-without-key");
    if (attempt >= maxAttempts) return gaveUp("attempts");
    const delay = backoffDelay(attempt, policy);
    if (now() - started + delay > maxTotal) return gaveUp("total-time");
    delays.push(delay);
    try {
      await sleep(delay);
    } catch {
      return gaveUp("total-time");
    }
  }
}

function safeTransient(test: (e: unknown) => boolean, error: unknown): boolean {
  try {
    return test(error);
  } catch {
    return false;
  }
}
