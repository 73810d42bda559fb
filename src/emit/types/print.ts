/**
 * From jsts's raw text to our output: property names restored, the syntax checked, the holder dropped, laid out.
 *
 * Why parse the output: it is the last line of defence for "schema text never becomes code". Every statement must
 * be an `export type`/`export interface` we expect, every type reference one of our names, and every syntax node one
 * of the few a type printer produces; anything else is a bug and throws instead of being written. The TypeScript
 * printer then gives a deterministic layout (pinned TypeScript, LF, two-space indent) without Prettier.
 */
import { ts } from "../../typescript.js";
import { propertyKey } from "../codegen/escape.js";
import { HOLDER_NAME, type NormalizedTypes } from "./normalize.js";

/** Syntax a jsts type declaration is made of; type references and statements are checked separately. */
const ALLOWED = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.ExportKeyword,
  ts.SyntaxKind.QuestionToken,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.IndexSignature,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.TypeLiteral,
  ts.SyntaxKind.UnionType,
  ts.SyntaxKind.IntersectionType,
  ts.SyntaxKind.ArrayType,
  ts.SyntaxKind.TupleType,
  ts.SyntaxKind.RestType,
  ts.SyntaxKind.ParenthesizedType,
  ts.SyntaxKind.LiteralType,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.PrefixUnaryExpression,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
  ts.SyntaxKind.StringKeyword,
  ts.SyntaxKind.NumberKeyword,
  ts.SyntaxKind.BooleanKeyword,
  ts.SyntaxKind.UnknownKeyword,
  ts.SyntaxKind.NeverKeyword,
  ts.SyntaxKind.UndefinedKeyword,
]);

export function finalizeTypes(raw: string, normalized: NormalizedTypes): string {
  const text = raw
    // jsts prints each property on its own line, unindented (format: false): `$k<i>: T` or `$k<i>?: T`.
    .replace(
      /^\$k(\d+)(\??): /gm,
      (_m, i: string, optional: string) => `${propertyKey(normalized.propertyKeys[Number(i)]!)}${optional}: `,
    )
    // jsts writes every comment as a block; one line of text reads better as `/** text */`.
    .replace(/^\/\*\*\n \* (.*)\n \*\/$/gm, "/** $1 */")
    // JSON.stringify leaves U+2028/U+2029 raw inside string literals; comments no longer contain any (dialect.ts).
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  const file = ts.createSourceFile("types.ts", text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  // `parseDiagnostics` is not in the public typings but is how a SourceFile carries its syntax errors.
  const syntaxErrors = (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (syntaxErrors.length > 0) {
    throw new Error(
      `generated types do not parse: ${ts.flattenDiagnosticMessageText(syntaxErrors[0]!.messageText, "\n")}`,
    );
  }

  const names = new Set(normalized.names);
  const declarations = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();
  for (const statement of file.statements) {
    if (!(ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement))) unexpected(statement);
    const exported = statement.modifiers?.length === 1 && statement.modifiers[0]!.kind === ts.SyntaxKind.ExportKeyword;
    const name = statement.name.text;
    if (!exported || statement.typeParameters !== undefined || declarations.has(name)) unexpected(statement);
    if (ts.isInterfaceDeclaration(statement) && statement.heritageClauses !== undefined) unexpected(statement);
    if (!names.has(name) && name !== HOLDER_NAME) unexpected(statement);
    statement.forEachChild((child) => check(child, names));
    declarations.set(name, statement);
  }
  const missing = normalized.names.filter((name) => !declarations.has(name));
  if (missing.length > 0) throw new Error(`generated types lack declarations for ${missing.join(", ")}`);

  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false });
  const printed = normalized.names.map((name) => {
    const node = tidy(declarations.get(name)!);
    return printer
      .printNode(ts.EmitHint.Unspecified, node, file)
      .split("\n")
      .map((line) => line.replace(/^(?: {4})+/, (indent) => " ".repeat(indent.length / 2)))
      .join("\n");
  });
  return `${printed.join("\n\n")}\n`;
}

function check(node: ts.Node, names: ReadonlySet<string>): void {
  if (ts.isTypeReferenceNode(node)) {
    if (!ts.isIdentifier(node.typeName) || !names.has(node.typeName.text) || node.typeArguments !== undefined)
      unexpected(node);
    return;
  }
  if (!ALLOWED.has(node.kind)) unexpected(node);
  if (
    ts.isPrefixUnaryExpression(node) &&
    (node.operator !== ts.SyntaxKind.MinusToken || !ts.isNumericLiteral(node.operand))
  )
    unexpected(node);
  node.forEachChild((child) => check(child, names));
}

function unexpected(node: ts.Node): never {
  throw new Error(
    `generated types contain unexpected syntax (${ts.SyntaxKind[node.kind]}): ${node.getText().slice(0, 80)}`,
  );
}

/**
 * jsts parenthesizes every union (`a?: ("x" | "y")`) and spreads as `...(T)[]`. Drop all parentheses and flatten
 * nested unions/intersections; the factory puts back exactly those that precedence needs (`(A | B)[]`). In a union,
 * `unknown` absorbs the rest and `never` disappears (`[k: string]: unknown | undefined` is `unknown`).
 * Tuples stay on one line.
 */
function tidy<T extends ts.Node>(root: T): T {
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isParenthesizedTypeNode(node)) return visit(node.type);
    if (ts.isUnionTypeNode(node)) {
      const types = node.types.map(visit).flatMap((t) => (ts.isUnionTypeNode(t) ? t.types : [t as ts.TypeNode]));
      const unknown = types.find((t) => t.kind === ts.SyntaxKind.UnknownKeyword);
      if (unknown !== undefined) return unknown;
      const possible = types.filter((t) => t.kind !== ts.SyntaxKind.NeverKeyword);
      return possible.length === 1
        ? possible[0]!
        : ts.factory.createUnionTypeNode(possible.length > 0 ? possible : types);
    }
    if (ts.isIntersectionTypeNode(node)) {
      const types = node.types.map(visit).flatMap((t) => (ts.isIntersectionTypeNode(t) ? t.types : [t as ts.TypeNode]));
      return ts.factory.createIntersectionTypeNode(types);
    }
    const out = ts.visitEachChild(node, visit, undefined);
    if (ts.isTupleTypeNode(out)) ts.setEmitFlags(out, ts.EmitFlags.SingleLine);
    return out;
  };
  return visit(root) as T;
}
