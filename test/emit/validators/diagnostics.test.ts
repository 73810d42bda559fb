import { test } from "node:test";
import assert from "node:assert/strict";
import type { Diagnostic } from "../../../src/errors.js";
import type { JsonObject } from "../../../src/ir/json.js";
import { emitValidator, schemaDiagnostics } from "../../../src/emit/validators/index.js";
import { schemaFindings } from "../../../src/emit/validators/diagnostics.js";
import type { StrictPolicy } from "../../../src/strictness/index.js";

const FILE = "schemas/ticket.v1.json";

/** `code pointer` pairs, the part of a diagnostic tests pin exactly. */
const where = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.code} ${d.pointer ?? "-"}`);

/** `severity code pointer` of every finding, errors first, under `policy`. */
function findings(schema: JsonObject, draft: "draft-07" | "2019-09" | "2020-12", policy?: StrictPolicy): string[] {
  const r = schemaFindings(schema, draft, FILE, policy);
  return [...where(r.errors).map((w) => `error ${w}`), ...where(r.warnings).map((w) => `warn ${w}`)];
}

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

test("an unknown keyword is a warning at the keyword, a near miss of a known one an error with did you mean", () => {
  const schema: JsonObject = {
    type: "object",
    properties: {
      "a/b": { type: "string", propertyOrdering: ["x"] },
      list: { type: "array", items: { type: "integer", minimun: 1, MaxItems: 2 } },
    },
  };
  assert.deepEqual(findings(schema, "2020-12"), [
    "error strict.keyword-typo /properties/list/items/minimun",
    "error strict.keyword-typo /properties/list/items/MaxItems",
    "warn strict.unknown-keyword /properties/a~1b/propertyOrdering",
  ]);
  const r = schemaFindings(schema, "2020-12", FILE);
  assert.match(r.errors[0]!.message, /unknown keyword "minimun"; did you mean "minimum"\?/);
  assert.match(r.errors[1]!.message, /did you mean "maxItems"\?/);
  assert.match(r.warnings[0]!.message, /"propertyOrdering" is not checked/);
  assert.ok([...r.errors, ...r.warnings].every((d) => d.file === FILE));
});

test("the same unknown keyword in several places is reported at each place once", () => {
  const schema: JsonObject = {
    type: "object",
    properties: { a: { type: "string", foo: 1 }, b: { type: "string", foo: 2 } },
  };
  assert.deepEqual(findings(schema, "draft-07"), [
    "warn strict.unknown-keyword /properties/a/foo",
    "warn strict.unknown-keyword /properties/b/foo",
  ]);
});

test("annotations real schemas carry build without any finding", () => {
  const schema: JsonObject = {
    type: "object",
    "x-vendor": { any: "thing" },
    discriminator: { propertyName: "kind" },
    properties: {
      a: { type: "string", example: "x", markdownDescription: "**a**", deprecated: true, $comment: "c", readOnly: true },
      b: { type: "string", enum: ["x"], enumDescriptions: ["d"], markdownEnumDescriptions: ["d"], errorMessage: "e" },
      c: { type: "object", defaultSnippets: [{ body: {} }], deprecationMessage: "old", "x-taplo": { hidden: true } },
      d: { type: ["string", "null"], writeOnly: true, nullable: true },
    },
  };
  for (const draft of ["draft-07", "2019-09", "2020-12"] as const) assert.deepEqual(findings(schema, draft), []);
});

test("a keyword of another draft is unknown, not a typo of its neighbour", () => {
  assert.deepEqual(findings({ type: "array", additionalItems: false }, "2020-12"), [
    "warn strict.unknown-keyword /additionalItems",
  ]);
  assert.deepEqual(findings({ type: "object", dependentRequired: { a: ["b"] } }, "draft-07"), [
    "warn strict.unknown-keyword /dependentRequired",
  ]);
});

test("config severities turn a warning into an error, an error into a warning, or hide a finding", () => {
  const schema: JsonObject = { type: "object", properties: { a: { minLength: 1, foo: 1, requierd: [] } } };
  assert.deepEqual(findings(schema, "2020-12"), [
    "error strict.keyword-typo /properties/a/requierd",
    "warn strict.unknown-keyword /properties/a/foo",
    "warn strict.missing-type /properties/a/minLength",
  ]);
  const policy: StrictPolicy = {
    severity: { "missing-type": "error", "strict.keyword-typo": "warn", "unknown-keyword": "off" },
    formats: {},
  };
  assert.deepEqual(findings(schema, "2020-12", policy), [
    "error strict.missing-type /properties/a/minLength",
    "warn strict.keyword-typo /properties/a/requierd",
  ]);
  assert.equal(schemaFindings(schema, "2020-12", FILE, policy).code, undefined, "an error must leave no code");
  assert.equal(typeof schemaFindings(schema, "2020-12", FILE).code, "undefined");
  const lenient: StrictPolicy = { severity: { "keyword-typo": "off" }, formats: {} };
  assert.equal(typeof schemaFindings(schema, "2020-12", FILE, lenient).code, "string");
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

test("an unknown format is a not-validated warning at the format, alongside other findings", () => {
  const schema: JsonObject = {
    type: "object",
    properties: { a: { type: "string", format: "phone" }, b: { minLength: 1 }, c: { type: "string", format: "emial" } },
  };
  assert.deepEqual(findings(schema, "2020-12"), [
    "warn strict.unknown-format /properties/a/format",
    "warn strict.unknown-format /properties/c/format",
    "warn strict.missing-type /properties/b/minLength",
  ]);
  const r = schemaFindings(schema, "2020-12", FILE);
  assert.match(r.warnings[0]!.message, /format "phone" is not validated/);
  assert.match(r.warnings[1]!.message, /did you mean "email"\?/);
  assert.match(r.warnings[2]!.message, /add "type": "string"/);
});

test("a keyword without the type it applies to is a missing-type warning at the keyword", () => {
  assert.deepEqual(findings({ type: "object", properties: { a: { properties: { b: { type: "string" } } } } }, "2019-09"), [
    "warn strict.missing-type /properties/a/properties",
  ]);
});

test("an open-ended tuple is an open-tuple warning at prefixItems, also with items: false", () => {
  assert.deepEqual(findings({ type: "array", prefixItems: [{ type: "string" }, { type: "number" }] }, "2020-12"), [
    "warn strict.open-tuple /prefixItems",
  ]);
  // Spec-valid: at most two items, of these types; shorter arrays are fine. It must build.
  const closed: JsonObject = { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], items: false };
  const r = schemaFindings(closed, "2020-12", FILE);
  assert.deepEqual(r.errors, []);
  assert.equal(typeof r.code, "string");
});

test("ignored if/then/else keywords are ignored-keyword warnings where they are", () => {
  const schema: JsonObject = {
    type: "object",
    properties: { a: { type: "string", if: { minLength: 1 } }, b: { type: "string", then: { minLength: 1 } } },
  };
  assert.deepEqual(findings(schema, "draft-07"), [
    "warn strict.ignored-keyword /properties/a/if",
    "warn strict.ignored-keyword /properties/b/then",
  ]);
});

test("minContains above maxContains is unsatisfiable: an error", () => {
  assert.deepEqual(findings({ type: "array", contains: { type: "string" }, minContains: 3, maxContains: 1 }, "2020-12"), [
    "error strict.unsatisfiable /minContains",
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
  assert.deepEqual(findings(schema, "draft-07"), [
    "warn strict.unknown-format /properties/a/format",
    "warn strict.unknown-format /properties/b/format",
  ]);
});
