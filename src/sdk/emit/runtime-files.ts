import { stringLiteral } from "../../emit/codegen/escape.js";
import { copiedModule } from "../../emit/codegen/copy.js";

/** The SDK runtime, copied verbatim from src/sdk/runtime/ into `generated/_sdk/`. An explicit, ordered list. */
export const SDK_RUNTIME_FILES = ["result.ts", "record.ts", "select.ts", "dedup.ts", "execute.ts", "retry.ts", "repair.ts", "otel.ts", "choice.ts", "openai.ts", "anthropic.ts", "gemini.ts", "mcp.ts", "partial-json.ts", "stream.ts", "router.ts"] as const;

export function renderSdkRuntimeFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of SDK_RUNTIME_FILES) out.set(`_sdk/${file}`, copiedModule({ file: `src/sdk/runtime/${file}`, what: "the llm-contracts SDK runtime" }));
  return out;
}

/** `export *` of every runtime file, for `_sdk/index.ts`. */
export function runtimeReexports(): string {
  return SDK_RUNTIME_FILES.map((f) => `export * from ${stringLiteral(`./${f.replace(/\.ts$/, ".js")}`)};`).join("\n");
}
