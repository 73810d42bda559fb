import ts from "typescript";

/**
 * The strictest settings users compile with; generated code must type-check under all of them. Shared by the
 * in-memory type checker (test/emit/types) and the on-disk one (test/util/typecheck-dir.ts).
 */
export const STRICT_FLAGS: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  types: [],
};

/** The two ways consumers resolve modules: Node's ESM rules, and bundlers. */
export const MODULE_SETTINGS = {
  nodenext: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
} as const satisfies Record<string, ts.CompilerOptions>;
