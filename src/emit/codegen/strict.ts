import type { ts } from "../../typescript.js";

/**
 * `ts.ScriptTarget.ES2022`, written as its value: the migration type-check keys its cache with these flags, and a
 * run whose chains are all cached must not load TypeScript to read them (test/migrate/typecheck-key.test.ts holds
 * the value to the enum).
 */
const ES2022 = 9 as ts.ScriptTarget;

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
  target: ES2022,
  types: [],
};
