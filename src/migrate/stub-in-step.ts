/**
 * Whether `updateStub` (stub.ts) would leave a migration module exactly as it is, answered with TypeScript's parser
 * alone. Why: a cold `build` (a fresh CI runner, no cache) brings every migration module in step, one per version
 * step, and almost all of them already are; ts-morph (loading it, wrapping every node) cost several times the parse.
 *
 * It answers true only when every edit `updateStub` can make is clearly not needed: the function exists once, with
 * a body and the `export` keyword, its parameter and return types read as the target's, both type imports name the
 * target's modules, and the marker's import follows the runtime (or there is none and no call could be in the text).
 * Anything else (overloads, `declare`, an export list, a byte-order mark...) answers false, and ts-morph decides as
 * before. test/migrate/stub-in-step.test.ts holds both to the same answers.
 */
import { createRequire } from "node:module";
import type * as TS from "typescript";
import { versionNames } from "../emit/modules/names.js";
import { MARKER, MAYBE_CALL } from "./markers.js";

let loaded: typeof TS | undefined;
/**
 * TypeScript, required on first use (as src/typescript.ts does, for its reason): stub.ts imports this file, and
 * whatever imports stub.ts (a build's stub sync, a scoped run) must not load the compiler for nothing.
 */
const compiler = (): typeof TS => (loaded ??= createRequire(import.meta.url)("typescript") as typeof TS);

/** A stub's target (`StubTarget` in stub.ts, which imports this file): names and import specifiers. */
export interface InStepTarget {
  readonly contract: string;
  readonly from: number;
  readonly functionName: string;
  /** Import specifiers of `v<from>.ts`, `v<from+1>.ts` and `_runtime.ts`, relative to the migration file. */
  readonly oldModule: string;
  readonly newModule: string;
  readonly runtimeModule: string;
}

export function stubInStep(text: string, t: InStepTarget): boolean {
  const ts = compiler();
  if (text.charCodeAt(0) === 0xfeff) return false;
  const sf = ts.createSourceFile("stub.ts", text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const old = versionNames(t.contract, t.from).type;
  const neu = versionNames(t.contract, t.from + 1).type;
  const named = sf.statements.filter((s): s is TS.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === t.functionName);
  if (named.length !== 1) return false;
  const fn = named[0]!;
  if (fn.body === undefined || !(fn.modifiers ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return false;
  if (fn.modifiers!.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return false;
  const param = fn.parameters[0];
  if (param?.type === undefined || param.type.getText(sf) !== old) return false;
  if (fn.type === undefined || fn.type.getText(sf) !== neu) return false;
  const imports = sf.statements.filter(ts.isImportDeclaration);
  if (specifierOf(sf, imports, old) !== t.oldModule || specifierOf(sf, imports, neu) !== t.newModule) return false;
  const marker = specifierOf(sf, imports, MARKER);
  return marker === undefined ? !MAYBE_CALL.test(text) : marker === t.runtimeModule;
}

/** The module specifier of the first import naming `name` (as ts-morph reads it), or undefined when none does. */
function specifierOf(sf: TS.SourceFile, imports: readonly TS.ImportDeclaration[], name: string): string | undefined {
  const ts = compiler();
  for (const decl of imports) {
    const bindings = decl.importClause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
    const names = bindings.elements.map((e) => {
      const node = e.propertyName ?? e.name;
      return ts.isStringLiteral(node) ? node.text : node.getText(sf);
    });
    if (!names.includes(name)) continue;
    // Not a string literal (a syntax error): let ts-morph answer.
    return ts.isStringLiteral(decl.moduleSpecifier) ? decl.moduleSpecifier.text : "\u0000";
  }
  return undefined;
}
