/**
 * Large `enum`s (src/emit/fast/members.ts). A validator module with an `enum` of 1,000 members once held a chain
 * `v === "c0" || … || v === "c999"` that TypeScript could not read ("Maximum call stack size exceeded" in its
 * binder: `tsc` over generated/, `migrate`'s `transpileModule`). Past `MAX_INLINE_TERMS` members the module now
 * tests a module-level `Set` (and a list for object and array members): TypeScript reads it, and every validator
 * of the module (fast path, first-failure, all-errors, worded) answers as ajv does on every member and on near
 * misses, with ajv's error list. Up to `MAX_INLINE_TERMS` members the comparisons are written as before.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ts } from "../../../src/typescript.js";
import { MAX_INLINE_TERMS } from "../../../src/emit/codegen/chain.js";
import { emitValidator } from "../../../src/emit/validators/index.js";
import type { JsonObject, JsonValue } from "../../../src/ir/json.js";
import { pair } from "./load.js";

const strings = (n: number): string[] => Array.from({ length: n }, (_, i) => `c${i}`);
const numbers = (n: number): number[] => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? i : -i - 0.25));

interface Case {
  readonly name: string;
  readonly members: readonly JsonValue[];
  /** Values to probe besides the members: some equal to a member in JSON (`-0`, `1.0`), most near misses. */
  readonly probes: readonly unknown[];
  readonly type?: string;
}

const CASES: readonly Case[] = [
  { name: "5,000 strings", type: "string", members: strings(5000), probes: ["c5000", "C0", "c0 ", " c1", "c", "", "c-1", 0, null, ["c0"], { c0: 1 }] },
  { name: "5,000 numbers", type: "number", members: numbers(5000), probes: [-0, 1.0, 2.0000000000000004, 1.5, 1, -1, 5000, -1.25, "0", "2", null, true, [0], { 0: 0 }] },
  {
    name: "mixed, 5,000 each of strings and numbers, null, booleans, objects and arrays",
    members: [null, true, "1", 2, ...strings(5000), ...numbers(5000), { a: 1 }, { b: [1, { c: null }] }, [1, 2], [], {}],
    probes: [false, 1, "2", "null", "true", -0, 4.0, { a: 1.0 }, { a: "1" }, { a: 1, b: 2 }, { b: [1, { c: null }] }, [1, 2.0], [2, 1], [1, 2, 3], [[]], [{}], "c5000", 3, undefined, NaN],
  },
];

/** The most `||` any one line of `code` holds. */
function longestOr(code: string): number {
  return Math.max(...code.split("\n").map((line) => line.split("||").length - 1));
}

function transpiles(code: string): void {
  ts.transpileModule(code, { fileName: "v1.validate.ts", compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
}

for (const c of CASES) {
  test(`large enum › ${c.name}: TypeScript reads the module, and every validator answers as ajv on members and near misses`, async () => {
    const property: JsonObject = { enum: [...c.members], ...(c.type !== undefined ? { type: c.type } : {}) };
    const schema: JsonObject = { type: "object", properties: { v: property }, required: ["v"], additionalProperties: false };
    const both = await pair(schema, "2020-12");
    assert.ok(both !== undefined);
    assert.doesNotThrow(() => transpiles(both.code));
    assert.ok(longestOr(both.code) <= MAX_INLINE_TERMS, `a line with ${longestOr(both.code)} ||`);
    assert.doesNotMatch(both.code, /The fast path does not cover/);
    assert.match(both.code, /\/\* @__PURE__ \*\/ new Set\(/);
    const { validate, validateFirst, validateFast, validateWorded } = both.module;
    assert.ok(validateWorded !== undefined, "the module keeps our all-errors collector");
    for (const member of c.members) {
      const doc = { v: member };
      assert.equal(validateFast(doc), true, JSON.stringify(member));
      assert.equal(validateFirst(doc), true, JSON.stringify(member));
      assert.equal(validateWorded(doc), true, JSON.stringify(member));
      assert.equal(validate(doc), true, JSON.stringify(member));
    }
    for (const probe of c.probes) {
      const doc = { v: probe };
      const want = both.ajv(doc);
      const label = `${String(probe)} (${JSON.stringify(probe)})`;
      assert.equal(validateFast(doc), want, label);
      assert.equal(validateFirst(doc), want, label);
      assert.equal(validateWorded(doc), want, label);
      assert.equal(validate(doc), want, label);
      const strip = (errors: readonly { instancePath: string; schemaPath: string; keyword: string; params: unknown }[] | null | undefined) =>
        (errors ?? []).map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
      assert.deepEqual(strip(validate.errors), strip(both.ajvErrors()), label);
    }
  });
}

test("large enum › near misses are rejected: another type, a member's text or number of another type, a nearby value", async () => {
  // Not left to ajv alone: the probes' verdicts, written down.
  const both = await pair({ enum: [null, "1", 2, ...strings(5000), { a: 1 }, [1, 2]] }, "2020-12");
  assert.ok(both !== undefined);
  assert.doesNotThrow(() => transpiles(both.code));
  for (const yes of [null, "1", 2, 2.0, "c0", "c4999", { a: 1 }, { a: 1.0 }, [1, 2]]) assert.equal(both.module.validateFast(yes), true, JSON.stringify(yes));
  for (const no of ["c5000", 1, "2", 1.5, "null", false, 0, {}, { a: "1" }, [2, 1], [1, 2, 3], undefined, NaN]) assert.equal(both.module.validateFast(no), false, String(no));
  // Without null among the members, null is no member.
  const noNull = await pair({ enum: strings(5000) }, "2020-12");
  assert.equal(noNull?.module.validateFast(null), false);
});

test("large enum › up to MAX_INLINE_TERMS members the comparisons are written inline as before; one more gives the lookup", () => {
  const chainOf = (members: readonly string[], value: string): string => members.map((m) => `${value} === ${JSON.stringify(m)}`).join(" || ");
  const at = strings(MAX_INLINE_TERMS);
  const inline = emitValidator({ schema: { type: "object", properties: { v: { type: "string", enum: at } } }, draft: "2020-12" });
  // The fast path's check, the all-errors collector's and the worded one's: each the whole chain, in order.
  const values = [...inline.matchAll(/if \(!\((fastp\d+) === "c0" \|\|/g)].map((m) => m[1]!);
  assert.equal(values.length, 3);
  for (const value of values) assert.ok(inline.includes(`if (!(${chainOf(at, value)})) `), `the chain on ${value}`);
  assert.ok(inline.includes(`if (!(${chainOf(at, values[2]!)})) return false;`), "the fast path's check");
  assert.doesNotMatch(inline, /new Set\(|llmcEqualAny/);
  const past = emitValidator({ schema: { type: "object", properties: { v: { type: "string", enum: strings(MAX_INLINE_TERMS + 1) } } }, draft: "2020-12" });
  assert.doesNotMatch(past, /=== "c0" \|\|/);
  assert.match(past, /if \(!\(fastE\d+\.has\(fastp\d+\)\)\) return false;/);
});

test("large enum › object and array members are compared by content, once per module", () => {
  const members: JsonValue[] = [...strings(MAX_INLINE_TERMS), { a: 1 }, [1]];
  const code = emitValidator({ schema: { type: "object", properties: { v: { enum: members }, w: { enum: members } } }, draft: "2020-12" });
  // One Set and one list, shared by both properties and by the fast path and the collectors.
  assert.equal(code.match(/ = \/\* @__PURE__ \*\/ new Set\(/g)?.length, 1);
  assert.match(code, /llmcEqualAny\(fastp\d+, fastC\d+\)/);
});
