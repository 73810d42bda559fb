/*
 * MCP adapters: a `tools/call` request's arguments and a `CallToolResult` to classified results. Copied verbatim
 * into `generated/_sdk/`; the `@modelcontextprotocol/sdk` types are assignable to the `*Like` shapes.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/server/tools
 */
import { checkText, checkValue, fail, type ContractBinding, type SdkResult } from "./result.js";
import { early, type ParseOptions } from "./select.js";

export interface McpCallToolRequestLike {
  // `| undefined`: the SDK's types are inferred from zod schemas, which spell optional that way.
  readonly params: { readonly name: string; readonly arguments?: { readonly [key: string]: unknown } | undefined };
}

export interface McpCallToolResultLike {
  readonly content?: readonly { readonly type: string; readonly text?: string | undefined }[] | undefined;
  readonly structuredContent?: { readonly [key: string]: unknown } | undefined;
  readonly isError?: boolean | undefined;
}

/** The arguments of a `tools/call` request, validated as the binding's contract (the tool name must match). */
export function parseMcpToolCall<T>(binding: ContractBinding<T>, request: McpCallToolRequestLike, options: ParseOptions = {}): SdkResult<T> {
  const name = options.toolName ?? binding.toolName;
  if (request.params.name !== name) return early(binding, "mcp", fail("tool.unknown", `the request calls the tool ${JSON.stringify(request.params.name)}, not ${JSON.stringify(name)}`), options);
  return early(binding, "mcp", checkValue(binding, "mcp", request.params.arguments ?? {}, options), options);
}

/**
 * A tool's `CallToolResult` (what `client.callTool` returns) validated as the binding's contract: its
 * `structuredContent` when present, else its text content parsed as JSON. `isError: true` is `tool.error`.
 */
export function parseMcpToolResult<T>(binding: ContractBinding<T>, result: McpCallToolResultLike, options: ParseOptions = {}): SdkResult<T> {
  const text = (result.content ?? []).filter((c) => c.type === "text").map((c) => c.text ?? "").join("");
  if (result.isError === true) return early(binding, "mcp", fail("tool.error", `the tool reported an error${text === "" ? "" : `: ${text}`}`), options);
  if (result.structuredContent !== undefined) return early(binding, "mcp", checkValue(binding, "mcp", result.structuredContent, options), options);
  return early(binding, "mcp", checkText(binding, "mcp", text, options), options);
}
