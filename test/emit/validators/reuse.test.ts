import { test } from "node:test";
import assert from "node:assert/strict";
import type { JsonObject } from "../../../src/ir/json.js";
import { standaloneCode, type AjvInstance } from "../../../src/emit/validators/ajv.js";
import { createAjv, createLoggingAjv } from "../../../src/emit/validators/options.js";
import { withAjv } from "../../../src/emit/validators/reuse.js";
import { compileValidator } from "../../../src/emit/validators/index.js";

/*
 * A lent instance must compile every schema exactly as a new instance does, whatever it compiled before: the same
 * generated names, the same `$id`s accepted, the same formats known. Each schema below leaves something behind in
 * an instance (ids, anchors, nested ids, patterns, formats, a compiled meta-schema, a failed compile).
 */
const SCHEMAS: readonly JsonObject[] = [
  { $id: "urn:test:a", type: "object", properties: { x: { type: "string", pattern: "^a+$" } }, required: ["x"] },
  { type: "array", items: { $ref: "#/$defs/n" }, $defs: { n: { $anchor: "num", type: "number", minimum: 1 } } },
  { $id: "urn:test:a", type: "object", properties: { y: { type: "string", format: "email" } } },
  { type: "object", properties: { inner: { $id: "urn:test:inner", type: "string", pattern: "^b$" } } },
  { type: "object", properties: { inner: { $id: "urn:test:inner", type: "integer" } } },
  { $ref: "https://json-schema.org/draft/2020-12/schema" },
  { type: "object", properties: { p: { $ref: "#/$defs/missing" } } },
  { type: "string", format: "made-up-format" },
  { type: "object", properties: { x: { type: "string", pattern: "^c+$" } }, additionalProperties: false },
];

function fresh(schema: JsonObject, create: () => AjvInstance): string {
  const ajv = create();
  return standaloneCode(ajv, ajv.compile(schema));
}

function outcome(run: () => string): string {
  try {
    return run();
  } catch (error) {
    return `throws: ${error instanceof Error ? error.message : String(error)}`;
  }
}

test("a lent instance compiles each schema as a new instance does, in any order", () => {
  const create = (): AjvInstance => createAjv("2020-12", { validateSchema: false });
  for (const order of [SCHEMAS, [...SCHEMAS].reverse(), [...SCHEMAS, ...SCHEMAS]]) {
    for (const schema of order) {
      const lent = outcome(() => withAjv("test 2020-12", create, (ajv) => standaloneCode(ajv, ajv.compile(schema))));
      assert.equal(lent, outcome(() => fresh(schema, create)), JSON.stringify(schema));
    }
  }
});

test("formats registered on a lent instance are gone for the next compile", () => {
  const create = (): AjvInstance => createAjv("2020-12", { validateSchema: false });
  const schema: JsonObject = { type: "string", format: "made-up-format" };
  const registered = withAjv("test formats", create, (ajv) => {
    ajv.addFormat("made-up-format", true);
    return standaloneCode(ajv, ajv.compile(schema));
  });
  assert.match(registered, /validate/);
  assert.throws(() => withAjv("test formats", create, (ajv) => ajv.compile(schema)), /unknown format "made-up-format"/);
});

test("strict-mode findings are the same for the first compile and every later one", () => {
  const schema: JsonObject = { type: "object", properties: { a: { minLength: 1 } }, propertyOrdering: ["a"] };
  const messages = (): string[] => {
    const out: string[] = [];
    const ajv = createLoggingAjv("2020-12", (m) => out.push(m), false);
    ajv.compile(schema);
    return out;
  };
  const expected = messages();
  assert.ok(expected.length > 0);
  const first = compileValidator(schema, "2020-12", "s.json");
  compileValidator(SCHEMAS[0]!, "2020-12", "a.json");
  const again = compileValidator(schema, "2020-12", "s.json");
  assert.deepEqual(again, first);
  assert.ok(first.warnings.length + (first.ok ? 0 : first.problems.length) > 0);
});

test("an instance whose own schemas a compile changed is not lent again; others are", () => {
  let created = 0;
  const create = (): AjvInstance => {
    created++;
    return createAjv("2020-12", { validateSchema: false });
  };
  const compile = (schema: JsonObject): string => withAjv("test discard", create, (ajv) => standaloneCode(ajv, ajv.compile(schema)));
  compile(SCHEMAS[0]!);
  compile(SCHEMAS[3]!);
  assert.equal(created, 1);
  // Compiling a `$ref` to the meta-schema compiles the instance's own copy of it in place.
  compile({ $ref: "https://json-schema.org/draft/2020-12/schema" });
  compile(SCHEMAS[0]!);
  assert.equal(created, 2);
});
