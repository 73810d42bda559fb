/**
 * The TypeScript compiler API, loaded with `require`.
 *
 * Why not `import ts from "typescript"`: typescript.js is one CommonJS file of about 9 MB, and importing it from an
 * ES module makes Node scan it for its export names and check it for module syntax before compiling it, which
 * costs more than loading it (about 0.4 s of CPU per thread here, paid by the main thread and every compile
 * worker). `require` compiles it once.
 */
import { createRequire } from "node:module";
import type * as TypeScript from "typescript";

export const ts = createRequire(import.meta.url)("typescript") as typeof TypeScript;

/** The types the project uses, under the same names as on the namespace (`ts.Node`, `ts.SyntaxKind`...). */
export declare namespace ts {
  export type CompilerOptions = TypeScript.CompilerOptions;
  export type CustomTransformers = TypeScript.CustomTransformers;
  export type Diagnostic = TypeScript.Diagnostic;
  export type EmitFlags = TypeScript.EmitFlags;
  export type EmitHint = TypeScript.EmitHint;
  export type Expression = TypeScript.Expression;
  export type InterfaceDeclaration = TypeScript.InterfaceDeclaration;
  export type ModuleKind = TypeScript.ModuleKind;
  export type ModuleResolutionKind = TypeScript.ModuleResolutionKind;
  export type NewLineKind = TypeScript.NewLineKind;
  export type Node = TypeScript.Node;
  export type ScriptKind = TypeScript.ScriptKind;
  export type ScriptTarget = TypeScript.ScriptTarget;
  export type SourceFile = TypeScript.SourceFile;
  export type StringLiteral = TypeScript.StringLiteral;
  export type SyntaxKind = TypeScript.SyntaxKind;
  export type TransformerFactory<T extends TypeScript.Node> = TypeScript.TransformerFactory<T>;
  export type TypeAliasDeclaration = TypeScript.TypeAliasDeclaration;
  export type TypeNode = TypeScript.TypeNode;
}
