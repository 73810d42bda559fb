import { test } from "node:test";
import assert from "node:assert/strict";
import { backoffDelay, isTransientError, withRepair, withRetry, TicketTriageBinding, parseAnthropicMessage, type SdkResult } from "../../generated/_sdk/index.js";
import { message, text, toolUse } from "./fixtures/anthropic.js";
import { TRIAGE } from "./fixtures/values.js";

/** mulberry32: a seeded uniform [0, 1) source, so the jittered delays are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fake clock the sleeps advance: no real waiting. */
function fakeTime() {
  let t = 1_000;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

const status = (s: number) => Object.assign(new Error(`HTTP ${s}`), { status: s });
const timeout = () => Object.assign(new Error("Request timed out."), { name: "APIConnectionTimeoutError" });

test("retry › 429, timeout, success: three attempts, the delays drawn by the seeded jitter, each within its cap", async () => {
  const clock = fakeTime();
  const script = [status(429), timeout()];
  const policy = { baseDelayMs: 200, maxDelayMs: 5_000, random: seeded(42), ...clock };
  const out = await withRetry(async (attempt) => {
    const failure = script[attempt - 1];
    if (failure !== undefined) throw failure;
    return parseAnthropicMessage(TicketTriageBinding, message([toolUse("toolu_1", TicketTriageBinding.toolName, TRIAGE)], "tool_use"), { attempt });
  }, policy);
  assert.equal(out.status, "returned");
  assert.equal(out.attempts, 3);
  // Same seed, same draws: the delays are reproducible, and each is below min(cap, base * 2^(n-1)).
  const replay = seeded(42);
  const want = [1, 2].map((n) => backoffDelay(n, { ...policy, random: replay }));
  assert.deepEqual(out.delays, want);
  assert.ok(out.delays[0]! < 200 && out.delays[1]! < 400, `${out.delays}`);
  assert.equal(out.status === "returned" && out.value.ok, true);
});

test("retry › caps: attempts, then total time, and non-transient errors are not retried", async () => {
  const always429 = async () => { throw status(429); };
  const byAttempts = await withRetry(always429, { maxAttempts: 3, random: () => 0.999, ...fakeTime() });
  assert.deepEqual([byAttempts.status, byAttempts.status === "gave_up" && byAttempts.stop, byAttempts.attempts], ["gave_up", "attempts", 3]);
  const byTime = await withRetry(always429, { maxAttempts: 50, baseDelayMs: 1_000, maxDelayMs: 60_000, maxTotalMs: 10_000, random: () => 0.999, ...fakeTime() });
  assert.equal(byTime.status === "gave_up" && byTime.stop, "total-time");
  assert.ok(byTime.delays.reduce((a, b) => a + b, 0) <= 10_000, `${byTime.delays}`);
  const bad = await withRetry(async () => { throw status(400); }, fakeTime());
  assert.deepEqual([bad.status === "gave_up" && bad.stop, bad.attempts], ["not-transient", 1]);
});

test("retry › an unsafe step without an idempotency key runs once; with one it is retried", async () => {
  let runs = 0;
  const flaky = async () => { runs++; if (runs < 3) throw status(503); return "refunded"; };
  const once = await withRetry(flaky, { sideEffects: "unsafe", ...fakeTime() });
  assert.deepEqual([once.status === "gave_up" && once.stop, runs], ["unsafe-without-key", 1]);
  runs = 0;
  const keyed = await withRetry(flaky, { sideEffects: "unsafe", idempotencyKey: true, random: () => 0, ...fakeTime() });
  assert.deepEqual([keyed.status, runs], ["returned", 3]);
});

test("retry › json.truncated is re-asked only when the caller allows it", async () => {
  const cut = () => parseAnthropicMessage(TicketTriageBinding, message([text('{"category":')], "max_tokens"));
  const not = await withRetry(async () => cut(), fakeTime());
  assert.equal(not.status, "returned");
  let n = 0;
  const again = await withRetry(async (): Promise<SdkResult<unknown>> => (++n < 2 ? cut() : { ok: true, value: 1 }), { retryTruncated: true, random: () => 0, ...fakeTime() });
  assert.deepEqual([again.status, again.attempts], ["returned", 2]);
});

test("retry › transient classification of SDK-shaped errors", () => {
  const cases: [unknown, boolean][] = [
    [status(429), true], [status(500), true], [status(503), true], [status(408), true], [status(400), false], [status(401), false],
    [timeout(), true], [Object.assign(new Error("x"), { code: "ECONNRESET" }), true], [new Error("x", { cause: { code: "ETIMEDOUT" } }), true],
    [new Error("plain"), false], [null, false], ["429", false],
  ];
  for (const [e, want] of cases) assert.equal(isTransientError(e), want, String(e));
});

test("repair › an invalid answer is re-asked with describeErrors output, bounded by maxRounds", async () => {
  const bad = message([toolUse("t", TicketTriageBinding.toolName, { ...TRIAGE, priority: "whenever" })], "tool_use");
  const good = message([toolUse("t", TicketTriageBinding.toolName, TRIAGE)], "tool_use");
  const asked: (string | undefined)[] = [];
  const fixed = await withRepair(async (feedback, round) => {
    asked.push(feedback);
    return parseAnthropicMessage(TicketTriageBinding, round === 0 ? bad : good);
  });
  assert.equal(fixed.rounds, 1);
  assert.deepEqual(fixed.result, { ok: true, value: TRIAGE });
  assert.equal(asked[0], undefined);
  assert.match(asked[1] ?? "", /does not match the required schema[\s\S]*\/priority/);
  let calls = 0;
  const stuck = await withRepair(async () => (calls++, parseAnthropicMessage(TicketTriageBinding, bad)), { maxRounds: 2 });
  assert.deepEqual([stuck.rounds, calls, stuck.result.ok], [2, 3, false]);
  // A refusal is not something a schema hint fixes: no re-ask.
  let refusals = 0;
  const refused = await withRepair(async () => (refusals++, parseAnthropicMessage(TicketTriageBinding, message([], "refusal"))));
  assert.deepEqual([refused.rounds, refusals], [0, 1]);
});
