import type { ContractKind } from "../../discover/discover.js";
import { defineRule, typesOf } from "../types.js";

/** Tools (and most response formats) need an object at the root: arguments are named. */
export const rootTypeObject = defineRule<{ kinds: readonly ContractKind[] }>({
  id: "root-type-object",
  purpose: "The root schema must be `type: \"object\"` (a bare string, array or union is rejected).",
  source: "providers.md §4.1 row 'root not type:object' (OpenAI, Anthropic tools, MCP inputSchema/outputSchema)",
  scope: "node",
  defaults: { kinds: ["model-output", "tool-arguments"] },
  node(v, ctx) {
    if (!v.isRoot || !ctx.options.kinds.includes(ctx.target.kind)) return [];
    const types = typesOf(v.node);
    if (types.length === 1 && types[0] === "object") return [];
    const got = types.length === 0 ? "no `type`" : `type ${JSON.stringify(v.node["type"])}`;
    return [{ pointer: "", message: `root has ${got}: make the root \`{"type": "object", "properties": {...}}\` and move the value into a property` }];
  },
});
