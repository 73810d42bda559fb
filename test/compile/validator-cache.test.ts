/**
 * Validators by the schema's annotation-blind form (src/ir/annotations.ts, src/compile/validator-cache.ts): the
 * blind form blanks only string annotations at schema positions; compiling a schema and the same schema with other
 * annotation text gives the same validator (code, warnings), on every types table case and on hostile texts; a
 * result that quotes an annotation is not stored; an annotation edit that makes the schema invalid is still
 * refused by `check`, exit 2, with the file and pointer.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { annotationBlind } from "../../src/ir/annotations.js";
import type { JsonObject, JsonValue } from "../../src/ir/json.js";
import { compileValidator } from "../../src/emit/validators/index.js";
import { blindValidator, runMemo, sizeBits, type CacheEntryOut } from "../../src/compile/validator-cache.js";
import fc from "fast-check";
import { HOSTILE } from "../emit/types/cases-hostile.js";
import { arrayCases } from "../emit/types/cases-arrays.js";
import { compositionCases } from "../emit/types/cases-composition.js";
import { draftCases } from "../emit/types/cases-drafts.js";
import { hostileCases } from "../emit/types/cases-hostile.js";
import { literalCases } from "../emit/types/cases-literals.js";
import { objectCases } from "../emit/types/cases-objects.js";
import { refCases } from "../emit/types/cases-refs.js";
import { copyOfExamples, runCli } from "../util/project.js";
import { reannotated } from "./reannotate.js";

test("annotation-blind › blanks string annotations at schema positions only", () => {
  const schema = JSON.parse(`{
    "title": "T", "description": "D", "$comment": "C",
    "properties": {
      "description": { "type": "string", "description": "a property named description" },
      "__proto__": { "description": "kept as a property", "minLength": 1 },
      "n": { "description": 5, "default": { "description": "data" }, "enum": [{ "title": "data" }] }
    },
    "items": [{ "title": "tuple" }],
    "x-extension": { "description": "unknown keyword: data" },
    "dependencies": { "a": ["description"], "b": { "title": "dep" } }
  }`) as JsonObject;
  const blind = annotationBlind(schema);
  const back = JSON.parse(blind.text) as Record<string, unknown>;
  assert.deepEqual([back["title"], back["description"], back["$comment"]], ["", "", ""]);
  const props = back["properties"] as Record<string, Record<string, unknown>>;
  assert.equal(props["description"]!["description"], "");
  assert.ok(Object.hasOwn(props, "__proto__"), "a __proto__ property stays a property");
  assert.deepEqual(JSON.parse(blind.text.slice(blind.text.indexOf('"__proto__":') + 12, blind.text.indexOf("}", blind.text.indexOf('"__proto__":')) + 1)), { description: "", minLength: 1 });
  assert.equal(props["n"]!["description"], 5, "a non-string annotation is not blanked");
  assert.deepEqual(props["n"]!["default"], { description: "data" });
  assert.deepEqual(props["n"]!["enum"], [{ title: "data" }]);
  assert.deepEqual(back["items"], [{ title: "" }]);
  assert.deepEqual(back["x-extension"], { description: "unknown keyword: data" });
  assert.deepEqual(back["dependencies"], { a: ["description"], b: { title: "" } });
  assert.deepEqual(blind.blanked, ["T", "D", "C", "a property named description", "kept as a property", "tuple", "dep"].filter((t) => blind.blanked.includes(t)));
  assert.equal(blind.blanked.length, 7);
  // Another text, one blind form; another assertion, another blind form.
  assert.equal(annotationBlind(reannotated(schema, (t) => `${t} edited`)).text, blind.text);
  assert.notEqual(annotationBlind({ ...schema, minProperties: 1 }).text, blind.text);
});

test("annotation-blind › sizeBits says, for every node, which side of the fast path's inline limit its JSON text is on", () => {
  const naive = (value: JsonValue): string => {
    const bits: string[] = [];
    const walk = (node: JsonValue): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node !== null && typeof node === "object") Object.values(node).forEach(walk);
      bits.push(JSON.stringify(node).length <= 1500 ? "1" : "0");
    };
    walk(value);
    return bits.join("");
  };
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), fc.string({ unit: "binary", minLength: 0, maxLength: 1600 }), (value, text) => {
      const v = JSON.parse(JSON.stringify({ a: value, text, list: [text, value] })) as JsonValue;
      assert.equal(sizeBits(v), naive(v));
    }),
    { numRuns: 200, seed: 25 },
  );
});

const CASES = [...arrayCases, ...compositionCases, ...draftCases, ...hostileCases, ...literalCases, ...objectCases, ...refCases];

test("annotation-blind › other annotation text compiles to the same validator (every table case, hostile texts)", () => {
  let compared = 0;
  for (const c of CASES) {
    const a = compileValidator(structuredClone(c.schema), c.draft, "x.json");
    for (const [i, text] of ["", "edited", ...HOSTILE].entries()) {
      const b = compileValidator(reannotated(c.schema, (t) => (i % 2 === 0 ? text : `${t}${text}`)), c.draft, "x.json");
      assert.deepEqual(b, a, `${c.name}: ${JSON.stringify(text)}`);
      compared++;
    }
  }
  assert.ok(compared > 100, `${compared}`);
});

test("annotation-blind › a compile is stored under the blind form unless it quotes an annotation", async () => {
  const schema: JsonObject = { type: "object", description: "Where the item stands.", properties: { s: { type: "string", title: "Status" } } };
  const out: CacheEntryOut[] = [];
  const input = { schema, draft: "2020-12" as const, display: "x.json", policy: undefined };
  const compiled = await blindValidator(undefined, out, input, async () => compileValidator(schema, "2020-12", "x.json"));
  assert.equal(out.length, 1);
  assert.deepEqual((out[0]![2] as { code: string }).code, compiled.ok ? compiled.code : undefined);
  // The calls below hand in compiles of their own: the run memo (run-memo.test.ts) would answer them with the first.
  runMemo.clear();
  const quoting: CacheEntryOut[] = [];
  await blindValidator(undefined, quoting, input, async () => ({ ok: true, code: "/* Where the item stands. */", warnings: [] }));
  assert.deepEqual(quoting, [], "a result quoting a description is never reused");
  const refused: CacheEntryOut[] = [];
  await blindValidator(undefined, refused, input, async () => ({ ok: false, problems: [{ code: "schema.meta", file: "x.json", message: "m" }], warnings: [] }));
  assert.deepEqual(refused, [], "a refusal is found anew");
});

test("annotation-blind › an annotation edit that makes the schema invalid is refused by check: exit 2, file and pointer", () => {
  const dir = copyOfExamples();
  assert.equal(runCli(["build"], dir).code, 0);
  const file = path.join(dir, "schemas", "ticket-triage", "v1.json");
  const schema = JSON.parse(readFileSync(file, "utf8")) as { properties: Record<string, { description?: JsonValue }> };
  schema.properties["priority"]!.description = "How soon, edited.";
  writeFileSync(file, JSON.stringify(schema, null, 2));
  assert.equal(runCli(["check"], dir).code, 1, "an annotation edit before build: generated/ is stale");
  schema.properties["priority"]!.description = 5;
  writeFileSync(file, JSON.stringify(schema, null, 2));
  const r = runCli(["check"], dir);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stdout + r.stderr, /schemas\/ticket-triage\/v1\.json#\/properties\/priority\/description: "description" must be string \[schema\.meta\]/);
});
