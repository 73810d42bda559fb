import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";
import { analyzeStep, type FieldAction, type StepAnalysis } from "../../src/migrate/analyze.js";
import { renderBody } from "../../src/migrate/body.js";
import { findMarkers, MARKER } from "../../src/migrate/markers.js";
import { renderStub, type StubTarget } from "../../src/migrate/stub.js";
import { docComment } from "../../src/emit/codegen/escape.js";
import { versionNames } from "../../src/emit/modules/names.js";
import type { JsonObject, JsonValue } from "../../src/ir/json.js";
import { schemaOf } from "../../bench/generate.js";
import { random } from "../emit/validators/corpus.js";

/*
 * `renderStub` writes a new migration module as text. The oracle below builds the same module with ts-morph
 * declarations (how stubs were made before, and how `updateStub` still adds a missing function): both must give the
 * same bytes, for analyses from real schema pairs and for random ones with hostile names and decisions.
 */
const { IndentationText, NewLineKind, Project, QuoteKind, SyntaxKind } = createRequire(import.meta.url)("ts-morph") as typeof TsMorph;
const project = new Project({
  useInMemoryFileSystem: true,
  manipulationSettings: { quoteKind: QuoteKind.Double, indentationText: IndentationText.TwoSpaces, newLineKind: NewLineKind.LineFeed },
});

function oracle(t: StubTarget, analysis: StepAnalysis): string {
  const old = versionNames(t.contract, t.from).type;
  const neu = versionNames(t.contract, t.from + 1).type;
  const header = docComment(
    `Migration ${t.contract} v${t.from} → v${t.from + 1}, scaffolded by llm-contracts. This file is yours: \`llm-contracts build\`\n` +
      `keeps its imports and the signature of ${t.functionName} in step with the generated types, and never\n` +
      `changes the function body. Every {@link ${MARKER}}(...) call marks a decision; \`llm-contracts check\` fails while a\n` +
      `breaking step still has one.`,
  );
  const lines = [`Upgrades one ${t.contract} document from v${t.from} to v${t.from + 1}.`];
  if (analysis.decisions.length > 0) lines.push("", "To decide:", ...analysis.decisions.map((d) => `- ${d}`));
  const sf = project.createSourceFile("oracle.ts", header, { overwrite: true });
  sf.addImportDeclarations([
    { isTypeOnly: true, namedImports: [old], moduleSpecifier: t.oldModule },
    { isTypeOnly: true, namedImports: [neu], moduleSpecifier: t.newModule },
  ]);
  sf.addFunction({
    leadingTrivia: docComment(lines.join("\n")),
    isExported: true,
    name: t.functionName,
    parameters: [{ name: "input", type: old }],
    returnType: neu,
    statements: renderBody(analysis, `${t.contract} v${t.from} → v${t.from + 1}`, t.from + 1),
  });
  const calls = sf.getDescendantsOfKind(SyntaxKind.CallExpression).filter((c) => c.getExpression().getText() === MARKER);
  if (calls.length > 0) {
    const imports = sf.getImportDeclarations();
    sf.insertImportDeclaration(imports[imports.length - 1]!.getChildIndex() + 1, { namedImports: [MARKER], moduleSpecifier: t.runtimeModule });
  }
  const text = sf.getFullText();
  project.removeSourceFile(sf);
  return text.endsWith("\n") ? text : `${text}\n`;
}

const TARGETS: readonly StubTarget[] = [
  { contract: "demo", from: 1, functionName: "migrateDemoV1ToV2", oldModule: "../gen/v1.js", newModule: "../gen/v2.js", runtimeModule: "../gen/_runtime.js" },
  { contract: "ticket-triage-2", from: 7, functionName: "migrateTicketTriage2V7ToV8", oldModule: "../../../out dir/ticket-triage-2/v7.js", newModule: "../../../out dir/ticket-triage-2/v8.js", runtimeModule: "../../../out dir/_runtime.js" },
];

function obj(properties: JsonObject, required: string[], open = false): JsonObject {
  return { type: "object", properties, required, ...(open ? {} : { additionalProperties: false }) };
}

/** Schema pairs covering every action kind of analyze.ts. */
const PAIRS: readonly (readonly [JsonObject, JsonObject])[] = [
  [obj({ a: { type: "string" } }, ["a"]), obj({ a: { type: "string" } }, ["a"])],
  [{ type: "string" }, { type: "integer" }],
  [obj({ a: { type: "string" }, gone: { type: "string" } }, ["a"], true), obj({ a: { type: "string" }, f: { type: "object", default: { x: [1, { y: null }], "a b": "c" } } }, ["a"])],
  [obj({ user_name: { type: "string" } }, ["user_name"]), obj({ username: { type: "string" } }, ["username"])],
  [obj({ n: { type: "string" } }, ["n"]), obj({ n: { type: "integer" }, r: { type: "string" } }, ["n", "r"])],
  [obj({ e: { enum: ["a", "b", "c"] }, z: { type: ["string", "null"] } }, ["e"]), obj({ e: { enum: ["a"], default: "a" }, z: { type: "string" } }, ["e"])],
  [obj({ e: { enum: ["a", "b"] }, o: { type: "string" }, p: { type: ["string", "null"] } }, []), obj({ e: { enum: ["a"] }, o: { type: "string" }, p: { type: ["string", "null"] } }, ["o", "p"])],
  [obj({ 'a"b*/\u2028${x}': { type: "string" }, "with space": { type: "string" } }, ['a"b*/\u2028${x}']), obj({ 'a"b*/\u2028${x}': { type: "integer" }, default: { type: "string" }, "with space": { type: "string" } }, ['a"b*/\u2028${x}', "default"])],
  [schemaOf(3, 1) as JsonObject, schemaOf(3, 2) as JsonObject],
  [schemaOf(4, 1) as JsonObject, schemaOf(4, 2) as JsonObject],
];

const NASTY = ["plain", "with space", 'q"uote', "back\\slash", "*/ end", "line\nbreak", "tab\there", "\u2028sep", "`tick` ${x}", "// not a comment", "notImplemented(\"x\")", "ünï"];
const VALUES: readonly JsonValue[] = [null, 0, -1.5, "s", "multi\nline", [], [1, [2, { a: "b" }]], {}, { k: { l: [true, false] } }];

function randomAnalysis(seed: number): StepAnalysis {
  const rand = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const decisions: string[] = [];
  const decide = (): string => {
    const d = `${pick(NASTY)} decide ${pick(NASTY)}`;
    decisions.push(d);
    return d;
  };
  if (rand() < 0.1) return { shape: "whole", actions: [], breaks: [], decisions: rand() < 0.5 ? [decide()] : [], openOld: false };
  const actions: FieldAction[] = [];
  for (let i = Math.floor(rand() * 6); i >= 0; i--) {
    const key = `${pick(NASTY)}${i}`;
    const kind = pick(["carry", "fill", "left-out", "dropped", "decide"] as const);
    if (kind === "carry") {
      const fallback = rand() < 0.3 ? (rand() < 0.5 ? { decide: decide() } : { value: pick(VALUES), why: pick(NASTY) }) : undefined;
      const replace = rand() < 0.3 ? { values: [pick(VALUES), pick(VALUES)], with: rand() < 0.5 ? { decide: decide() } : { value: pick(VALUES) } } : undefined;
      actions.push({ kind, key, optional: fallback === undefined && rand() < 0.5, ...(fallback !== undefined ? { fallback } : {}), ...(replace !== undefined ? { replace } : {}) });
    } else if (kind === "fill") actions.push({ kind, key, value: pick(VALUES), why: pick(NASTY) });
    else if (kind === "decide") actions.push({ kind, key, reason: decide(), ...(rand() < 0.3 ? { renameOf: pick(NASTY) } : {}) });
    else actions.push({ kind, key });
  }
  return { shape: "properties", actions, breaks: [], decisions, openOld: rand() < 0.5 };
}

test("stub text › equals the ts-morph construction for analyses of real schema pairs", () => {
  let marked = 0;
  for (const t of TARGETS)
    for (const [old, neu] of PAIRS) {
      const analysis = analyzeStep(t.contract, t.from, old, neu);
      const text = renderStub(t, analysis);
      assert.equal(text, oracle(t, analysis), JSON.stringify(analysis));
      if (findMarkers(text).length > 0) marked++;
    }
  assert.ok(marked > 0 && marked < TARGETS.length * PAIRS.length, "cases with and without markers");
});

test("stub text › equals the ts-morph construction for random analyses with hostile text", () => {
  for (let seed = 1; seed <= 300; seed++) {
    const analysis = randomAnalysis(seed);
    const t = TARGETS[seed % TARGETS.length]!;
    assert.equal(renderStub(t, analysis), oracle(t, analysis), `seed ${seed}: ${JSON.stringify(analysis)}`);
  }
});
