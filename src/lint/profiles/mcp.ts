import { NAME_RULES } from "./keyword-tables.js";
import { defineProfile } from "./types.js";

/**
 * MCP sets no keyword subset: hosts forward schemas to their model provider, so add that provider's profile too.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/server/tools
 */
export const mcp = defineProfile({
  id: "mcp",
  title: "MCP tool inputSchema / outputSchema (2025-11-25)",
  wire: "tools/list: { name, description, inputSchema, outputSchema }",
  rules: {
    "root-type-object": "error",
    "root-combinator": ["warn", { keywords: ["anyOf", "oneOf", "allOf"] }],
    "regex-redos": "warn",
    "tool-name": ["warn", NAME_RULES.mcp],
  },
});
