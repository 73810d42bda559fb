/**
 * The run memo of validators (src/compile/validator-cache.ts `runMemo`): a schema of the same shape as one compiled
 * before in this thread (other file, other annotation text) takes that compile's code without compiling, and gets
 * exactly what its own compile gives; a compile with a warning or a refusal is never reused, so each file's
 * diagnostics name that file; a reused code that happens to contain one of the new schema's annotation texts is
 * not reused (the cache's guard); the memo drops its oldest entries past its bound.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Diagnostic } from "../../src/errors.js";
import type { Draft, JsonObject } from "../../src/ir/json.js";
import { compileValidator } from "../../src/emit/validators/index.js";
import { blindValidator, runMemo, type CacheEntryOut } from "../../src/compile/validator-cache.js";
import { HOSTILE } from "../emit/types/cases-hostile.js";
import { compositionCases } from "../emit/types/cases-composition.js";
import { objectCases } from "../emit/types/cases-objects.js";
import { refCases } from "../emit/types/cases-refs.js";
import { reannotated } from "./reannotate.js";

/** `blindValidator` with a compile that counts its calls. */
async function viaMemo(schema: JsonObject, draft: Draft, display: string, calls: { n: number }, out: CacheEntryOut[] = []) {
  return blindValidator(undefined, out, { schema, draft, display, policy: undefined }, async () => {
    calls.n++;
    return compileValidator(schema, draft, display);
  });
}

test("run memo › a schema of the same shape in another file gets its own compile's result without compiling", async () => {
  runMemo.clear();
  let reused = 0;
  const cases = [...compositionCases, ...objectCases, ...refCases];
  for (const [i, c] of cases.entries()) {
    const calls = { n: 0 };
    const first = await viaMemo(structuredClone(c.schema), c.draft, "schemas/a/v1.json", calls);
    const text = HOSTILE[i % HOSTILE.length]!;
    const other = reannotated(c.schema, (t) => `${t}${text}`);
    const out: CacheEntryOut[] = [];
    const second = await viaMemo(other, c.draft, "schemas/b/v2.json", calls, out);
    // What the second file's own compile gives, diagnostics naming it included.
    assert.deepEqual(second, compileValidator(reannotated(c.schema, (t) => `${t}${text}`), c.draft, "schemas/b/v2.json"), c.name);
    const clean = first.ok && first.warnings.length === 0;
    if (clean && calls.n === 1) reused++;
    if (!clean) assert.equal(calls.n, 2, `${c.name}: a compile with diagnostics is compiled again for each file`);
    // The cache entry of the second file is the one its own compile would have stored, under its own key.
    if (second.ok && out.length === 1) {
      assert.match(out[0]![1], /^[^\n]+\nschemas\/b\/v2\.json\n/);
      assert.deepEqual(out[0]![2], { code: second.code, warnings: second.warnings });
    }
  }
  assert.ok(reused >= cases.length / 2, `reused ${reused} of ${cases.length}`);
});

test("run memo › a warning or a refusal is compiled again for each file, and names it", async () => {
  runMemo.clear();
  const warns: JsonObject = { type: "object", properties: { at: { type: "string", format: "no-such-format" } } };
  const refused: JsonObject = { type: "object", properties: { n: { type: "integer", minimumm: 1 } } };
  for (const schema of [warns, refused]) {
    const calls = { n: 0 };
    const files = ["schemas/a/v1.json", "schemas/b/v1.json", "schemas/c/v1.json"];
    const results = [];
    for (const file of files) results.push(await viaMemo(structuredClone(schema), "2020-12", file, calls));
    assert.equal(calls.n, 3);
    results.forEach((r, i) => {
      const diagnostics: readonly Diagnostic[] = [...r.warnings, ...(r.ok ? [] : r.problems)];
      assert.ok(diagnostics.length > 0, JSON.stringify(r));
      for (const d of diagnostics) assert.equal(d.file, files[i]);
    });
  }
  assert.deepEqual(runMemo.keys(), []);
});

test("run memo › code containing the new schema's annotation text is compiled anew and not stored", async () => {
  runMemo.clear();
  const calls = { n: 0 };
  const shape = (description: string): JsonObject => ({ type: "object", description, properties: { s: { type: "string" } }, required: ["s"] });
  const first = await viaMemo(shape("Alpha beta gamma."), "2020-12", "schemas/a/v1.json", calls);
  assert.ok(first.ok);
  // A word the validator's code is sure to contain.
  const out: CacheEntryOut[] = [];
  const second = await viaMemo(shape("function"), "2020-12", "schemas/b/v1.json", calls, out);
  assert.equal(calls.n, 2, "not taken from the memo");
  assert.deepEqual(out, [], "not stored, as without the memo");
  assert.deepEqual(second, compileValidator(shape("function"), "2020-12", "schemas/b/v1.json"));
  await viaMemo(shape("Delta."), "2020-12", "schemas/c/v1.json", calls);
  assert.equal(calls.n, 2, "a third file of the same shape is taken from the memo");
});
