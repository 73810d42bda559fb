import { renderModule } from "../codegen/module.js";
import { readPackageFile, type PackageFile } from "../../paths.js";

/** The runtime's parts (src/runtime/<part>.ts -> generated/_runtime/<part>.ts), in the barrel's order. */
export const RUNTIME_PARTS = ["types", "errors", "text", "upgrade"] as const;
export type RuntimePart = (typeof RUNTIME_PARTS)[number];

/** Import specifier of a runtime part from a module `depth` folders below `generated/` (0: the root). */
export function runtimeSpecifier(part: RuntimePart, depth: number): string {
  return `${depth === 0 ? "./" : "../".repeat(depth)}_runtime/${part}.js`;
}

function runtimeSource(file: string): string {
  return readPackageFile(`src/runtime/${file}` as PackageFile);
}

/**
 * `generated/_runtime/<part>.ts`, verbatim copies of src/runtime/<part>.ts (they import only each other), and
 * `generated/_runtime.ts`, the barrel src/runtime/runtime.ts with its specifiers pointed into `_runtime/`.
 */
export function renderRuntimeModules(): Map<string, string> {
  const files = new Map<string, string>();
  const barrel = runtimeSource("runtime.ts").replace(/ from "\.\/([a-z]+)\.js";/g, (whole, part: string) => {
    if (!(RUNTIME_PARTS as readonly string[]).includes(part)) throw new Error(`runtime barrel names unknown part ${part}`);
    return ` from "./_runtime/${part}.js";`;
  });
  files.set("_runtime.ts", renderModule({ source: "the llm-contracts runtime (src/runtime/runtime.ts)", body: [barrel] }));
  for (const part of RUNTIME_PARTS) {
    const text = runtimeSource(`${part}.ts`);
    files.set(`_runtime/${part}.ts`, renderModule({ source: `the llm-contracts runtime (src/runtime/${part}.ts)`, body: [text] }));
  }
  return files;
}
