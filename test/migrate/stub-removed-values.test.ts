/**
 * A migration step whose `enum` lost many members (src/migrate/body.ts `replaced`). The stub once tested them as
 * one chain `input.p === "c1000" || …`, which TypeScript narrowed for seconds from a few hundred members and could
 * not read at all from about 900 (stack overflow in the migration gate's type-check). Past `MAX_INLINE_TERMS` the
 * stub tests one list with `includes` and says in a type what the chain's narrowing said: the body type-checks
 * under the strictest flags, replaces exactly the removed values, and keeps the others.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import vm from "node:vm";
import { ts } from "../../src/typescript.js";
import { jsonLiteral } from "../../src/emit/codegen/escape.js";
import { MAX_INLINE_TERMS } from "../../src/emit/codegen/chain.js";
import { analyzeStep } from "../../src/migrate/analyze.js";
import { renderBody } from "../../src/migrate/body.js";
import type { JsonObject, JsonValue } from "../../src/ir/json.js";
import { typecheck } from "../emit/types/typecheck.js";

const strings = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, i) => `c${from + i}`);
const union = (members: readonly JsonValue[]): string => members.map((m) => jsonLiteral(m)).join(" | ");
const obj = (properties: JsonObject, required: string[]): JsonObject => ({ type: "object", properties, required, additionalProperties: false });

/** The step from `old` members to `kept`: `p` required with a default, `q` optional without one (a decision). */
function module(old: readonly JsonValue[], kept: readonly JsonValue[]): string {
  const analysis = analyzeStep("demo", 1, obj({ p: { enum: [...old] }, q: { enum: [...old] } }, ["p"]), obj({ p: { enum: [...kept], default: "c0" }, q: { enum: [...kept] } }, ["p"]));
  const body = renderBody(analysis, "demo v1 → v2", 2);
  return [
    `type Old = { p: ${union(old)}; q?: ${union(old)} };`,
    `type New = { p: ${union(kept)}; q?: ${union(kept)} };`,
    `declare function notImplemented(reason: string): never;`,
    `export function up(input: Old): New {`,
    ...body.split("\n").map((l) => `  ${l}`),
    `}`,
  ].join("\n");
}

for (const [old, kept] of [
  // 2,001 removed: strings and a number; null and another number kept.
  [[...strings(0, 5000), 7, -2.5, null], [...strings(0, 3000), -2.5, null]],
  // At the limit: the comparisons, as ever.
  [strings(0, MAX_INLINE_TERMS + 10), strings(0, 10)],
] as [JsonValue[], JsonValue[]][]) {
  const removed = old.length - kept.length;
  test(`stub › ${removed} removed enum values: the body type-checks under the strictest flags and replaces exactly them`, () => {
    const text = module(old, kept);
    assert.equal(text.includes(".includes(input.p)"), removed > MAX_INLINE_TERMS);
    assert.deepEqual(typecheck({ "step.ts": text }, "nodenext").map((d) => d.text), []);
    const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
    const exports: { up?: (input: unknown) => unknown } = {};
    vm.runInNewContext(js, { exports, notImplemented: () => "(decided)" });
    const keptSet = new Set<unknown>(kept);
    for (const value of old) {
      const want = keptSet.has(value) ? value : "c0";
      assert.equal(JSON.stringify(exports.up!({ p: value })), JSON.stringify({ p: want }), JSON.stringify(value));
      const q = exports.up!({ p: "c1", q: value }) as { q: unknown };
      assert.equal(q.q, keptSet.has(value) ? value : "(decided)", JSON.stringify(value));
    }
    assert.equal(JSON.stringify(exports.up!({ p: "c1" })), '{"p":"c1"}');
  });
}
