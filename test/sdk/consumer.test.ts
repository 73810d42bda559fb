import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, symlinkSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "../util/project.js";
import { readTree, writeTree } from "../util/generated.js";
import { MODULE_MODES } from "../util/typecheck-dir.js";
import { STRICT_FLAGS } from "../util/strict.js";

/** A user's file: real SDK types in, generated adapters and router out, no casts. */
const CONSUMER = `
import type { ChatCompletion, ChatCompletionToolMessageParam } from "openai/resources/chat/completions";
import type { Response, ResponseInputItem } from "openai/resources/responses/responses";
import type { Message, ToolResultBlockParam } from "@anthropic-ai/sdk/resources/messages";
import type { GenerateContentResponse, Part } from "@google/genai";
import type { CallToolRequest, CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import {
  TicketTriageBinding, IssueRefundBinding, createSupportRouter, createStructuredStream,
  parseOpenAIChat, parseOpenAIResponse, parseAnthropicMessage, parseGeminiResponse, parseMcpToolCall, parseMcpToolResult,
  type SdkErrorCode,
} from "./generated/_sdk/index.js";

export function triage(c: ChatCompletion, r: Response, m: Message, g: GenerateContentResponse, res: CallToolResult): string[] {
  const out: string[] = [];
  for (const result of [parseOpenAIChat(TicketTriageBinding, c), parseOpenAIResponse(TicketTriageBinding, r), parseAnthropicMessage(TicketTriageBinding, m), parseGeminiResponse(TicketTriageBinding, g), parseMcpToolResult(TicketTriageBinding, res)]) {
    if (result.ok) out.push(result.value.category);
    else { const code: SdkErrorCode = result.errors[0]!.code; out.push(code); }
  }
  return out;
}

export function refundArgs(req: CallToolRequest): number | undefined {
  const r = parseMcpToolCall(IssueRefundBinding, req);
  return r.ok ? r.value.amount.amount_minor : undefined;
}

const router = createSupportRouter({ issue_refund: async (args) => ({ refunded: args.amount.amount_minor }) });

export async function route(c: ChatCompletion, r: Response, m: Message, g: GenerateContentResponse, req: CallToolRequest) {
  const a: ChatCompletionToolMessageParam[] = await router.openaiChat(c);
  const b: ResponseInputItem[] = await router.openaiResponses(r);
  const d: ToolResultBlockParam[] = await router.anthropic(m);
  const e: Part[] = await router.gemini(g);
  const f: CallToolResult = await router.mcp(req);
  return [a, b, d, e, f] as const;
}

// @ts-expect-error: a toolset handler map without its tools does not compile.
createSupportRouter({});

export function partial(chunks: readonly string[]): string | undefined {
  const s = createStructuredStream(TicketTriageBinding, "openai");
  for (const c of chunks) s.push(c);
  return s.snapshot()?.summary;
}
`;

const GENERATED = path.join(REPO_ROOT, "generated");

if (!existsSync(path.join(GENERATED, "_sdk", "index.ts"))) {
  test("sdk consumer", (t) => t.skip("generated/ has not been built in this checkout (run `npm start`)"));
} else {
  for (const mode of Object.keys(MODULE_MODES)) {
    test(`sdk consumer › type-checks against the real openai, anthropic, genai and MCP packages under the strict flags, module ${mode}`, () => {
      const files = new Map([...readTree(GENERATED)].filter(([rel]) => (!rel.endsWith("upgrade.ts") && !rel.endsWith("index.ts")) || rel.startsWith("_sdk/") || rel.startsWith("_runtime/")).map(([rel, text]) => [`generated/${rel}`, text]));
      files.set("consumer.ts", CONSUMER);
      const dir = writeTree(files);
      symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
      const roots = [...files.keys()].filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
      // skipLibCheck: the SDKs' own .d.ts files are not ours to check; everything they are used by is.
      const program = ts.createProgram(roots, { ...STRICT_FLAGS, noUnusedLocals: true, skipLibCheck: true, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], ...MODULE_MODES[mode] });
      const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      assert.deepEqual(errors, []);
    });
  }
}
