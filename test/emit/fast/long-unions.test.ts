/**
 * Other lists the schema sizes that generated code once wrote as one chain or one nesting per item, which
 * TypeScript could not read past a few hundred or a thousand items (src/emit/codegen/chain.ts): `anyOf` and
 * `oneOf` branches (the fast path's `||` and `+`, the all-errors collector's nested blocks), a discriminated
 * `oneOf` (an `else if` per branch), property names beside `patternProperties` under `additionalProperties`.
 * For each, past `MAX_INLINE_TERMS`: TypeScript reads the module, the new form is the one written, and every
 * validator answers as ajv does, with ajv's error list, on values that pass one branch, two, or none.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { ts } from "../../../src/typescript.js";
import type { Draft, JsonObject } from "../../../src/ir/json.js";
import { pair, type AjvError } from "./load.js";

const N = 1200;
const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

function strip(errors: readonly AjvError[] | null | undefined): unknown[] {
  return (errors ?? []).map(({ instancePath, schemaPath, keyword, params }) => ({ instancePath, schemaPath, keyword, params }));
}

/** The module of `schema` through TypeScript, and every validator against ajv on `values`. */
async function agrees(schema: JsonObject, draft: Draft, values: readonly unknown[], shape: RegExp): Promise<void> {
  const both = await pair(schema, draft);
  assert.ok(both !== undefined);
  assert.doesNotThrow(() => ts.transpileModule(both.code, { fileName: "v1.validate.ts", compilerOptions: { module: ts.ModuleKind.ESNext } }));
  assert.match(both.code, shape);
  assert.doesNotMatch(both.code, /The fast path does not cover/);
  for (const value of values) {
    const want = both.ajv(value);
    const label = JSON.stringify(value);
    assert.equal(both.module.validateFast(value), want, label);
    assert.equal(both.module.validateFirst(value), want, label);
    assert.equal(both.module.validateWorded?.(value), want, label);
    assert.equal(both.module.validate(value), want, label);
    assert.deepEqual(strip(both.module.validate.errors), strip(both.ajvErrors()), label);
  }
}

// Branch i accepts "c<i>"; the last accepts every string starting "c1", so those pass two branches.
const branches = [...range(N, (i) => ({ const: `c${i}` })), { type: "string", pattern: "^c1" }];
const unionValues = ["c0", "c1", "c15", "c1199", "c2", "c1200", "x", 3, null];

for (const draft of ["2020-12", "draft-07"] as const) {
  test(`long unions › anyOf of ${N} branches, ${draft}: a balanced || in the fast path, flat blocks in the collector`, async () => {
    // Before 2019-09 the collector stops at the first passing branch: a labelled block it leaves, not N nested ifs.
    const flat = draft === "draft-07" ? /fastu\d+: \{/ : /\(\(fastS\d+\(data, d\) \|\|/;
    await agrees({ anyOf: branches }, draft, unionValues, flat);
  });

  test(`long unions › oneOf of ${N} branches, ${draft}: the collector's branches side by side, not nested`, async () => {
    await agrees({ oneOf: branches }, draft, unionValues, /fastu\d+: \{[^]*break fastu\d+;/);
  });
}

test(`long unions › a discriminated oneOf of ${N / 2} branches dispatches with a switch`, async () => {
  const kinds = range(N / 2, (i) => ({
    type: "object",
    properties: { kind: { const: `k${i}` }, n: { type: "integer", minimum: i } },
    required: ["kind"],
  }));
  // One branch tagged by an enum of many values: its cases sit side by side too.
  const wide = { type: "object", properties: { kind: { enum: range(100, (i) => `w${i}`) }, w: { type: "boolean" } }, required: ["kind", "w"] };
  const values = [{ kind: "k0", n: 0 }, { kind: "k7", n: 7 }, { kind: "k7", n: 6 }, { kind: "k599" }, { kind: "k600" }, { kind: "w50", w: true }, { kind: "w50" }, { kind: 7 }, {}, "k7", null];
  await agrees({ oneOf: [...kinds, wide] }, "2020-12", values, /switch \(fastt\d+\) \{\n\s+case "k0":/);
});

test(`long unions › ${N} property names beside patternProperties under additionalProperties: false`, async () => {
  const schema: JsonObject = {
    type: "object",
    properties: Object.fromEntries(range(N, (i) => [`p${i}`, { type: "integer" }])),
    patternProperties: { "^x-": { type: "string" } },
    additionalProperties: false,
  };
  const values = [{ p0: 1, p1199: 2, "x-a": "s" }, { p1200: 1 }, { "x-a": 1 }, { p5: "s" }, { q: 1, p3: 3 }, {}];
  await agrees(schema, "2020-12", values, /\(\(fastk\d+ === "p0" \|\|/);
});
