import { isSafeIdentifier, pascalCase } from "../../emit/codegen/escape.js";

/** `TicketTriageV3Binding` (in `v3.sdk.ts`) and the latest alias `TicketTriageBinding` (in `_sdk/index.ts`). */
export function bindingNames(contract: string, version: number): { versioned: string; latest: string } {
  const names = { versioned: `${pascalCase(contract)}V${version}Binding`, latest: `${pascalCase(contract)}Binding` };
  for (const n of Object.values(names)) if (!isSafeIdentifier(n)) throw new Error(`not an identifier: ${n}`);
  return names;
}

/**
 * Exported names of `_toolsets/<toolset>.ts`, e.g. `SupportTools`, `SupportHandlers`, `createSupportRouter`, the
 * per-provider `tools` arrays (`SupportAnthropicTools`, ...), `SupportToolName` and `SupportToolChoice`.
 */
export function toolsetNames(toolset: string) {
  const base = pascalCase(toolset);
  const names = {
    tools: `${base}Tools`,
    handlers: `${base}Handlers`,
    create: `create${base}Router`,
    toolName: `${base}ToolName`,
    choice: `${base}ToolChoice`,
    openaiChat: `${base}OpenAIChatTools`,
    openaiResponses: `${base}OpenAIResponsesTools`,
    anthropic: `${base}AnthropicTools`,
    gemini: `${base}GeminiTools`,
    mcp: `${base}McpTools`,
  };
  for (const n of Object.values(names)) if (!isSafeIdentifier(n)) throw new Error(`not an identifier: ${n}`);
  return names;
}
