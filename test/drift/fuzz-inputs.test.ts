/**
 * Property test: `diff` on random and mutated schemas, valid or not (wrong keyword types, bad regular
 * expressions, dangling `$ref`s, unknown `$schema`, non-object roots, deep nesting, JSON syntax errors and
 * truncated files). Whatever the input, the answer is a verdict or an input error naming the file and a pointer
 * (or line:col for JSON syntax), never an internal error. Two paths: in process (the loader and `diffSchemas`,
 * as the CLI calls them, plus `diffSchemas` on unloaded objects) and a bounded number through the real CLI.
 * Budget: 400 + 200 in-process pairs (seconds) and 30 CLI runs (a process each, most of the time), each diff with a
 * 5 s timeout: about 1.5 minutes on a loaded 2-core machine.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { diffSchemas } from "../../src/drift/diff.js";
import { InputError } from "../../src/errors.js";
import { draftOf, type Draft, type JsonObject, type JsonValue } from "../../src/ir/json.js";
import { loadSchemaFile } from "../../src/load/index.js";
import { runCli, tempDir } from "../util/project.js";
import { INPUT_ERROR } from "./cli-helpers.js";

const SCHEMAS = [undefined, "http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-06/schema#", "http://json-schema.org/draft-07/schema#", "https://json-schema.org/draft/2019-09/schema", "https://json-schema.org/draft/2020-12/schema", "http://example.com/bogus-meta"];
const PATTERNS = ["^[a-z]+$", "((", "[", "\\_", "a{2,1}", "(?<n>a)(?<n>b)", "(a)\\1", "(?<=x)y", "^\\p{L}+$", "^[a-zA-Z][a-zA-Z0-9-]*[a-zA-Z0-9]?$", ""];
const REFS = ["#", "#/$defs/a", "#/$defs/nope", "#/definitions/a", "#/properties/x", "#/properties/x/items", "#foo", "other.json", "http://example.com/x.json", "#/$defs/a/0"];
const TYPES = ["string", "integer", "number", "boolean", "null", "object", "array", "strin", 5, ["string", "null"], []];
const KEYWORDS = ["type", "properties", "required", "items", "prefixItems", "additionalItems", "enum", "const", "pattern", "patternProperties", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "multipleOf", "anyOf", "oneOf", "allOf", "not", "$ref", "additionalProperties", "unevaluatedProperties", "$defs", "definitions", "if", "then", "else", "dependentRequired", "dependencies", "propertyNames", "contains", "format", "id", "$id", "$anchor", "$async", "nullable"];

/** Any small JSON value: the wrong-type values of keywords. */
const junk: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>;

/** Clean inputs use only well-formed values; dirty ones mix in wrong types, bad patterns and dangling refs. */
interface Mix {
  readonly junk: number;
  readonly types: readonly JsonValue[];
  readonly patterns: readonly string[];
  readonly refs: readonly string[];
}
const CLEAN: Mix = { junk: 0, types: TYPES.slice(0, 7).concat([["string", "null"]]), patterns: ["^[a-z]+$", "(a)\\1", "(?<=x)y", "^\\p{L}+$", "^[a-zA-Z][a-zA-Z0-9-]*[a-zA-Z0-9]?$", ""], refs: ["#"] };
const DIRTY: Mix = { junk: 1, types: TYPES, patterns: PATTERNS, refs: REFS };

/** A plausible value for each keyword, or (dirty) junk. */
function keywordValue(k: string, sub: fc.Arbitrary<JsonValue>, mix: Mix): fc.Arbitrary<JsonValue> {
  const plausible: Record<string, fc.Arbitrary<JsonValue>> = {
    type: fc.constantFrom<JsonValue>(...mix.types),
    properties: fc.dictionary(fc.constantFrom("x", "y", "a b", "~/"), sub, { maxKeys: 3 }),
    patternProperties: fc.dictionary(fc.constantFrom(...mix.patterns), sub, { maxKeys: 2 }),
    $defs: fc.dictionary(fc.constantFrom("a", "b"), sub, { maxKeys: 2 }),
    definitions: fc.dictionary(fc.constantFrom("a", "b"), sub, { maxKeys: 2 }),
    dependentRequired: fc.dictionary(fc.constantFrom("x", "y"), fc.subarray(["x", "y", "z"]), { maxKeys: 2 }),
    dependencies: fc.dictionary(fc.constantFrom("x", "y"), fc.oneof(fc.subarray(["x", "y", "z"]), sub), { maxKeys: 2 }),
    required: fc.subarray(["x", "y", "z"]),
    items: mix.junk > 0 ? fc.oneof(sub, fc.array(sub, { maxLength: 2 })) : sub,
    prefixItems: fc.array(sub, { maxLength: 2 }),
    enum: fc.array(fc.constantFrom<JsonValue>("a", 1, null, { x: 1 }, [1]), { minLength: 1, maxLength: 3 }),
    const: fc.constantFrom<JsonValue>("a", 1, null, { x: 1 }),
    pattern: fc.constantFrom(...mix.patterns),
    format: fc.constantFrom("email", "date", "uri"),
    $ref: fc.constantFrom(...mix.refs),
    anyOf: fc.array(sub, { minLength: 1, maxLength: 3 }),
    oneOf: fc.array(sub, { minLength: 1, maxLength: 3 }),
    allOf: fc.array(sub, { minLength: 1, maxLength: 3 }),
    uniqueItems: fc.boolean(),
    multipleOf: mix.junk > 0 ? fc.constantFrom<JsonValue>(0, -1, 0.5, 2, 1e-9) : fc.constantFrom<JsonValue>(0.5, 2, 3),
    id: fc.constant("#x"),
    $id: fc.constant("https://example.com/s.json"),
    $anchor: fc.constant("x"),
    $async: fc.boolean(),
    nullable: fc.boolean(),
  };
  const count = fc.integer({ min: 0, max: 6 });
  const numeric = fc.oneof(fc.integer({ min: -3, max: 6 }), fc.constant(1.5));
  const counts = ["minLength", "maxLength", "minItems", "maxItems"];
  const subs = ["not", "if", "then", "else", "additionalProperties", "unevaluatedProperties", "propertyNames", "contains", "additionalItems"];
  const valid = plausible[k] ?? (subs.includes(k) ? sub : counts.includes(k) ? count : numeric);
  return mix.junk === 0 ? valid : fc.oneof({ weight: 4, arbitrary: valid }, { weight: mix.junk, arbitrary: junk });
}

function schemaNodes(mix: Mix): fc.Arbitrary<JsonValue> {
  // Clean schemas skip the keywords whose value type differs by draft (exclusive bounds, $async).
  const keywords = mix.junk > 0 ? KEYWORDS : KEYWORDS.filter((k) => !["exclusiveMinimum", "exclusiveMaximum", "$async", "prefixItems", "additionalItems"].includes(k));
  return fc.letrec<{ node: JsonValue }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.boolean(),
      fc.constantFrom<JsonValue>({}, { type: "string" }, { $ref: "#" }),
      fc.uniqueArray(fc.constantFrom(...keywords), { minLength: 1, maxLength: 4 }).chain((keys) =>
        fc.tuple(...keys.map((k) => keywordValue(k, tie("node"), mix))).map((vals) => Object.fromEntries(keys.map((k, i) => [k, vals[i]!])) as JsonValue),
      ),
    ),
  })).node;
}
const schemaNode = fc.oneof(schemaNodes(CLEAN), schemaNodes(DIRTY));

/** Deep nesting through one applicator: the loader's depth limit, or the engine's, must answer. */
const deep: fc.Arbitrary<JsonValue> = fc.tuple(fc.integer({ min: 50, max: 400 }), fc.constantFrom("properties", "anyOf", "items", "not")).map(([n, kw]) => {
  let s: JsonValue = { type: "string" };
  for (let i = 0; i < n; i++) s = kw === "properties" ? { type: "object", properties: { a: s } } : kw === "anyOf" ? { anyOf: [s, { type: "null" }] } : { [kw]: s };
  return s;
});

const clean: fc.Arbitrary<JsonValue> = fc.tuple(schemaNodes(CLEAN), fc.constantFrom(...SCHEMAS.slice(3, 6))).map(([s, meta]) =>
  s !== null && typeof s === "object" && !Array.isArray(s) ? { $schema: meta as string, ...s } : { $schema: meta as string },
);
const dirty: fc.Arbitrary<JsonValue> = fc.tuple(fc.oneof({ weight: 6, arbitrary: schemaNodes(DIRTY) }, { weight: 1, arbitrary: deep }, { weight: 1, arbitrary: junk }), fc.constantFrom(...SCHEMAS)).map(([s, meta]) =>
  meta !== undefined && s !== null && typeof s === "object" && !Array.isArray(s) ? { $schema: meta, ...s } : s,
);
const root: fc.Arbitrary<JsonValue> = fc.oneof({ weight: 3, arbitrary: clean }, { weight: 2, arbitrary: dirty });

/** A small change to a schema, as histories show them (or a wholly different one). */
function mutate(s: JsonValue): fc.Arbitrary<JsonValue> {
  if (s === null || typeof s !== "object" || Array.isArray(s)) return root;
  const keys = Object.keys(s);
  return fc.oneof(
    fc.constant(s),
    root,
    keys.length === 0 ? fc.constant(s) : fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(s).filter(([kk]) => kk !== k))),
    fc.constantFrom(...KEYWORDS).chain((k) => keywordValue(k, schemaNode, CLEAN).map((v) => ({ ...s, [k]: v }))),
    fc.constantFrom(...KEYWORDS).chain((k) => keywordValue(k, schemaNode, DIRTY).map((v) => ({ ...s, [k]: v }))),
  );
}

/** File text: the JSON, or text that is not JSON (truncated, stray character, empty). */
function text(s: JsonValue): fc.Arbitrary<string> {
  const json = JSON.stringify(s, null, 2);
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(json) },
    { weight: 1, arbitrary: fc.nat({ max: Math.max(0, json.length - 1) }).map((n) => json.slice(0, n)) },
    { weight: 1, arbitrary: fc.tuple(fc.nat({ max: json.length }), fc.constantFrom("}", ",", "\"", "x", "\u0000")).map(([n, c]) => json.slice(0, n) + c + json.slice(n)) },
  );
}

const pairTexts: fc.Arbitrary<readonly [string, string]> = root.chain((a) => fc.tuple(text(a), mutate(a).chain(text)));

const OPTIONS = { timeoutMs: 5_000 };

/** An input error names its file and a pointer or line:col; anything else thrown is a failure. */
function expectInputError(e: unknown, files: readonly string[]): void {
  if (!(e instanceof InputError)) throw e;
  const d = e.diagnostic;
  assert.ok(files.includes(d.file), `file ${d.file} in ${JSON.stringify(files)}: ${e.message}`);
  assert.ok(d.pointer !== undefined || d.line !== undefined, `a pointer or line: ${e.message}`);
  assert.equal(e.message.split("\n").length, 1, e.message);
}

function isVerdict(r: { verdict: Record<string, string> }): boolean {
  return ["backward", "forward"].every((d) => ["compatible", "incompatible", "unknown"].includes(r.verdict[d]!));
}

test("fuzz › in process: the loader and diffSchemas answer with a verdict or an input error at a file and pointer", { timeout: 300_000 }, async (t) => {
  const dir = tempDir("llm-contracts-fuzz-");
  let verdicts = 0;
  let errors = 0;
  await fc.assert(
    fc.asyncProperty(pairTexts, async ([a, b]) => {
      const files = ["old.json", "new.json"];
      writeFileSync(path.join(dir, "old.json"), a);
      writeFileSync(path.join(dir, "new.json"), b);
      try {
        const load = (f: string) => loadSchemaFile(path.join(dir, f), { schemasDir: dir, rootDir: dir });
        const r = await diffSchemas(load("old.json"), load("new.json"), OPTIONS);
        assert.ok(isVerdict(r), JSON.stringify(r.verdict));
        verdicts++;
      } catch (e) {
        expectInputError(e, files);
        errors++;
      }
    }),
    { numRuns: 400, seed: 20261202, endOnFailure: true },
  );
  t.diagnostic(`${verdicts} verdicts, ${errors} input errors`);
  assert.ok(verdicts > 10 && errors > 10, `both kinds of answer were exercised (${verdicts} verdicts, ${errors} input errors)`);
});

test("fuzz › in process: diffSchemas on unloaded objects (dangling refs, unknown drafts) never throws anything but an input error", { timeout: 300_000 }, async () => {
  const object = root.filter((s): s is JsonObject => s !== null && typeof s === "object" && !Array.isArray(s));
  const drafted = (s: JsonObject): Draft => draftOf(s["$schema"] as string | undefined) ?? "2020-12";
  await fc.assert(
    fc.asyncProperty(object.chain((a) => fc.tuple(fc.constant(a), mutate(a).filter((s): s is JsonObject => s !== null && typeof s === "object" && !Array.isArray(s)))), async ([a, b]) => {
      try {
        const r = await diffSchemas({ schema: a, draft: drafted(a), file: "a.json" }, { schema: b, draft: drafted(b), file: "b.json" }, OPTIONS);
        assert.ok(isVerdict(r));
      } catch (e) {
        expectInputError(e, ["a.json", "b.json"]);
      }
    }),
    { numRuns: 200, seed: 20261203, endOnFailure: true },
  );
});

test("fuzz › the real CLI: exit 0/1 with a verdict, or exit 2 with one line naming the file and a pointer or line:col", { timeout: 300_000 }, (t) => {
  const dir = tempDir("llm-contracts-fuzz-cli-");
  const codes = new Map<number, number>();
  fc.assert(
    fc.property(pairTexts, ([a, b]) => {
      writeFileSync(path.join(dir, "old.json"), a);
      writeFileSync(path.join(dir, "new.json"), b);
      const r = runCli(["diff", "old.json", "new.json", "--timeout", "5"], dir);
      const code = r.code ?? -1;
      codes.set(code, (codes.get(code) ?? 0) + 1);
      assert.doesNotMatch(r.stdout + r.stderr, /internal error/);
      assert.ok([0, 1, 2].includes(code), `exit ${code}: ${r.stderr}`);
      if (code === 2) {
        const line = r.stderr.trimEnd();
        assert.equal(line.split("\n").length, 1, line);
        assert.match(line, INPUT_ERROR);
        assert.match(line, /^(old|new)\.json(:\d+:\d+|#)/, `a line:col or a pointer: ${line}`);
      } else assert.match(r.stdout, /\(backward (compatible|incompatible|unknown), forward (compatible|incompatible|unknown)\)/);
    }),
    { numRuns: 30, seed: 20261204, endOnFailure: true },
  );
  t.diagnostic(`exit codes: ${JSON.stringify(Object.fromEntries(codes))}`);
  assert.ok((codes.get(2) ?? 0) > 0 && (codes.get(0) ?? 0) + (codes.get(1) ?? 0) > 0, `exit codes seen: ${JSON.stringify([...codes])}`);
});
