/** The bounded text memo (src/memo/text-memo.ts) behind the run's validator and printed-types memos. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { TextMemo } from "../../src/memo/text-memo.js";

test("text memo › bounded: the oldest entries go past the limit; one larger than the limit is not kept", () => {
  const memo = new TextMemo(30);
  memo.set("a", "x".repeat(10));
  memo.set("b", "x".repeat(10));
  memo.set("c", "x".repeat(10));
  assert.deepEqual(memo.keys(), ["b", "c"], "the oldest dropped");
  assert.equal(memo.get("a"), undefined);
  memo.set("b", "y".repeat(10));
  assert.deepEqual(memo.keys(), ["c", "b"], "set again: counted once, now the newest");
  memo.set("d", "x".repeat(30));
  assert.deepEqual(memo.keys(), ["c", "b"], "larger than the limit: not kept, nothing dropped for it");
  assert.equal(memo.get("b"), "y".repeat(10));
  memo.set("e", "z");
  assert.deepEqual(memo.keys(), ["c", "b", "e"], "within the limit again: all three kept");
  memo.clear();
  assert.deepEqual(memo.keys(), []);
});
