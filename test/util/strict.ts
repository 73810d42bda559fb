import ts from "typescript";

export { STRICT_FLAGS } from "../../src/emit/codegen/strict.js";

/** The two ways consumers resolve modules: Node's ESM rules, and bundlers. */
export const MODULE_SETTINGS = {
  nodenext: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
} as const satisfies Record<string, ts.CompilerOptions>;
