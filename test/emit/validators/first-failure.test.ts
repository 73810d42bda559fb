/**
 * The generated module's two validators: `validate` (all errors) and `validateFirst` (first failure, for
 * `is<Contract>`), the cheaper own-property guards they share, and the shape that keeps them tree-shakable.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Draft, JsonObject } from "../../../src/ir/json.js";
import { createAjv, emitValidator } from "../../../src/emit/validators/index.js";
import { tempDir } from "../../util/project.js";

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string }[] | null };
interface GeneratedModule {
  readonly validate: Validate;
  readonly validateFirst: Validate;
}

const dir = tempDir("llmc-first-");

/** ajv's errors without the `message` the generated modules drop. */
function strip(errors: readonly { readonly message?: string }[] | null | undefined): unknown[] | null {
  return errors === null || errors === undefined ? null : errors.map(({ message: _message, ...rest }) => rest);
}
let count = 0;
async function load(source: string): Promise<GeneratedModule> {
  const file = path.join(dir, `v${count++}.mjs`);
  fs.writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)) as GeneratedModule;
}

const TRIAGE: JsonObject = {
  type: "object",
  properties: {
    category: { enum: ["billing", "technical"] },
    summary: { type: "string", minLength: 1, maxLength: 20 },
    tags: { type: "array", items: { type: "string", pattern: "^[a-z]+$" }, uniqueItems: true },
    escalation: { $ref: "#/$defs/Escalation" },
  },
  required: ["category", "summary"],
  additionalProperties: false,
  $defs: { Escalation: { type: "object", properties: { reason: { type: ["string", "null"] } }, required: ["reason"] } },
};

test("validateFirst stops at the first failure; validate reports them all", async () => {
  const module = await load(emitValidator({ schema: TRIAGE, draft: "2020-12" }));
  const bad = { category: "sales", summary: "", tags: ["A", "A"], extra: 1 };
  assert.equal(module.validate(bad), false);
  assert.ok((module.validate.errors ?? []).length >= 4, "all errors");
  assert.equal(module.validateFirst(bad), false);
  assert.equal(module.validateFirst.errors, undefined, "without recursion it is the fast path: an answer, no error list");
  const good = { category: "billing", summary: "ok", tags: ["a", "b"], escalation: { reason: null } };
  assert.equal(module.validate(good), true);
  assert.equal(module.validateFirst(good), true);
  // A recursive schema keeps ajv's first-failure code, which the fast path falls back to past its $ref bound.
  const tree: JsonObject = { $ref: "#/$defs/n", $defs: { n: { type: "object", properties: { c: { type: "array", items: { $ref: "#/$defs/n" } } }, additionalProperties: false } } };
  const recursive = await load(emitValidator({ schema: tree, draft: "2020-12" }));
  assert.equal(recursive.validateFirst({ c: [{ x: 1, y: 2 }] }), false);
  assert.equal(recursive.validateFirst.errors?.length, 1, "one error");
});

test("both validators agree with ajv in memory on the same options, case by case", async () => {
  const module = await load(emitValidator({ schema: TRIAGE, draft: "2020-12" }));
  const all = createAjv("2020-12").compile(TRIAGE);
  const first = createAjv("2020-12", { firstFailure: true }).compile(TRIAGE);
  const cases: unknown[] = [
    {},
    { category: "billing", summary: "x" },
    { category: "billing", summary: "x", escalation: {} },
    { category: "billing", summary: "x", escalation: { reason: 3 } },
    { category: "billing", summary: "x".repeat(21) },
    { category: "billing", summary: "x", tags: ["a", "a"] },
    JSON.parse('{"category": "billing", "summary": "x", "__proto__": 1}'),
    [],
    null,
    "text",
  ];
  for (const data of cases) {
    assert.equal(module.validate(data), all(data), JSON.stringify(data));
    assert.equal(module.validateFirst(data), first(data), JSON.stringify(data));
  }
});

for (const draft of ["draft-07", "2019-09", "2020-12"] as const satisfies readonly Draft[]) {
  test(`validateFirst looks up toString, constructor and __proto__ as own properties (${draft})`, async () => {
    // Through JSON.parse: in an object literal `__proto__` would set the prototype instead.
    const schema = JSON.parse(
      '{"type": "object", "properties": {"toString": {"type": "string"}, "constructor": {"type": "number"}, ' +
        '"__proto__": {"type": "number"}}, "required": ["constructor"]}',
    ) as JsonObject;
    const module = await load(emitValidator({ schema, draft }));
    const inMemory = createAjv(draft).compile(schema);
    for (const check of [module.validate, module.validateFirst]) {
      assert.equal(check({}), false, "an inherited constructor is not the data's own");
      assert.equal(check(JSON.parse('{"constructor": 5}')), true);
      assert.equal(check(JSON.parse('{"constructor": 5, "toString": 1}')), false);
      const ownProto: unknown = JSON.parse('{"constructor": 5, "__proto__": "x"}');
      assert.equal(check(ownProto), inMemory(ownProto), "an own __proto__ is treated as ajv in memory treats it");
      assert.equal(check(Object.assign(Object.create(null) as object, { constructor: 5 })), true, "no prototype");
    }
  });
}

test("the hasOwnProperty guard is kept exactly for names Object.prototype has", () => {
  const source = emitValidator({
    schema: { type: "object", properties: { plain: { type: "string" }, valueOf: { type: "string" } }, required: ["plain", "valueOf"] },
    draft: "2020-12",
  });
  assert.doesNotMatch(source, /\.call\(data, "plain"\)/);
  assert.match(source, /\.call\(data, "valueOf"\)/);
});

test("the module has no top-level assignments: evaluated properties are set on first call", async () => {
  // `unevaluatedProperties`: our all-errors collector leaves it to ajv, whose code is under test (the fast path covers it here).
  const source = emitValidator({ schema: { ...TRIAGE, unevaluatedProperties: false }, draft: "2020-12" });
  assert.doesNotMatch(source, /[;}]validate\d+f?\.evaluated = /);
  assert.match(source, /\/\* @__PURE__ \*\/ new RegExp\(/);
  const module = await load(source);
  assert.equal(module.validate({ category: "billing", summary: "x", escalation: { reason: "r" } }), true);
  assert.equal(typeof (module.validate as unknown as { evaluated?: unknown }).evaluated, "object");
});

test("unevaluatedProperties through a $ref still sees what the referenced schema evaluated", async () => {
  const schema: JsonObject = {
    type: "object",
    $ref: "#/$defs/Base",
    properties: { b: { type: "number" } },
    unevaluatedProperties: false,
    $defs: { Base: { type: "object", properties: { a: { type: "string" } } } },
  };
  const module = await load(emitValidator({ schema, draft: "2020-12" }));
  for (const check of [module.validate, module.validateFirst]) {
    assert.equal(check({ a: "x", b: 1 }), true);
    assert.equal(check({ a: "x", c: 1 }), false);
  }
});

test("the whole schema is not embedded: only the values the code reads", () => {
  const source = emitValidator({
    schema: { type: "object", description: "a long description nobody validates", properties: { c: { enum: ["x", "y"] } } },
    draft: "2020-12",
  });
  assert.doesNotMatch(source, /a long description/);
  assert.match(source, /\[\s*"x",\s*"y"\s*\]/);
});

test("additionalProperties over many names looks the key up in a keys-only table, own keys only", async () => {
  const names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "constructor", "__proto__"];
  const properties = JSON.parse(`{${names.map((n) => `${JSON.stringify(n)}: {"type": "number", "description": "long text"}`).join(", ")}}`) as JsonObject;
  // With `unevaluatedProperties` (which our fast path and collector leave to ajv) the module keeps ajv's code;
  // without, it carries our collector, which must give the same errors for the same names.
  const schema: JsonObject = { type: "object", properties, additionalProperties: false, unevaluatedProperties: false };
  const source = emitValidator({ schema, draft: "2020-12" });
  assert.match(source, /\.call\(schema0v\d+f?, key\d+f?\)/, "ajv's table lookup is in use");
  assert.doesNotMatch(source, /long text/);
  const module = await load(source);
  const plain: JsonObject = { type: "object", properties, additionalProperties: false };
  const ours = await load(emitValidator({ schema: plain, draft: "2020-12" }));
  const all = createAjv("2020-12").compile(schema);
  for (const text of ['{"a": 1}', '{"toString": 1}', '{"constructor": 1}', '{"__proto__": 1}', '{"hasOwnProperty": 1}', '{"zz": 1}', '{"a": "x", "zz": 1, "__proto__": 2}']) {
    const data: unknown = JSON.parse(text);
    assert.equal(module.validate(data), all(data), text);
    assert.equal(module.validateFirst(data), all(data), text);
    assert.equal(ours.validate(data), all(data), text);
    assert.deepEqual(ours.validate.errors ?? null, strip(all.errors), text);
  }
  assert.equal(module.validate(JSON.parse('{"toString": 1}')), false, "an inherited name is still an additional property");
});
