/**
 * The types skeleton (src/emit/types/skeleton.ts): printing through tokens and filling them gives byte for byte
 * what printing the descriptions directly gives, on every table case (hostile ones included), the golden, the
 * bundled demo schemas and generated hostile descriptions; a description edit is answered from the store without
 * printing; a damaged store entry is printed anew. The SchemaStore corpus is in skeleton-corpus.test.ts (long).
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import type { JsonObject } from "../../../src/ir/json.js";
import { emitTypes } from "../../../src/emit/types/index.js";
import { loadSchemaFile } from "../../../src/load/index.js";
import { arrayCases } from "./cases-arrays.js";
import { compositionCases } from "./cases-composition.js";
import { draftCases } from "./cases-drafts.js";
import { HOSTILE, hostileCases } from "./cases-hostile.js";
import { literalCases } from "./cases-literals.js";
import { objectCases } from "./cases-objects.js";
import { refCases } from "./cases-refs.js";
import { mapStore, samePrint } from "./skeleton-compare.js";
import { REPO_ROOT } from "../../util/project.js";

const CASES = [...arrayCases, ...compositionCases, ...draftCases, ...hostileCases, ...literalCases, ...objectCases, ...refCases];

test("types skeleton › every table case and the golden print as directly", async () => {
  let printed = 0;
  for (const c of CASES) if (await samePrint({ schema: c.schema, draft: c.draft, rootName: "ContractV1" }, c.name)) printed++;
  const golden = JSON.parse(readFileSync(path.join(REPO_ROOT, "test/fixtures/types/ticket-triage.schema.json"), "utf8")) as JsonObject;
  assert.ok(await samePrint({ schema: golden, draft: "2020-12", rootName: "TicketTriageV1" }, "golden"));
  assert.ok(printed >= CASES.length - 2, `${printed} of ${CASES.length} cases printed`);
});

test("types skeleton › the bundled demo schemas print as directly", async () => {
  const schemasDir = path.join(REPO_ROOT, "schemas");
  let n = 0;
  for (const contract of readdirSync(schemasDir, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith("_")).map((d) => d.name).sort()) {
    for (const file of readdirSync(path.join(schemasDir, contract)).filter((f) => /^v\d+\.json$/.test(f))) {
      const loaded = loadSchemaFile(path.join(schemasDir, contract, file), { schemasDir, rootDir: REPO_ROOT });
      assert.ok(await samePrint({ schema: loaded.schema, draft: loaded.draft, rootName: "DemoV1", reserved: ["ParseResult"] }, `${contract}/${file}`));
      n++;
    }
  }
  assert.ok(n >= 5, `${n} schemas`);
});

/** Line breaks of every kind, blank and indented lines, comment terminators, tokens' own character, surrogates. */
const LINE = fc.oneof(
  fc.constantFrom(...HOSTILE, "", " ", "  indented", "*/", "/*", "* /", "\u0001", "\u00010\u0001", "\u00019\u0001", "@deprecated", "\t", "\u00a0x\u00a0", "\uFEFF", "\uDC00"),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 6 }),
);
const TEXT = fc.array(fc.tuple(LINE, fc.constantFrom("\n", "\r\n", "\r", "\u2028", "\u2029", "")), { maxLength: 5 }).map((parts) => parts.map(([l, sep]) => l + sep).join(""));

function annotated(texts: readonly string[], deprecated: boolean): JsonObject {
  const [a = "", b = "", c = "", d = "", e = ""] = texts;
  return {
    type: "object",
    description: a,
    properties: {
      name: { type: "string", description: b, ...(deprecated ? { deprecated: true } : {}) },
      tags: { type: "array", items: { type: "string", description: c } },
      pair: { type: "array", prefixItems: [{ type: "integer", description: d }, { enum: ["x", 1], description: a }], items: false },
      either: { anyOf: [{ type: "string", description: e }, { $ref: "#/$defs/Inner" }] },
    },
    required: ["name"],
    $defs: { Inner: { type: "object", description: b, properties: { deep: { type: "boolean", description: c } }, additionalProperties: { type: "number", description: d } } },
  };
}

test("types skeleton › generated hostile descriptions print as directly, and an edit of them is filled from the store", async () => {
  const store = mapStore();
  await fc.assert(
    fc.asyncProperty(fc.array(TEXT, { minLength: 5, maxLength: 5 }), fc.boolean(), async (texts, deprecated) => {
      assert.ok(await samePrint({ schema: annotated(texts, deprecated), draft: "2020-12", rootName: "ContractV1" }, JSON.stringify(texts), store));
    }),
    { numRuns: 60, seed: 25 },
  );
  // Texts of one line structure share a skeleton: after the first, every edit is a hit (no printing).
  const one = mapStore();
  const line = (i: number): string[] => [`a ${i}`, `b ${i} */`, `c\n${i}`, `d ${i}`, `e ${i}`];
  await emitTypes({ schema: annotated(line(0), false), draft: "2020-12", rootName: "ContractV1" }, one);
  assert.deepEqual([one.hits, one.misses, one.map.size], [0, 1, 1]);
  for (let i = 1; i <= 3; i++) assert.ok(await samePrint({ schema: annotated(line(i), false), draft: "2020-12", rootName: "ContractV1" }, `edit ${i}`, one));
  assert.equal(one.map.size, 1, "every edit filled the one skeleton");
  assert.equal(one.misses, 1);
});

test("types skeleton › a damaged or foreign store entry is a miss, never the output", async () => {
  const input = { schema: annotated(["top", "name", "tag", "first", "either"], false), draft: "2020-12" as const, rootName: "ContractV1" };
  const store = mapStore();
  const right = await emitTypes(input, store);
  const [hash, printed] = [...store.map][0]!;
  // A text with a token it was not given, or a stray token character, is refused. (Beyond that the store's text is
  // trusted only through the cache's integrity check, src/cache/store.ts: a damaged file is a miss there.)
  for (const damaged of ["export type X = 1;\n\u0001", printed.replace("\u00010\u0001", "\u000199\u0001"), `${printed}\u0001`]) {
    const bad = mapStore();
    bad.map.set(hash, damaged);
    assert.equal(await emitTypes(input, bad), right, JSON.stringify(damaged.slice(0, 40)));
    assert.equal(bad.map.get(hash), printed, "printed anew and stored");
  }
});
