/**
 * The two example contracts `llm-contracts init` writes: one model output, one set of tool arguments, each with
 * golden examples (valid and invalid), so the first `build` and `check` exercise every part of the pipeline.
 * Plain data; rendered as JSON with two-space indentation and a trailing newline.
 */
import type { JsonObject } from "../ir/json.js";

export interface ExampleContract {
  readonly name: string;
  readonly manifest: JsonObject;
  readonly schema: JsonObject;
  /** `examples/v1/<valid|invalid>/<file>` → content (a `.txt` file holds raw model output). */
  readonly examples: Readonly<Record<string, JsonObject | string>>;
}

export const MODEL_OUTPUT_EXAMPLE: ExampleContract = {
  name: "support-reply",
  manifest: {
    kind: "model-output",
    compatibility: "backward",
    description: "The answer the support assistant model returns for one customer message.",
    providers: ["openai-strict", "anthropic"],
  },
  schema: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "SupportReply",
    type: "object",
    additionalProperties: false,
    required: ["answer", "category", "needs_human"],
    properties: {
      answer: { type: "string", minLength: 1, description: "The reply shown to the customer." },
      category: { enum: ["billing", "bug", "how-to", "other"], description: "What the message is about." },
      needs_human: { type: "boolean", description: "True when a person should take over the conversation." },
    },
  },
  examples: {
    "valid/billing-question.json": { answer: "Your invoice is under Settings > Billing.", category: "billing", needs_human: false },
    "valid/raw-output.txt": '{"answer": "Sorry about that, a colleague will follow up.", "category": "bug", "needs_human": true}\n',
    "invalid/fenced-answer.txt": '```json\n{"answer": "Done.", "category": "other", "needs_human": false}\n```\n',
    "invalid/unknown-category.json": { answer: "Done.", category: "refund", needs_human: false },
    "invalid/cut-off.txt": '{"answer": "Your invoice is under Settings',
  },
};

export const TOOL_ARGUMENTS_EXAMPLE: ExampleContract = {
  name: "lookup-order",
  manifest: {
    kind: "tool-arguments",
    compatibility: "forward",
    description: "Arguments of the lookup_order tool the model calls.",
    sideEffects: "none",
    providers: ["openai-strict", "anthropic", "mcp"],
  },
  schema: {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "LookupOrder",
    type: "object",
    additionalProperties: false,
    required: ["order_id", "include_items"],
    properties: {
      order_id: { type: "string", pattern: "^ord_[A-Za-z0-9]{8,32}$", description: "The order to look up." },
      include_items: { type: "boolean", description: "Whether to return the order's line items." },
    },
  },
  examples: {
    "valid/with-items.json": { order_id: "ord_4f9Qx2Lm7T", include_items: true },
    "invalid/missing-order-id.json": { include_items: false },
    "invalid/bad-order-id.json": { order_id: "12345", include_items: false },
  },
};

export const EXAMPLE_CONTRACTS: readonly ExampleContract[] = [MODEL_OUTPUT_EXAMPLE, TOOL_ARGUMENTS_EXAMPLE];

/** The toolset `init` writes into the config (every tool-arguments example): `createSupportRouter`, `SupportAnthropicTools`, ... */
export const EXAMPLE_TOOLSET = "support";
