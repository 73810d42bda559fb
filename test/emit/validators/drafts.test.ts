import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Diagnostic } from "../../../src/errors.js";
import type { JsonObject, JsonValue } from "../../../src/ir/json.js";
import { createAjv, emitValidator, schemaDiagnostics } from "../../../src/emit/validators/index.js";
import { forbiddenConstructs } from "../../../src/emit/validators/lexer.js";

const FILE = "schemas/old.v1.json";
const D04 = "http://json-schema.org/draft-04/schema#";
const D06 = "http://json-schema.org/draft-06/schema#";

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "llmc-drafts-"));
process.on("exit", () => fs.rmSync(tmpDir, { recursive: true, force: true }));
let count = 0;

async function load(source: string): Promise<(data: unknown) => boolean> {
  const file = path.join(tmpDir, `v${count++}.mjs`);
  fs.writeFileSync(file, source);
  return ((await import(pathToFileURL(file).href)) as { validate: (data: unknown) => boolean }).validate;
}

const where = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.code} ${d.pointer ?? "-"}`);

/** A draft-04 schema using every keyword whose standalone code needs an inlined helper or format. */
const HELPERS04: JsonObject = {
  $schema: D04,
  type: "object",
  properties: {
    short: { type: "string", minLength: 2, maxLength: 3 },
    unique: { type: "array", uniqueItems: true },
    choice: { enum: [{ a: 1 }, [1, 2]] },
    when: { type: "string", format: "date-time" },
    n: { type: "number", minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true },
  },
  dependencies: { short: ["n"], n: { required: ["when"] } },
};

const SAMPLES: readonly JsonValue[] = [
  {},
  { short: "ab", n: 0.5, when: "2026-12-01T10:00:00Z" },
  { short: "😀😀", n: 0.5, when: "2026-12-01T10:00:00Z" },
  { short: "a", n: 0.5, when: "2026-12-01T10:00:00Z" },
  { short: "ab" },
  { n: 0.5 },
  { n: 0, when: "2026-12-01T10:00:00Z" },
  { n: 1, when: "2026-12-01T10:00:00Z" },
  { when: "yesterday" },
  { unique: [1, { a: 1 }, { a: 1 }] },
  { unique: [1, { a: 1 }] },
  { choice: { a: 1 } },
  { choice: [1, 2] },
  { choice: { a: 2 } },
];

test("draft-04 validators are self-contained (inlined ucs2length, equal, formats) and agree with ajv-draft-04", async () => {
  assert.deepEqual(schemaDiagnostics(HELPERS04, "draft-04", FILE), []);
  const source = emitValidator({ schema: HELPERS04, draft: "draft-04" });
  assert.deepEqual(forbiddenConstructs(source), []);
  for (const helper of ["llmcUcs2length", "llmcEqual", "llmcDateTime"]) assert.match(source, new RegExp(`\\b${helper}\\b`));
  // Function formats are referenced directly, never read from a formats object (a read a bundler cannot drop).
  assert.doesNotMatch(source, /\bllmcFormats\b/);
  const generated = await load(source);
  const inMemory = createAjv("draft-04").compile(HELPERS04);
  for (const sample of SAMPLES) assert.equal(generated(sample), inMemory(sample), JSON.stringify(sample));
  assert.equal(generated({ n: 0, when: "2026-12-01T10:00:00Z" }), false, "exclusiveMinimum: true excludes the bound");
  assert.equal(generated({ short: "ab" }), false, "array dependencies apply");
});

test("draft-06 validators use the draft-06 meta-schema and agree with ajv in memory", async () => {
  const schema: JsonObject = {
    $schema: D06,
    type: "object",
    properties: { n: { type: "number", exclusiveMinimum: 0 }, k: { const: "p" }, xs: { type: "array", contains: { type: "string" } } },
    propertyNames: { maxLength: 2 },
  };
  assert.deepEqual(schemaDiagnostics(schema, "draft-06", FILE), []);
  const generated = await load(emitValidator({ schema, draft: "draft-06" }));
  const inMemory = createAjv("draft-06").compile(schema);
  for (const sample of [{}, { n: 0 }, { n: 1 }, { k: "p" }, { k: "q" }, { xs: [1] }, { xs: [1, "a"] }, { long: 1 }]) {
    assert.equal(generated(sample), inMemory(sample), JSON.stringify(sample));
  }
  assert.equal(generated({ n: 0 }), false);
  assert.equal(generated({ long: 1 }), false);
});

test("each draft's meta-schema judges its own exclusive bounds", () => {
  const numeric = (draft: string): JsonObject => ({ $schema: draft, type: "number", exclusiveMinimum: 5 });
  const flag = (draft: string): JsonObject => ({ $schema: draft, type: "number", minimum: 5, exclusiveMinimum: true });
  // Draft-04 also says a flag needs its bound (the meta-schema's own `dependencies`), reported at the schema.
  assert.deepEqual(where(schemaDiagnostics(numeric(D04), "draft-04", FILE)), ["schema.meta ", "schema.meta /exclusiveMinimum"]);
  assert.deepEqual(where(schemaDiagnostics(flag(D04), "draft-04", FILE)), []);
  assert.deepEqual(where(schemaDiagnostics(flag(D06), "draft-06", FILE)), ["schema.meta /exclusiveMinimum"]);
  assert.deepEqual(where(schemaDiagnostics(numeric(D06), "draft-06", FILE)), []);
  const orphan = schemaDiagnostics({ $schema: D04, type: "number", exclusiveMaximum: true }, "draft-04", FILE);
  assert.deepEqual(where(orphan), ["schema.meta "]);
  assert.match(orphan[0]!.message, /maximum/);
});

test("draft-04 has no boolean subschemas; draft-06 has them", () => {
  const schema = (draft: string): JsonObject => ({ $schema: draft, type: "object", properties: { a: false } });
  assert.deepEqual(where(schemaDiagnostics(schema(D04), "draft-04", FILE)), ["schema.meta /properties/a"]);
  assert.deepEqual(where(schemaDiagnostics(schema(D06), "draft-06", FILE)), []);
});
