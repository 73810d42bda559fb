/** The pure parts of the catalogue: the schema tree's bounds, the atomic site write. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { schemaTree } from "../../src/catalogue/html/tree.js";
import { MARKER_FILE } from "../../src/catalogue/site.js";
import { writeSite } from "../../src/catalogue/write.js";
import type { JsonObject } from "../../src/ir/json.js";
import { tempDir } from "../util/project.js";

test("tree › properties, required, enums, limits, descriptions and $ref links", () => {
  const schema: JsonObject = {
    type: "object",
    required: ["a"],
    properties: { a: { type: ["string", "null"], maxLength: 3, description: "the A" }, b: { $ref: "#/$defs/B" }, c: { enum: [1, "two", null] } },
    $defs: { B: { type: "array", items: { const: true } } },
  };
  const text = schemaTree(schema, "v1").text;
  assert.match(text, /<span class="key">a<\/span> <span class="req">required<\/span>: <span class="type">string \| null<\/span> <span class="muted">maxLength: <code>3<\/code><\/span><div class="desc">the A<\/div>/);
  assert.match(text, /<a href="#v1-def-.23..2f..24.defs.2f.B"><code>#\/\$defs\/B<\/code><\/a>/);
  assert.match(text, /<ul class="tree" id="v1-def-.23..2f..24.defs.2f.B">/, "the link's target exists");
  assert.match(text, /one of <span class="enum"><code>1<\/code> <code>&quot;two&quot;<\/code> <code>null<\/code><\/span>/);
  assert.match(text, /<span class="key">\[items\]<\/span>: const <span class="enum"><code>true<\/code><\/span>/);
});

test("tree › a schema nested deeper than the bound is cut with a note, and a huge one after 2,000 nodes", () => {
  let deep: JsonObject = { type: "string" };
  for (let i = 0; i < 200; i++) deep = { type: "object", properties: { x: deep } };
  const text = schemaTree(deep, "v1").text;
  assert.match(text, /nested deeper than 24 levels/);
  assert.ok((text.match(/<li>/g) ?? []).length <= 26);
  const wide: JsonObject = { type: "object", properties: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`p${i}`, { type: "integer" }])) };
  const cut = schemaTree(wide, "v1").text;
  assert.match(cut, /The tree is cut after 2000 nodes/);
  assert.ok((cut.match(/<li>/g) ?? []).length <= 2000);
});

test("tree › boolean schemas and non-schema values do not throw", () => {
  const text = schemaTree({ properties: { t: true, f: false, n: 3 as unknown as JsonObject }, items: [true] } as unknown as JsonObject, "v1").text;
  assert.match(text, /<span class="key">t<\/span>: <span class="type">anything<\/span>/);
  assert.match(text, /<span class="key">f<\/span>: <span class="type">nothing \(false\)<\/span>/);
  assert.match(text, /<span class="key">n<\/span>: <span class="muted">not a schema<\/span>/);
});

test("writeSite › a failure while writing leaves the old site as it was and no staging folder", () => {
  const root = tempDir("llm-contracts-site-");
  const out = path.join(root, "site");
  const first = new Map([["index.html", "old"], [MARKER_FILE, "m"]]);
  assert.equal(writeSite(out, "site", first).changed, true);
  // "a" is both a file and a folder: the second write fails part-way.
  const broken = new Map([["index.html", "new"], ["a", "file"], ["a/b.html", "inside"], [MARKER_FILE, "m"]]);
  assert.throws(() => writeSite(out, "site", broken));
  assert.equal(readFileSync(path.join(out, "index.html"), "utf8"), "old");
  assert.deepEqual(readdirSync(root), ["site"]);
});

test("writeSite › an empty folder is used; a file or a foreign folder is refused with a docs.* input error", () => {
  const root = tempDir("llm-contracts-site-");
  mkdirSync(path.join(root, "empty"));
  assert.equal(writeSite(path.join(root, "empty"), "empty", new Map([[MARKER_FILE, "m"]])).changed, true);
  assert.ok(existsSync(path.join(root, "empty", MARKER_FILE)));
  writeFileSync(path.join(root, "file"), "x");
  assert.throws(() => writeSite(path.join(root, "file"), "file", new Map()), (e: Error & { diagnostic?: { code: string } }) => e.diagnostic?.code === "docs.out-not-folder");
  mkdirSync(path.join(root, "foreign"));
  writeFileSync(path.join(root, "foreign", "x"), "x");
  assert.throws(() => writeSite(path.join(root, "foreign"), "foreign", new Map()), (e: Error & { diagnostic?: { code: string } }) => e.diagnostic?.code === "docs.out-not-catalogue");
});
