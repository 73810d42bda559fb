import { stringLiteral } from "../../emit/codegen/escape.js";
import { renderModule } from "../../emit/codegen/module.js";
import { readPackageFile } from "../../paths.js";

/** The SDK runtime, copied verbatim from src/sdk/runtime/ into `generated/_sdk/`. An explicit, ordered list. */
export const SDK_RUNTIME_FILES = ["result.ts", "openai.ts", "anthropic.ts", "gemini.ts", "mcp.ts", "partial-json.ts", "stream.ts", "router.ts"] as const;

export function renderSdkRuntimeFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of SDK_RUNTIME_FILES) {
    const text = readPackageFile(`src/sdk/runtime/${file}`);
    out.set(`_sdk/${file}`, renderModule({ source: `the llm-contracts SDK runtime (src/sdk/runtime/${file})`, body: [text] }));
  }
  return out;
}

/** `export *` of every runtime file, for `_sdk/index.ts`. */
export function runtimeReexports(): string {
  return SDK_RUNTIME_FILES.map((f) => `export * from ${stringLiteral(`./${f.replace(/\.ts$/, ".js")}`)};`).join("\n");
}
