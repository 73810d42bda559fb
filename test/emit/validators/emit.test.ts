import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { fullFormats } from "ajv-formats/dist/formats.js";
import type { Draft, JsonObject } from "../../../src/ir/json.js";
import { createAjv, emitValidator } from "../../../src/emit/validators/index.js";
import { forbiddenConstructs } from "../../../src/emit/validators/lexer.js";
import { byteStrings, dateTimeStrings, numbers, regexStrings, uriStrings } from "./corpus.js";

interface GeneratedModule {
  validate: ((data: unknown) => boolean) & { errors?: unknown[] | null };
  default: unknown;
}

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "llmc-emit-"));
process.on("exit", () => fs.rmSync(tmpDir, { recursive: true, force: true }));
let moduleCount = 0;

/** Writes the generated source to a file and imports it, as a project does. */
async function load(source: string): Promise<GeneratedModule> {
  const file = path.join(tmpDir, `validator-${moduleCount++}.mjs`);
  fs.writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)) as GeneratedModule;
}

const NUMBER_FORMATS = new Set(["int32", "int64", "float", "double"]);

/** Every ajv-formats format, plus the keywords that need ajv's runtime helpers. */
function everythingSchema(): JsonObject {
  const properties: JsonObject = {};
  for (const name of Object.keys(fullFormats))
    properties[name] = { type: NUMBER_FORMATS.has(name) ? "number" : "string", format: name };
  properties["unique"] = { type: "array", uniqueItems: true };
  properties["constObject"] = { const: { a: [1, { b: null }] } };
  properties["enumObject"] = { enum: [{ a: 1 }, [1, 2]] };
  properties["short"] = { type: "string", minLength: 2, maxLength: 3 };
  return { type: "object", properties };
}

test("a schema using every format, uniqueItems, const/enum objects and string lengths emits a zero-import module", async () => {
  const source = emitValidator({ schema: everythingSchema(), draft: "2020-12" });
  assert.deepEqual(forbiddenConstructs(source), []);
  assert.doesNotMatch(source, /\brequire\(|\bimport[\s(]|\beval\(|new Function/);
  assert.doesNotMatch(source, /ajv/);
  const module = await load(source);
  assert.equal(module.default, module.validate);
  assert.equal(
    module.validate({
      short: "ab",
      unique: [{ a: 1 }, { a: 2 }],
      constObject: { a: [1, { b: null }] },
      enumObject: [1, 2],
    }),
    true,
  );
  assert.equal(module.validate({ short: "\ud83d\ude00" }), false, "one code point is below minLength 2");
  assert.equal(module.validate({ short: "\ud83d\ude00\ud83d\ude00" }), true);
  assert.equal(module.validate({ unique: [{ a: 1 }, { a: 1 }] }), false);
  assert.equal(module.validate({ constObject: { a: [1, { b: 0 }] } }), false);
});

test("the generated validator agrees with ajv in memory on every format across the test corpus", async () => {
  const schema = everythingSchema();
  const module = await load(emitValidator({ schema, draft: "2020-12" }));
  const inMemory = createAjv("2020-12").compile(schema);
  const strings = [...dateTimeStrings(), ...uriStrings(), ...regexStrings(), ...byteStrings()];
  for (const name of Object.keys(fullFormats)) {
    const values: readonly unknown[] = NUMBER_FORMATS.has(name) ? numbers() : strings;
    for (const value of values) {
      const data = { [name]: value };
      assert.equal(module.validate(data), inMemory(data), `${name}: ${JSON.stringify(value)}`);
    }
  }
});

test("only the helpers and formats a schema uses are emitted", () => {
  const plain = emitValidator({ schema: { type: "object", properties: { n: { type: "integer" } }, additionalProperties: false }, draft: "2020-12" });
  assert.doesNotMatch(plain, /llmc/);
  // An open object bounds no depth: the fast path walks the value (src/emit/fast/depth.ts), and needs nothing else.
  const open = emitValidator({ schema: { type: "object", properties: { n: { type: "integer" } } }, draft: "2020-12" });
  assert.deepEqual([...new Set(open.match(/\bllmc\w+/g))], ["llmcWithinDepth"]);
  const dated = emitValidator({ schema: { type: "string", format: "date-time" }, draft: "2020-12" });
  assert.match(dated, /function llmcDateTime\(/);
  assert.match(dated, /function llmcDate\(/, "dependencies come along");
  assert.doesNotMatch(dated, /llmcUri|llmcEqual|llmcUcs2length/);
});

test("emitting the same schema twice gives byte-identical output", () => {
  assert.equal(
    emitValidator({ schema: everythingSchema(), draft: "2020-12" }),
    emitValidator({ schema: everythingSchema(), draft: "2020-12" }),
  );
});

for (const draft of ["draft-07", "2019-09", "2020-12"] as const satisfies readonly Draft[]) {
  test(`properties named toString and constructor are looked up as own properties (${draft})`, async () => {
    const optional = await load(
      emitValidator({
        schema: { type: "object", properties: { toString: { type: "string" }, constructor: { type: "number" } } },
        draft,
      }),
    );
    assert.equal(optional.validate({}), true, "inherited toString/constructor are not the data's properties");
    assert.equal(optional.validate(JSON.parse('{"toString": 1}')), false);
    const required = await load(
      emitValidator({
        schema: { type: "object", properties: { constructor: { type: "number" } }, required: ["constructor"] },
        draft,
      }),
    );
    assert.equal(required.validate({}), false, "a missing required constructor is missing even though {} inherits one");
    assert.equal(required.validate(JSON.parse('{"constructor": 5}')), true);
  });
}

test("const and enum objects with a __proto__ member compare like ajv in memory", async () => {
  const schema: JsonObject = JSON.parse(
    '{"type": "object", "properties": {"c": {"const": {"__proto__": 1}}, "e": {"enum": [{"__proto__": {"x": 1}}]}}}',
  ) as JsonObject;
  const module = await load(emitValidator({ schema, draft: "2020-12" }));
  const inMemory = createAjv("2020-12").compile(schema);
  for (const text of ['{"c": {"__proto__": 1}}', '{"c": {}}', '{"e": {"__proto__": {"x": 1}}}', '{"e": {}}']) {
    const data: unknown = JSON.parse(text);
    assert.equal(module.validate(data), inMemory(data), text);
  }
  assert.equal(module.validate(JSON.parse('{"c": {"__proto__": 1}}')), true);
  assert.equal(module.validate(JSON.parse('{"c": {}}')), false);
});

test("schema text that looks like code stays inside string literals", async () => {
  const hostile = 'require("fs"); import("x"); eval("1"); new Function("") */ ${x} \u2028';
  const schema: JsonObject = {
    type: "object",
    properties: { [hostile]: { const: hostile, description: hostile } },
    required: [hostile],
  };
  const source = emitValidator({ schema, draft: "2020-12" });
  assert.deepEqual(forbiddenConstructs(source), []);
  const module = await load(source);
  assert.equal(module.validate({ [hostile]: hostile }), true);
  assert.equal(module.validate({ [hostile]: "other" }), false);
});

test("all errors are reported in one run, with ajv's error objects", async () => {
  const module = await load(
    emitValidator({
      schema: { type: "object", properties: { a: { type: "string" }, b: { type: "integer" } }, required: ["c"] },
      draft: "2020-12",
    }),
  );
  assert.equal(module.validate({ a: 1, b: "x" }), false);
  assert.deepEqual(
    (module.validate.errors as { instancePath: string; keyword: string }[])
      .map((e) => `${e.instancePath} ${e.keyword}`)
      .sort(),
    [" required", "/a type", "/b type"],
  );
});

test("strict mode is the default: an unknown keyword does not compile", () => {
  assert.throws(
    () => emitValidator({ schema: { type: "object", propertyOrdering: ["a"] }, draft: "2020-12" }),
    /unknown keyword/,
  );
  assert.doesNotThrow(() =>
    emitValidator({ schema: { type: "object", propertyOrdering: ["a"] }, draft: "2020-12", strict: false }),
  );
});

test("extra schemas are resolved by $id without any loading", async () => {
  const module = await load(
    emitValidator({
      schema: { $ref: "https://example.test/name.json" },
      draft: "2020-12",
      extraSchemas: [{ $id: "https://example.test/name.json", type: "string", minLength: 1 }],
    }),
  );
  assert.equal(module.validate("x"), true);
  assert.equal(module.validate(""), false);
});
