import type { ProviderProfile } from "../config/config.js";
import type { ContractKind } from "../discover/discover.js";
import type { JsonObject } from "../ir/json.js";

export interface FragmentInput {
  readonly name: string;
  readonly kind: ContractKind;
  readonly description: string | undefined;
  readonly schema: JsonObject;
}

const desc = (d: string | undefined): JsonObject => (d === undefined ? {} : { description: d });

/**
 * The request-ready piece for one provider. Shapes (2026): OpenAI Chat Completions `response_format` / `tools[]`;
 * Anthropic `tools[]` and `output_config.format`; Gemini `generationConfig` / `functionDeclarations[]`; MCP
 * `tools/list` entry. `portable` has no wire of its own: it is the lowered schema, to be wrapped by the caller.
 */
export function requestFragment(profile: ProviderProfile, input: FragmentInput): JsonObject {
  const { name, kind, description, schema } = input;
  const tool = kind === "tool-arguments";
  switch (profile) {
    case "openai-strict":
      return tool
        ? { type: "function", function: { name, ...desc(description), strict: true, parameters: schema } }
        : { type: "json_schema", json_schema: { name, ...desc(description), strict: true, schema } };
    case "anthropic":
      return { name, ...desc(description), input_schema: schema };
    case "anthropic-strict":
      return tool ? { name, ...desc(description), strict: true, input_schema: schema } : { type: "json_schema", schema };
    case "gemini":
      return tool ? { name, ...desc(description), parametersJsonSchema: schema } : { responseMimeType: "application/json", responseJsonSchema: schema };
    case "gemini-openapi":
      return tool ? { name, ...desc(description), parameters: schema } : { responseMimeType: "application/json", responseSchema: schema };
    case "mcp":
      return tool ? { name, ...desc(description), inputSchema: schema } : { outputSchema: schema };
    case "portable":
      return { name, ...desc(description), schema };
  }
}

/** Where the fragment goes in the request, for the export header and the generated doc comment. */
export function fragmentPlace(profile: ProviderProfile, kind: ContractKind): string {
  const tool = kind === "tool-arguments";
  const places: Record<ProviderProfile, [string, string]> = {
    "openai-strict": ["Chat Completions `tools[]` (parallel_tool_calls: false)", "Chat Completions `response_format`"],
    anthropic: ["Messages `tools[]`", "Messages `tools[]` with `tool_choice: {type: \"tool\", name}`"],
    "anthropic-strict": ["Messages `tools[]`", "Messages `output_config.format`"],
    gemini: ["`tools[].functionDeclarations[]`", "`generationConfig`"],
    "gemini-openapi": ["`tools[].functionDeclarations[]`", "`generationConfig`"],
    mcp: ["`tools/list` result `tools[]`", "the tool definition's `outputSchema`"],
    portable: ["your provider's tool definition", "your provider's response format"],
  };
  return places[profile][tool ? 0 : 1];
}
