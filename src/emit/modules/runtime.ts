import { copiedModule } from "../codegen/copy.js";

/** The runtime's parts (src/runtime/<part>.ts -> generated/_runtime/<part>.ts), in the barrel's order. */
export const RUNTIME_PARTS = ["types", "limits", "errors", "numbers", "text", "upgrade"] as const;
export type RuntimePart = (typeof RUNTIME_PARTS)[number];

/** Import specifier of a runtime part from a module `depth` folders below `generated/` (0: the root). */
export function runtimeSpecifier(part: RuntimePart, depth: number): string {
  return `${depth === 0 ? "./" : "../".repeat(depth)}_runtime/${part}.js`;
}

/**
 * `generated/_runtime/<part>.ts`, verbatim copies of src/runtime/<part>.ts (they import only each other), and
 * `generated/_runtime.ts`, the barrel src/runtime/runtime.ts with its specifiers pointed into `_runtime/`.
 */
export function renderRuntimeModules(): Map<string, string> {
  const files = new Map<string, string>();
  files.set("_runtime.ts", copiedModule({ file: "src/runtime/runtime.ts", what: "the llm-contracts runtime", rewrite: pointBarrelIntoFolder }));
  for (const part of RUNTIME_PARTS) files.set(`_runtime/${part}.ts`, copiedModule({ file: `src/runtime/${part}.ts`, what: "the llm-contracts runtime" }));
  return files;
}

function pointBarrelIntoFolder(barrel: string): string {
  return barrel.replace(/ from "\.\/([a-z]+)\.js";/g, (whole, part: string) => {
    if (!(RUNTIME_PARTS as readonly string[]).includes(part)) throw new Error(`runtime barrel names unknown part ${part}`);
    return ` from "./_runtime/${part}.js";`;
  });
}
