/** The compiler options of the upgrade chain's type-check, in this thread and in its worker threads. */
import type ts from "typescript";
import { STRICT_FLAGS } from "../emit/codegen/strict.js";

/** The strict settings generated code is held to (README: "The generated code compiles with ..."); see `chainOptions`. */
export async function chainCompilerOptions(): Promise<ts.CompilerOptions> {
  const { ts: tsc } = await import("../typescript.js");
  return {
    ...STRICT_FLAGS,
    skipLibCheck: true,
    lib: ["lib.es2022.d.ts"],
    // Bundler resolution: same relative `.js` specifiers as NodeNext, without needing the user's package.json type.
    module: tsc.ModuleKind.ESNext,
    moduleResolution: tsc.ModuleResolutionKind.Bundler,
  };
}
