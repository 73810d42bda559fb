/**
 * Sloppy but unambiguous `$schema` spellings (issue 17, point 7): read as the draft they name, with a warning
 * naming the file and pointer, and the bundle carries the draft's own URI; a URI that names no draft stays an
 * input error. `diff` reads them the same way and prints the warning on stderr before its verdict.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { uPattern, variantDraft } from "../../src/load/lenient.js";
import type { JsonObject } from "../../src/ir/json.js";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";
import { project, throwsInput } from "./helpers.js";

test("lenient › variant spellings name their draft; others name none", () => {
  const want: [string, string | undefined][] = [
    ["https://json-schema.org/draft-07/schema", "draft-07"],
    ["https://json-schema.org/draft-07/schema#", "draft-07"],
    ["http://json-schema.org/draft-04/schema/", "draft-04"],
    ["http://JSON-Schema.org/draft-06/schema#", "draft-06"],
    ["http://json-schema.org/draft/2020-12/schema", "2020-12"],
    ["https://json-schema.org/draft/2019-09/schema/#", "2019-09"],
    ["http://json-schema.org/schema#", "2020-12"],
    ["http://json-schema.org/draft-03/schema#", undefined],
    ["https://json-schema.org/draft-08/schema", undefined],
    ["https://example.com/draft-07/schema", undefined],
    ["json-schema.org/draft-07/schema-x", undefined],
  ];
  for (const [uri, draft] of want) assert.equal(variantDraft(uri), draft, uri);
});

test("lenient › the loader reads a variant as its draft, warns at /$schema, and bundles the draft's own URI", () => {
  const p = project({ "a/v1.json": { $schema: "https://json-schema.org/draft-07/schema", type: "array", items: [{ type: "string" }] } });
  const loaded = p.load("a/v1.json");
  assert.equal(loaded.draft, "draft-07");
  assert.equal(loaded.schema["$schema"], "http://json-schema.org/draft-07/schema");
  assert.equal(loaded.warnings?.length, 1);
  const w = loaded.warnings![0]!;
  assert.deepEqual([w.code, w.file, w.pointer, w.line], ["schema.draft-spelling", "schemas/a/v1.json", "/$schema", 2]);
  assert.match(w.message, /read as draft-07/);
  // The draft's own spelling: no warning.
  assert.equal(project({ "a/v1.json": { $schema: "http://json-schema.org/draft-07/schema#" } }).load("a/v1.json").warnings, undefined);
  // A URI naming no draft is still refused.
  throwsInput(() => project({ "a/v1.json": { $schema: "https://json-schema.org/draft-08/schema" } }).load("a/v1.json"), {
    code: "schema.unknown-draft",
    file: "schemas/a/v1.json",
    pointer: "/$schema",
  });
});

test("lenient › diff reads a variant spelling, warns on stderr and judges it as the draft", async () => {
  const old = { $schema: "https://json-schema.org/draft-07/schema", type: "array", items: [{ type: "string" }], additionalItems: false };
  const neu = { $schema: "http://json-schema.org/draft-07/schema#", type: "array", items: [{ type: "string" }], additionalItems: false };
  const r = await runCliHere(["diff", "old.json", "new.json"], makeProject({ "old.json": old, "new.json": neu }));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /backward compatible, forward compatible/);
  assert.match(r.stderr, /^warning: old\.json:2:\d+#\/\$schema: \$schema "https:\/\/json-schema\.org\/draft-07\/schema" is not the draft's own URI; read as draft-07 .*\[schema\.draft-spelling\]\n$/);
});

test("lenient › patterns valid only without the u flag get their u form; valid and ambiguous ones are left as written", () => {
  const want: [string, string | undefined][] = [
    ["^[\\w-_.]+$", "^[\\w\\-_.]+$"],
    ["^{?[0-9a-f]{8}}?$", "^\\{?[0-9a-f]{8}\\}?$"],
    ["^\\_x\\:$", "^_x:$"],
    ["a]", "a\\]"],
    ["^[a-z]+$", undefined], // valid with u already
    ["\\p{L}", undefined], // valid with u, and means something else without it
    ["\\1", undefined], // octal or backreference: ambiguous
    ["\\e", undefined], // a letter escape: a typo or the letter
    ["(", undefined], // invalid either way
  ];
  for (const [p, u] of want) {
    assert.equal(uPattern(p), u, p);
    if (u !== undefined) assert.doesNotThrow(() => new RegExp(u, "u"));
  }
});

test("lenient › the loader rewrites such a pattern with a warning at its pointer; diff judges the rewritten pattern", async () => {
  const schema = { type: "object", properties: { id: { type: "string", pattern: "^[\\w-_.]+$" } } };
  const loaded = project({ "a/v1.json": schema }).load("a/v1.json");
  assert.equal((loaded.schema["properties"] as { id: { pattern: string } }).id.pattern, "^[\\w\\-_.]+$");
  assert.deepEqual(loaded.warnings?.map((w) => [w.code, w.pointer]), [["schema.pattern-rewritten", "/properties/id/pattern"]]);
  const r = await runCliHere(["diff", "old.json", "new.json"], makeProject({ "old.json": schema, "new.json": schema }));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stderr.split("\n").filter((l) => l.includes("[schema.pattern-rewritten]")).length, 2, r.stderr);
  // Ambiguous: left as written, and refused as before (one line, file and pointer, exit 2).
  const bad = { type: "string", pattern: "^\\e$" };
  const refused = await runCliHere(["diff", "old.json", "new.json"], makeProject({ "old.json": bad, "new.json": bad }));
  assert.equal(refused.code, 2, refused.stdout + refused.stderr);
  assert.match(refused.stderr, /#\/pattern: .*\[drift\.invalid-pattern\]/);
});

test("lenient › the generic current-version $schema is read as 2020-12 only when no keyword says the schema is older", () => {
  const current = "http://json-schema.org/schema#";
  const plain = project({ "a/v1.json": { $schema: current, type: "object", properties: { a: { type: "array", items: { type: "string" } } } } }).load("a/v1.json");
  assert.equal(plain.draft, "2020-12");
  assert.equal(plain.warnings?.[0]?.code, "schema.draft-spelling");
  const cases: [JsonObject, string][] = [
    [{ $schema: current, type: "array", items: [{ type: "string" }] }, "/items"],
    [{ $schema: current, properties: { a: { dependencies: { b: ["c"] } } } }, "/properties/a/dependencies"],
    [{ $schema: current, $defs: { "x/y": { type: "array", additionalItems: false } } }, "/$defs/x~1y/additionalItems"],
    [{ $schema: current, anyOf: [{}, { $recursiveRef: "#" }] }, "/anyOf/1/$recursiveRef"],
  ];
  for (const [schema, pointer] of cases) {
    throwsInput(() => project({ "a/v1.json": schema }).load("a/v1.json"), { code: "schema.ambiguous-draft", file: "schemas/a/v1.json", pointer: "/$schema" });
    try {
      project({ "a/v1.json": schema }).load("a/v1.json");
    } catch (e) {
      assert.ok(String((e as Error).message).includes(`(at ${pointer})`), `${String((e as Error).message)} names ${pointer}`);
    }
  }
  // Data is not a schema: an enum value or a default that happens to hold "items": [...] says nothing.
  const data = project({ "a/v1.json": { $schema: current, enum: [{ items: [1] }], default: { dependencies: 1 } } }).load("a/v1.json");
  assert.equal(data.draft, "2020-12");
  // A named draft is never second-guessed.
  assert.equal(project({ "a/v1.json": { $schema: "https://json-schema.org/draft-07/schema", items: [{}] } }).load("a/v1.json").draft, "draft-07");
});
