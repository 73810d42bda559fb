import { test } from "node:test";
import assert from "node:assert/strict";
import { createSupportRouter, memoryDedupStore, type CallRecord, type DedupStore, type ToolCall } from "../../generated/_sdk/index.js";
import { REFUND, REFUND_BAD } from "./fixtures/values.js";

/** A refund handler that counts how often money actually moved. */
function refunds(options: Parameters<typeof createSupportRouter>[1] = {}) {
  let charged = 0;
  const router = createSupportRouter({ issue_refund: async (args) => ({ refund_id: `re_${++charged}`, amount: args.amount.amount_minor }) }, options);
  return { router, charged: () => charged };
}

const call = (id: string, args: unknown = REFUND): ToolCall => ({ id, name: "issue_refund", arguments: args, family: "anthropic" });

test("dedup › a replayed issue_refund call (same call id) runs its handler once and answers with the first result", async () => {
  const { router, charged } = refunds();
  const [first] = await router.run([call("toolu_1")]);
  const [again] = await router.run([call("toolu_1")]);
  assert.equal(charged(), 1);
  assert.equal(again?.content, first?.content);
  assert.equal(again?.ok, true);
  assert.equal(first?.record.replayed, false);
  assert.equal(again?.record.replayed, true);
});

test("dedup › a new call id with the same idempotency key is the same refund: run once", async () => {
  const { router, charged } = refunds();
  const out = await router.run([call("toolu_1"), call("toolu_2"), call("toolu_3", { ...REFUND, idempotency_key: "9b8e1c52-3f4a-4d6b-8e9c-1a2b3c4d5e6f" })]);
  assert.equal(charged(), 2);
  assert.equal(out[1]?.content, out[0]?.content);
  assert.notEqual(out[2]?.content, out[0]?.content);
});

test("dedup › invalid arguments claim nothing: the corrected call with the same id still runs", async () => {
  const { router, charged } = refunds();
  const [bad] = await router.run([call("toolu_1", REFUND_BAD)]);
  assert.equal(bad?.ok, false);
  const [good] = await router.run([call("toolu_1")]);
  assert.equal(good?.ok, true);
  assert.equal(charged(), 1);
});

test("dedup › two routers sharing a store (two workers): concurrent duplicates run once, the other answers tool.in_flight", async () => {
  const store = memoryDedupStore();
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  let charged = 0;
  const handler = async () => {
    charged++;
    await gate;
    return { refund_id: "re_1" };
  };
  const a = createSupportRouter({ issue_refund: handler }, { dedup: store });
  const b = createSupportRouter({ issue_refund: handler }, { dedup: store });
  const first = a.run([call("toolu_1")]);
  const [second] = await b.run([call("toolu_1")]);
  release();
  const [done] = await first;
  assert.equal(charged, 1);
  assert.equal(second?.ok === false ? second.errors[0]?.code : "ok", "tool.in_flight");
  assert.equal(done?.ok, true);
  const [later] = await b.run([call("toolu_2")]);
  assert.equal(later?.content, '{"refund_id":"re_1"}', "the same idempotency key, once finished, replays the answer");
  assert.equal(charged, 1);
});

test("dedup › a failing handler's answer is replayed too (a refund that failed half-way is not retried blindly)", async () => {
  let runs = 0;
  const router = createSupportRouter({ issue_refund: () => { runs++; throw new Error("card network said no"); } });
  const [a] = await router.run([call("toolu_1")]);
  const [b] = await router.run([call("toolu_1")]);
  assert.equal(runs, 1);
  assert.equal(b?.ok === false ? b.errors[0]?.code : "ok", "tool.handler_error");
  assert.equal(b?.content, a?.content);
});

test("dedup › the in-memory store is bounded: the oldest keys are forgotten first", () => {
  const store = memoryDedupStore(2);
  assert.equal(store.begin("a"), undefined);
  assert.equal(store.begin("b"), undefined);
  assert.equal(store.begin("c"), undefined);
  assert.equal(store.begin("a"), undefined, "a was evicted");
  assert.deepEqual(store.begin("c"), { state: "running" });
});

test("dedup › a store that throws means the handler is not run, answered as an execution failure", async () => {
  const broken: DedupStore = { begin: () => { throw new Error("db down"); }, finish: () => undefined };
  const { router, charged } = refunds({ dedup: broken });
  const [o] = await router.run([call("toolu_1")]);
  assert.equal(charged(), 0);
  assert.equal(o?.record.layer, "execution");
  assert.match(o?.content ?? "", /dedup store failed \(db down\)/);
});

test("router › a handler past timeoutMs answers tool.timeout; replays wait (tool.in_flight) until it settles, then replay its real answer", async () => {
  let finish: () => void = () => undefined;
  const slow = new Promise<void>((r) => (finish = r));
  let runs = 0;
  const router = createSupportRouter({ issue_refund: async () => { runs++; await slow; return "refunded"; } }, { timeoutMs: 5 });
  const [t] = await router.run([call("toolu_1")]);
  assert.equal(t?.ok === false ? t.errors[0]?.code : "ok", "tool.timeout");
  assert.equal(t?.record.layer, "execution");
  const [busy] = await router.run([call("toolu_1")]);
  assert.equal(busy?.ok === false ? busy.errors[0]?.code : "ok", "tool.in_flight");
  finish();
  await new Promise((r) => setTimeout(r, 0));
  const [after] = await router.run([call("toolu_1")]);
  assert.equal(after?.content, "refunded");
  assert.equal(runs, 1);
});

test("router › a result with no JSON form is a handoff failure, not an exception", async () => {
  const router = createSupportRouter({ issue_refund: () => ({ big: 10n }) });
  const [o] = await router.run([call("toolu_1")]);
  assert.equal(o?.ok === false ? o.errors[0]?.code : "ok", "tool.unserializable_result");
  assert.equal(o?.record.layer, "handoff");
});

test("router records › one per call with contract, version, schema hash, layer, code, call id; sent to onEvent", async () => {
  const seen: CallRecord[] = [];
  const { router } = refunds({ onEvent: (r) => void seen.push(r), attempt: 3 });
  await router.anthropic({ content: [
    { type: "tool_use", id: "t_ok", name: "issue_refund", input: REFUND },
    { type: "tool_use", id: "t_bad", name: "issue_refund", input: REFUND_BAD },
    { type: "tool_use", id: "t_unknown", name: "delete_account", input: {} },
  ], stop_reason: "tool_use" });
  assert.deepEqual(seen.map((r) => [r.kind, r.tool, r.callId, r.contract, r.version, r.layer, r.code, r.ok, r.attempt]), [
    ["tool", "issue_refund", "t_ok", "issue-refund", 2, "handoff", "ok", true, 3],
    ["tool", "issue_refund", "t_bad", "issue-refund", 2, "arguments", seen[1]?.code, false, 3],
    ["tool", "delete_account", "t_unknown", "", 0, "selection", "tool.unknown", false, 3],
  ]);
  assert.match(seen[1]?.code ?? "", /^schema\./);
  assert.match(seen[0]?.schemaHash ?? "", /^sha256:/);
  assert.equal(seen[2]?.schemaHash, "");
});
