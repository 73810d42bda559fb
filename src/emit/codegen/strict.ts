import { ts } from "../../typescript.js";

/**
 * The strictest settings users compile with; generated code (and the user's migrations against it) must
 * type-check under all of them. Tests add module settings and extra checks on top; `check` uses them as is.
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
