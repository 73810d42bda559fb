import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { IssueRefundBinding, TicketTriageBinding, createStructuredStream, readPartialJson } from "../../generated/_sdk/index.js";
import { parseTicketTriageV3Text } from "../../generated/ticket-triage/v3.js";
import { parseIssueRefundV2Text } from "../../generated/issue-refund/v2.js";
import { normalizeIssueRefundV2OpenaiStrict } from "../../generated/issue-refund/v2.providers.js";
import { chunks } from "./fixtures/openai-chat.js";
import { functionCallEvents } from "./fixtures/openai-responses.js";
import { toolUseEvents } from "./fixtures/anthropic.js";
import { REFUND, REFUND_STRICT, TRIAGE, TRIAGE_TEXT } from "./fixtures/values.js";

/** Valid ticket-triage v3 documents, pretty-printed or not. */
const triageDoc = fc
  .record({
    category: fc.constantFrom("billing", "technical", "account", "security", "other"),
    priority: fc.constantFrom("low", "medium", "high", "urgent"),
    summary: fc.string({ minLength: 1, maxLength: 40 }),
    tags: fc.uniqueArray(fc.constantFrom("secret-leak", "refund", "outage"), { maxLength: 3 }),
  })
  .chain((v) => fc.tuple(fc.constant({ ...TRIAGE, ...v }), fc.constantFrom(0, 2)))
  .map(([v, indent]) => JSON.stringify(v, null, indent));

test("stream › a proper prefix of a document never succeeds: it is json.truncated", () => {
  fc.assert(
    fc.property(triageDoc, fc.nat(), (doc, cut) => {
      assert.equal(parseTicketTriageV3Text(doc).ok, true, "the generator makes valid documents");
      const at = cut % doc.length; // 0 .. length-1: always a proper prefix
      const s = createStructuredStream(TicketTriageBinding, "openai");
      s.push(doc.slice(0, at));
      const r = s.end();
      assert.equal(r.ok, false);
      // The empty prefix has nothing to be cut off from; every other one is cut off.
      assert.equal(r.ok ? "ok" : r.errors[0]?.code, at === 0 ? "json.invalid" : "json.truncated");
    }),
    { numRuns: 300 },
  );
});

test("stream › the full document in any chunking gives exactly parse<C>Text's result, for any JSON text", () => {
  const anyText = fc.oneof(triageDoc, fc.json(), fc.string());
  fc.assert(
    fc.property(anyText, fc.array(fc.nat(), { maxLength: 8 }), (doc, cuts) => {
      const s = createStructuredStream(TicketTriageBinding, "openai");
      const points = [...new Set(cuts.map((c) => c % (doc.length + 1)))].sort((a, b) => a - b);
      let from = 0;
      for (const p of [...points, doc.length]) {
        s.push(doc.slice(from, p));
        from = p;
        s.snapshot(); // reading snapshots along the way changes nothing
      }
      assert.deepEqual(s.end(), parseTicketTriageV3Text(doc));
    }),
    { numRuns: 300 },
  );
});

test("stream › snapshots grow with the text and are typed deep-partials", () => {
  const s = createStructuredStream(TicketTriageBinding, "openai");
  assert.equal(s.snapshot(), undefined);
  s.push('{"category":"secur');
  assert.deepEqual(s.snapshot(), { category: "secur" });
  s.push('ity","priority":"urgent","escalation":{"required":tr');
  const snap = s.snapshot();
  assert.deepEqual(snap, { category: "security", priority: "urgent", escalation: {} });
  const category: string | undefined = snap?.category; // typed, no cast
  assert.equal(category, "security");
  s.push('ue},"tags":["a\\u00');
  assert.deepEqual(s.snapshot(), { category: "security", priority: "urgent", escalation: { required: true }, tags: ["a"] });
  assert.equal(s.end().ok, false);
});

test("stream › readPartialJson keeps __proto__ as data and holds back unfinished numbers", () => {
  const v = readPartialJson('{"__proto__":{"x":1},"n":12') as Record<string, unknown>;
  assert.deepEqual(Object.keys(v), ["__proto__"]);
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
  assert.deepEqual(readPartialJson('{"n":12,'), { n: 12 });
});

test("stream › openai chat chunks: content deltas, finish_reason length is json.truncated even for complete text", () => {
  const ok = createStructuredStream(TicketTriageBinding, "openai");
  for (const c of chunks(TRIAGE_TEXT, 7)) ok.pushOpenAIChunk(c);
  assert.deepEqual(ok.end(), { ok: true, value: TRIAGE });
  const cut = createStructuredStream(TicketTriageBinding, "openai");
  for (const c of chunks(TRIAGE_TEXT, 7, "length")) cut.pushOpenAIChunk(c);
  const r = cut.end();
  assert.equal(r.ok ? "ok" : r.errors[0]?.code, "json.truncated");
});

test("stream › openai responses function_call_arguments deltas, normalized like the non-streamed path", () => {
  const s = createStructuredStream(IssueRefundBinding, "openai");
  for (const e of functionCallEvents("issue_refund", JSON.stringify(REFUND_STRICT), 9)) s.pushOpenAIResponseEvent(e);
  assert.deepEqual(s.end(), parseIssueRefundV2Text(JSON.stringify(REFUND_STRICT), { normalize: normalizeIssueRefundV2OpenaiStrict }));
  const other = createStructuredStream(IssueRefundBinding, "openai");
  for (const e of functionCallEvents("lookup-order", "{}", 9)) other.pushOpenAIResponseEvent(e);
  const r = other.end();
  assert.equal(r.ok ? "ok" : r.errors[0]?.code, "model.no_tool_call");
});

test("stream › anthropic input_json_delta events; stop_reason max_tokens is json.truncated", () => {
  const s = createStructuredStream(IssueRefundBinding, "anthropic");
  for (const e of toolUseEvents("issue_refund", JSON.stringify(REFUND), 5)) s.pushAnthropicEvent(e);
  assert.deepEqual(s.end(), { ok: true, value: REFUND });
  const cut = createStructuredStream(IssueRefundBinding, "anthropic");
  for (const e of toolUseEvents("issue_refund", JSON.stringify(REFUND).slice(0, 50), 5, "max_tokens")) cut.pushAnthropicEvent(e);
  const r = cut.end();
  assert.equal(r.ok ? "ok" : r.errors[0]?.code, "json.truncated");
});
