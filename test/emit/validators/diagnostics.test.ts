import { test } from "node:test";
import assert from "node:assert/strict";
import type { Diagnostic } from "../../../src/errors.js";
import type { JsonObject } from "../../../src/ir/json.js";
import { emitValidator, schemaDiagnostics } from "../../../src/emit/validators/index.js";

const FILE = "schemas/ticket.v1.json";

/** `code pointer` pairs, the part of a diagnostic tests pin exactly. */
const where = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.code} ${d.pointer ?? "-"}`);

test("a valid schema has no diagnostics and emits", () => {
  const schema: JsonObject = {
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      tags: { type: "array", items: { type: "string" }, uniqueItems: true },
    },
    required: ["id", "notDescribed"],
    additionalProperties: false,
  };
  for (const draft of ["draft-07", "2019-09", "2020-12"] as const) {
    assert.deepEqual(schemaDiagnostics(schema, draft, FILE), []);
    assert.doesNotThrow(() => emitValidator({ schema, draft }));
  }
});

test("an unknown keyword is schema.strict at the keyword, wherever it is nested", () => {
  const schema: JsonObject = {
    type: "object",
    properties: {
      "a/b": { type: "string", propertyOrdering: ["x"] },
      list: { type: "array", items: { type: "integer", minimun: 1 } },
    },
  };
  const diagnostics = schemaDiagnostics(schema, "2020-12", FILE);
  assert.deepEqual(where(diagnostics), [
    "schema.strict /properties/a~1b/propertyOrdering",
    "schema.strict /properties/list/items/minimun",
  ]);
  assert.match(diagnostics[1]!.message, /unknown keyword "minimun"/);
  assert.ok(diagnostics.every((d) => d.file === FILE));
});

test("the same unknown keyword in several places is reported at each place once", () => {
  const schema: JsonObject = {
    type: "object",
    properties: { a: { type: "string", foo: 1 }, b: { type: "string", foo: 2 } },
  };
  assert.deepEqual(where(schemaDiagnostics(schema, "draft-07", FILE)), [
    "schema.strict /properties/a/foo",
    "schema.strict /properties/b/foo",
  ]);
});

test("a meta-schema violation is schema.meta at the offending value, with the allowed values", () => {
  const diagnostics = schemaDiagnostics({ type: "object", properties: { a: { type: "strnig" } } }, "2020-12", FILE);
  assert.deepEqual(where(diagnostics), ["schema.meta /properties/a/type"]);
  assert.match(diagnostics[0]!.message, /"type" must be one of "array", "boolean", .*"string"/);
});

test("meta-schema violations in several places are all reported", () => {
  const diagnostics = schemaDiagnostics(
    { type: "object", required: "id", properties: { n: { type: "number", minimum: "1" } } },
    "draft-07",
    FILE,
  );
  assert.deepEqual(where(diagnostics).sort(), ["schema.meta /properties/n/minimum", "schema.meta /required"]);
});

test("an invalid regular expression is schema.compile at the pattern or patternProperties key", () => {
  assert.deepEqual(where(schemaDiagnostics({ type: "string", pattern: "(" }, "2020-12", FILE)), [
    "schema.compile /pattern",
  ]);
  const keyed = schemaDiagnostics(
    { type: "object", patternProperties: { "^a/[": { type: "string" } } },
    "draft-07",
    FILE,
  );
  assert.deepEqual(where(keyed), ["schema.compile /patternProperties/^a~1["]);
});

test("a pattern that is only invalid with the Unicode flag is schema.compile at the pattern", () => {
  const diagnostics = schemaDiagnostics({ type: "string", pattern: "\\a" }, "2020-12", FILE);
  assert.deepEqual(where(diagnostics), ["schema.compile /pattern"]);
  assert.match(diagnostics[0]!.message, /Unicode/);
});

test("an unknown format is schema.strict at the format, alongside other strict problems", () => {
  const schema: JsonObject = {
    type: "object",
    properties: { a: { type: "string", format: "phone" }, b: { minLength: 1 } },
  };
  const diagnostics = schemaDiagnostics(schema, "2020-12", FILE);
  assert.deepEqual(where(diagnostics), ["schema.strict /properties/a/format", "schema.strict /properties/b/minLength"]);
  assert.match(diagnostics[0]!.message, /unknown format "phone"; supported formats: .*date-time/);
  assert.match(diagnostics[1]!.message, /add "type": "string"/);
});

test("a keyword without the type it applies to is schema.strict at the keyword", () => {
  const diagnostics = schemaDiagnostics(
    { type: "object", properties: { a: { properties: { b: { type: "string" } } } } },
    "2019-09",
    FILE,
  );
  assert.deepEqual(where(diagnostics), ["schema.strict /properties/a/properties"]);
  assert.match(diagnostics[0]!.message, /add "type": "object"/);
});

test("an open-ended tuple is schema.strict at prefixItems", () => {
  const diagnostics = schemaDiagnostics(
    { type: "array", prefixItems: [{ type: "string" }, { type: "number" }] },
    "2020-12",
    FILE,
  );
  assert.deepEqual(where(diagnostics), ["schema.strict /prefixItems"]);
  assert.match(diagnostics[0]!.message, /"minItems": 2/);
});

test("ignored if/then/else keywords are schema.strict where they are", () => {
  const schema: JsonObject = {
    type: "object",
    properties: { a: { type: "string", if: { minLength: 1 } }, b: { type: "string", then: { minLength: 1 } } },
  };
  assert.deepEqual(where(schemaDiagnostics(schema, "draft-07", FILE)), [
    "schema.strict /properties/a/if",
    "schema.strict /properties/b/then",
  ]);
});

test("an unresolvable $ref is schema.compile at the $ref", () => {
  const diagnostics = schemaDiagnostics(
    { type: "object", properties: { a: { $ref: "#/$defs/missing" } } },
    "2020-12",
    FILE,
  );
  assert.deepEqual(where(diagnostics), ["schema.compile /properties/a/$ref"]);
  assert.match(diagnostics[0]!.message, /#\/\$defs\/missing/);
});

test("a $schema this draft's validator does not know is schema.meta at $schema", () => {
  const diagnostics = schemaDiagnostics(
    { $schema: "https://json-schema.org/draft/2019-09/schema", type: "string" },
    "2020-12",
    FILE,
  );
  assert.deepEqual(where(diagnostics), ["schema.meta /$schema"]);
});

test("an $async schema is schema.compile at $async: standalone code for it would need an import", () => {
  const diagnostics = schemaDiagnostics({ $async: true, type: "object" }, "2020-12", FILE);
  assert.deepEqual(where(diagnostics), ["schema.compile /$async"]);
  assert.match(diagnostics[0]!.message, /not supported/);
});

test("an empty enum is schema.compile at the enum", () => {
  const diagnostics = schemaDiagnostics(
    { type: "object", properties: { a: { type: "string", enum: [] } } },
    "2020-12",
    FILE,
  );
  assert.deepEqual(where(diagnostics), ["schema.compile /properties/a/enum"]);
});

test("an unknown format used twice is reported at both places", () => {
  const schema: JsonObject = {
    type: "object",
    properties: { a: { type: "string", format: "phone" }, b: { type: "string", format: "phone" } },
  };
  assert.deepEqual(where(schemaDiagnostics(schema, "draft-07", FILE)), [
    "schema.strict /properties/a/format",
    "schema.strict /properties/b/format",
  ]);
});
