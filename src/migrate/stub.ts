/**
 * Migration modules, scaffolded as text and kept up to date with ts-morph.
 *
 * Why ts-morph edits instead of regenerating: the function body belongs to the user once scaffolded. `updateStub`
 * only touches the import declarations and the signature (parameter and return types), so every byte of the body
 * and of any code the user added stays as written.
 */
import type { SourceFile } from "ts-morph";
import { docComment, stringLiteral } from "../emit/codegen/escape.js";
import { versionNames } from "../emit/modules/names.js";
import type { StepAnalysis } from "./analyze.js";
import { bodyOf, renderBody } from "./body.js";
import { MARKER, markerCalls, sourceFile } from "./markers.js";
import { stubInStep, type InStepTarget } from "./stub-in-step.js";

/** What a stub needs besides the analysis: names and the import specifiers seen from the migration file (the same fields the in-step answer reads). */
export type StubTarget = InStepTarget;

/** The text of a file made by `sourceFile`, which is removed from the project. */
function textOf(sf: SourceFile): string {
  const text = sf.getFullText();
  sf.getProject().removeSourceFile(sf);
  return text;
}

function typeNames(t: StubTarget): { old: string; neu: string } {
  return { old: versionNames(t.contract, t.from).type, neu: versionNames(t.contract, t.from + 1).type };
}

const HEADER = (t: StubTarget): string =>
  docComment(
    `Migration ${t.contract} v${t.from} → v${t.from + 1}, scaffolded by llm-contracts. This file is yours: \`llm-contracts build\`\n` +
      `keeps its imports and the signature of ${t.functionName} in step with the generated types, and never\n` +
      `changes the function body. Every {@link ${MARKER}}(...) call marks a decision; \`llm-contracts check\` fails while a\n` +
      `breaking step still has one.`,
  );

function functionDoc(t: StubTarget, analysis: StepAnalysis): string {
  const lines = [`Upgrades one ${t.contract} document from v${t.from} to v${t.from + 1}.`];
  if (analysis.decisions.length > 0) lines.push("", "To decide:", ...analysis.decisions.map((d) => `- ${d}`));
  return docComment(lines.join("\n"));
}

/**
 * A new migration module for one step, written as text: the layout ts-morph gives the same declarations (header,
 * type imports, the marker's import when the body calls it, a blank line, the documented function with its body
 * indented by two spaces), without its cost (several milliseconds per module, a thousand modules in a cold build).
 * test/migrate/stub-text.test.ts holds the ts-morph construction and checks both agree.
 */
export function renderStub(t: StubTarget, analysis: StepAnalysis): string {
  const { old, neu } = typeNames(t);
  const body = bodyOf(analysis, `${t.contract} v${t.from} → v${t.from + 1}`, t.from + 1);
  const imports = [`import type { ${old} } from ${stringLiteral(t.oldModule)};`, `import type { ${neu} } from ${stringLiteral(t.newModule)};`];
  if (body.markers > 0) imports.push(`import { ${MARKER} } from ${stringLiteral(t.runtimeModule)};`);
  const statements = body.text
    .split("\n")
    .map((line) => (line === "" ? line : `  ${line}`))
    .join("\n");
  return `${HEADER(t)}${imports.join("\n")}\n\n${functionDoc(t, analysis)}export function ${t.functionName}(input: ${old}): ${neu} {\n${statements}\n}\n`;
}

/**
 * Brings an existing module in step: the function (added with a fresh stub body when missing), its parameter and
 * return types, and the imports of the two version types and of the marker. Returns the new text.
 */
export function updateStub(text: string, t: StubTarget, analysis: StepAnalysis): string {
  // Most modules are in step already: answered without ts-morph (stub-in-step.ts).
  return stubInStep(text, t) ? text : updateStubWithMorph(text, t, analysis);
}

/** `updateStub`'s edits, always made with ts-morph (exported for the test that holds stub-in-step.ts to it). */
export function updateStubWithMorph(text: string, t: StubTarget, analysis: StepAnalysis): string {
  const { old, neu } = typeNames(t);
  const sf = sourceFile("stub.ts", text);
  const fn = sf.getFunction(t.functionName);
  if (fn === undefined) {
    sf.addFunction({
      leadingTrivia: functionDoc(t, analysis),
      isExported: true,
      name: t.functionName,
      parameters: [{ name: "input", type: old }],
      returnType: neu,
      statements: renderBody(analysis, `${t.contract} v${t.from} → v${t.from + 1}`, t.from + 1),
    });
  } else {
    if (!fn.isExported()) fn.setIsExported(true);
    const [param] = fn.getParameters();
    if (param === undefined) fn.addParameter({ name: "input", type: old });
    else if (param.getTypeNode()?.getText() !== old) param.setType(old);
    if (fn.getReturnTypeNode()?.getText() !== neu) fn.setReturnType(neu);
  }
  ensureTypeImport(sf, old, t.oldModule);
  ensureTypeImport(sf, neu, t.newModule);
  syncMarkerImport(sf, t);
  return textOf(sf);
}

/** Points the import of `name` at `specifier`, adding a type-only import when there is none. */
function ensureTypeImport(sf: SourceFile, name: string, specifier: string): void {
  const decl = sf.getImportDeclarations().find((d) => d.getNamedImports().some((n) => n.getName() === name));
  if (decl === undefined) {
    sf.insertImportDeclaration(lastImportIndex(sf), { isTypeOnly: true, namedImports: [name], moduleSpecifier: specifier });
  } else if (decl.getModuleSpecifierValue() !== specifier) {
    decl.setModuleSpecifier(specifier);
  }
}

function lastImportIndex(sf: SourceFile): number {
  const imports = sf.getImportDeclarations();
  return imports.length === 0 ? 0 : imports[imports.length - 1]!.getChildIndex() + 1;
}

/**
 * The marker's import is added when the module calls the marker and has no import of it, and follows the runtime
 * when the output folder moves. It is never removed.
 *
 * Why never removed: once the user replaces the last marker, removing the import would rewrite their file in the
 * next build (an unrelated commit picks up a diff). The import stays valid under \`noUnusedLocals\` without any
 * call, because the header's \`{@link notImplemented}\` refers to it; a user who deletes it is not contradicted
 * (no call, no import added).
 */
function syncMarkerImport(sf: SourceFile, t: StubTarget): void {
  const decl = sf.getImportDeclarations().find((d) => d.getNamedImports().some((n) => n.getName() === MARKER));
  if (decl === undefined) {
    if (markerCalls(sf).length > 0) sf.insertImportDeclaration(lastImportIndex(sf), { namedImports: [MARKER], moduleSpecifier: t.runtimeModule });
  } else if (decl.getModuleSpecifierValue() !== t.runtimeModule) {
    decl.setModuleSpecifier(t.runtimeModule);
  }
}


