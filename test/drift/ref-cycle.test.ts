/**
 * Drift and a `$ref` cycle through in-place applicators only: one finder (src/ir/in-place-cycle.ts) for the loader
 * and drift. Schemas handed to `diffSchemas` directly are refused as `drift.infinite-recursion` at the node where the
 * cycle was entered, with its path; files read by `diff` (and a project's, by `drift`) meet the loader's
 * `schema.ref-cycle` first. A recursive schema gets a verdict.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { diffSchemas } from "../../src/drift/diff.js";
import { InputError } from "../../src/errors.js";
import type { Draft, JsonObject } from "../../src/ir/json.js";
import { assertInputError, assertVerdict, diffFiles } from "./cli-helpers.js";

const TWO_REFS: JsonObject = { type: "object", properties: { cyc: { $ref: "#/$defs/A" } }, $defs: { A: { $ref: "#/$defs/B" }, B: { $ref: "#/$defs/A" } } };

async function refusal(schema: JsonObject, draft: Draft = "2020-12"): Promise<InputError> {
  const plain = { schema: { type: "object" }, draft, file: "old.json" } as const;
  try {
    await diffSchemas(plain, { schema, draft, file: "new.json" });
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e;
  }
  assert.fail("diffSchemas accepted the cycle");
}

test("drift › a cycle of $ref-only definitions is refused at its entry, with the path", async () => {
  const { diagnostic } = await refusal(TWO_REFS);
  assert.deepEqual([diagnostic.code, diagnostic.file, diagnostic.pointer], ["drift.infinite-recursion", "new.json", "/$defs/A"]);
  assert.match(diagnostic.message, /\(#\/\$defs\/A → #\/\$defs\/B → #\/\$defs\/A\)/);
});

test("drift › a draft-07 schema dependency back to the root is a cycle too (as the build finds it)", async () => {
  const { diagnostic } = await refusal({ type: "object", dependencies: { x: { $ref: "#" } } }, "draft-07");
  assert.deepEqual([diagnostic.code, diagnostic.pointer], ["drift.infinite-recursion", ""]);
  assert.match(diagnostic.message, /\(# → #\/dependencies\/x → #\)/);
});

test("drift › diff of files: the loader's schema.ref-cycle with line:col; a recursive schema gets a verdict", async () => {
  const r = await diffFiles({ type: "object" }, TWO_REFS);
  assertInputError(r, "new", "/$defs/A", "schema.ref-cycle");
  assert.match(r.stderr, /^new\.json:\d+:\d+#/);
  const tree = (extra: object) => ({ type: "object", properties: { kids: { type: "array", items: { $ref: "#" } } }, ...extra });
  assertVerdict(await diffFiles(tree({}), tree({ maxProperties: 1 })), "incompatible", /^(compatible|unknown)$/);
});
