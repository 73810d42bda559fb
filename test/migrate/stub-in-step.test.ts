/**
 * `updateStub` answers "already in step" without ts-morph (src/migrate/stub-in-step.ts): given a module, the text it
 * returns must be exactly ts-morph's (`updateStubWithMorph`), and the shortcut must be taken for the usual modules
 * (a fresh stub, an implemented one) and refused for every module ts-morph would edit.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeStep } from "../../src/migrate/analyze.js";
import { renderStub, updateStub, updateStubWithMorph, type StubTarget } from "../../src/migrate/stub.js";
import { stubInStep } from "../../src/migrate/stub-in-step.js";
import type { JsonObject } from "../../src/ir/json.js";

const TARGET: StubTarget = { contract: "demo", from: 1, functionName: "migrateDemoV1ToV2", oldModule: "../gen/v1.js", newModule: "../gen/v2.js", runtimeModule: "../gen/_runtime.js" };
const obj = (properties: JsonObject, required: string[]): JsonObject => ({ type: "object", properties, required, additionalProperties: false });
const WITH_MARKER = analyzeStep("demo", 1, obj({ a: { type: "string" } }, ["a"]), obj({ a: { type: "string" }, b: { type: "number" } }, ["a", "b"]));
const NO_MARKER = analyzeStep("demo", 1, obj({ a: { type: "string" } }, ["a"]), obj({ a: { type: "string", description: "d" } }, ["a"]));
const stub = renderStub(TARGET, WITH_MARKER);
const plain = renderStub(TARGET, NO_MARKER);
const implemented = stub.replace(/notImplemented\([^)]*\)/, "0");

/** given a module, want whether the shortcut is taken (in step) or ts-morph decides. */
const CASES: { name: string; text: string; inStep: boolean }[] = [
  { name: "fresh stub with markers", text: stub, inStep: true },
  { name: "fresh stub without markers", text: plain, inStep: true },
  { name: "implemented (marker import kept, no call)", text: implemented, inStep: true },
  { name: "implemented, marker import removed by the user", text: implemented.replace(/import \{ notImplemented \}[^\n]*\n/, ""), inStep: true },
  { name: "CRLF line endings", text: stub.replace(/\n/g, "\r\n"), inStep: true },
  { name: "aliased type import", text: stub.replace("import type { DemoV1 }", "import type { DemoV1 as Old }").replace("(input: DemoV1)", "(input: Old)"), inStep: false },
  { name: "old types from another module", text: stub.replace('"../gen/v1.js"', '"../old/v1.js"'), inStep: false },
  { name: "new types not imported", text: stub.replace(/import type \{ DemoV2 \}[^\n]*\n/, ""), inStep: false },
  { name: "marker import from an old runtime path", text: stub.replace('"../gen/_runtime.js"', '"../old/_runtime.js"'), inStep: false },
  { name: "marker called, its import removed", text: stub.replace(/import \{ notImplemented \}[^\n]*\n/, ""), inStep: false },
  { name: "marker only named in a comment, import removed", text: implemented.replace(/import \{ notImplemented \}[^\n]*\n/, "").replace("return {", "// notImplemented(...) was here\n  return {"), inStep: false },
  { name: "parameter type changed", text: stub.replace("(input: DemoV1)", "(input: DemoV1 | null)"), inStep: false },
  { name: "parameter untyped", text: stub.replace("(input: DemoV1)", "(input)"), inStep: false },
  { name: "no parameter", text: stub.replace("(input: DemoV1)", "()"), inStep: false },
  { name: "return type changed", text: stub.replace("): DemoV2 {", "): unknown {"), inStep: false },
  { name: "return type missing", text: stub.replace("): DemoV2 {", ") {"), inStep: false },
  { name: "not exported", text: stub.replace("export function", "function"), inStep: false },
  { name: "exported by a list", text: `${stub.replace("export function", "function")}export { migrateDemoV1ToV2 };\n`, inStep: false },
  { name: "overloaded", text: stub.replace("export function migrateDemoV1ToV2(", "export function migrateDemoV1ToV2(input: DemoV1): DemoV2;\nexport function migrateDemoV1ToV2("), inStep: false },
  { name: "function renamed", text: stub.replace("function migrateDemoV1ToV2(", "function migrateOld("), inStep: false },
  { name: "byte-order mark", text: `\ufeff${stub}`, inStep: false },
  { name: "empty module", text: "", inStep: false },
];

test("stub in step › the shortcut is taken exactly when ts-morph would change nothing, and updateStub gives ts-morph's text", () => {
  for (const c of CASES) {
    for (const analysis of [WITH_MARKER, NO_MARKER]) {
      const morph = updateStubWithMorph(c.text, TARGET, analysis);
      assert.equal(stubInStep(c.text, TARGET), c.inStep, c.name);
      // In step means ts-morph leaves every byte; either way updateStub answers as ts-morph does.
      if (c.inStep) assert.equal(morph, c.text, c.name);
      assert.equal(updateStub(c.text, TARGET, analysis), morph, c.name);
    }
  }
  // Where ts-morph edits, the shortcut was refused (checked above): at least these cases are real edits.
  const edited = CASES.filter((c) => updateStubWithMorph(c.text, TARGET, WITH_MARKER) !== c.text).map((c) => c.name);
  assert.ok(edited.length >= 12, edited.join(", "));
});
