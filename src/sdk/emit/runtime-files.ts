import { stringLiteral } from "../../emit/codegen/escape.js";
import { runtimeCopies, SDK_RUNTIME_FILES } from "../../emit/modules/runtime.js";

/** `generated/_sdk/*`: the SDK runtime (listed with every other copied file in src/emit/modules/runtime.ts). */
export function renderSdkRuntimeFiles(): Map<string, string> {
  return runtimeCopies("sdk");
}

/** `export *` of every runtime file, for `_sdk/index.ts`. */
export function runtimeReexports(): string {
  return SDK_RUNTIME_FILES.map((f) => `export * from ${stringLiteral(`./${f.replace(/\.ts$/, ".js")}`)};`).join("\n");
}
