/*
 * Typed `tool_choice` values: each provider's way of forcing one tool, for a name the toolset (or binding) has.
 * Copied verbatim into `generated/_sdk/`; `_toolsets/<name>.ts` binds `Name` to its tool names, so a name that is
 * not in the toolset is a type error instead of a request the provider rejects (or, worse, accepts).
 * @see https://docs.claude.com/en/docs/agents-and-tools/tool-use/implement-tool-use#forcing-tool-use
 * @see https://platform.openai.com/docs/guides/function-calling#tool-choice
 * @see https://ai.google.dev/gemini-api/docs/function-calling#function_calling_modes
 */

export interface ToolChoices<Name extends string> {
  /** Chat Completions `tool_choice`. */
  openaiChat<N extends Name>(name: N): { type: "function"; function: { name: N } };
  /** Responses API `tool_choice`. */
  openaiResponses<N extends Name>(name: N): { type: "function"; name: N };
  /** Messages `tool_choice`. */
  anthropic<N extends Name>(name: N): { type: "tool"; name: N };
  /**
   * `config.toolConfig`. `mode` is the SDK's `FunctionCallingConfigMode.ANY` (a TypeScript enum: a string
   * literal would not be assignable to it, so the caller passes the member).
   */
  gemini<N extends Name, Mode>(name: N, mode: Mode): { functionCallingConfig: { mode: Mode; allowedFunctionNames: N[] } };
}

export function toolChoices<Name extends string>(): ToolChoices<Name> {
  return {
    openaiChat: (name) => ({ type: "function", function: { name } }),
    openaiResponses: (name) => ({ type: "function", name }),
    anthropic: (name) => ({ type: "tool", name }),
    gemini: (name, mode) => ({ functionCallingConfig: { mode, allowedFunctionNames: [name] } }),
  };
}
