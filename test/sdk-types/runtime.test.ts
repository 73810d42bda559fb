import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { StandardJSONSchemaV1, StandardSchemaV1 } from "@standard-schema/spec";
import { generateObject, generateText, NoObjectGeneratedError, Output } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { Agent, run, setTracingDisabled, Usage, type Model, type ModelRequest, type ModelResponse } from "@openai/agents";
import { addFormats, Ajv07, Ajv2020 } from "../../src/emit/validators/ajv.js";
import { REPO_ROOT } from "../util/project.js";
import { readTree } from "../util/generated.js";
import { importWithMigrations, migrationTree } from "../migrate/helpers.js";

/**
 * The generated Standard Schema objects at run time, in the real consumers: a plain Standard Schema consumer,
 * the Vercel AI SDK (`generateText` + `Output.object`, `generateObject`, with `ai/test`'s mock model) and the
 * OpenAI Agents SDK (`outputType`, with a local `Model`). No network: both SDKs only see local objects.
 */
const GENERATED = path.join(REPO_ROOT, "generated");

interface Triage {
  readonly category: string;
  readonly tags: readonly string[];
}
type Both<T> = StandardSchemaV1<unknown, T> & StandardJSONSchemaV1<unknown, T>;

const examples = (contract: string, v: number, kind: "valid" | "invalid"): unknown[] => {
  const dir = path.join(REPO_ROOT, "schemas", contract, "examples", `v${v}`, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as unknown);
};

/** The smallest Standard Schema consumer there is: the spec's own recipe. */
async function standardValidate<T>(schema: StandardSchemaV1<unknown, T>, value: unknown): Promise<StandardSchemaV1.Result<T>> {
  return schema["~standard"].validate(value);
}

const VALID = { category: "billing", priority: "low", summary: "Asks for an invoice copy.", escalation: { required: false, reason: null }, sentiment: null, tags: [] };
const INVALID = { ...VALID, priority: "asap", tags: ["ok", "Not Valid"] };

if (!existsSync(path.join(GENERATED, "index.ts"))) {
  test("sdk runtime", (t) => t.skip("generated/ has not been built in this checkout (run `npm start`)"));
} else {
  const gen = await importWithMigrations(readTree(GENERATED), migrationTree(REPO_ROOT));
  const triage = gen["TicketTriageStandard"] as Both<Triage>;
  setTracingDisabled(true);

  test("standard › validate returns { value } or issues with paths (array indexes as numbers)", async () => {
    const ok = await standardValidate(triage, VALID);
    assert.deepEqual(ok, { value: VALID });
    const bad = await standardValidate(triage, INVALID);
    assert.ok(bad.issues !== undefined);
    const paths = bad.issues.map((i) => i.path);
    assert.deepEqual(paths, [["priority"], ["tags", 1]]);
    assert.ok(bad.issues.every((i) => i.message.length > 0));
    assert.equal(triage["~standard"].version, 1);
    assert.equal(triage["~standard"].vendor, "llm-contracts");
    assert.equal(gen["TicketTriageStandard"], gen["TicketTriageV3Standard"], "the latest alias is the v3 object");
  });

  test("standard › jsonSchema targets: draft-2020-12 is the canonical schema, unknown targets throw", () => {
    const js = triage["~standard"].jsonSchema;
    assert.deepEqual(js.input({ target: "draft-2020-12" }), gen["TicketTriageSchema"]);
    assert.deepEqual(js.output({ target: "draft-2020-12" }), js.input({ target: "draft-2020-12" }));
    assert.equal(js.input({ target: "draft-07" })["$schema"], "http://json-schema.org/draft-07/schema#");
    assert.equal(js.input({ target: "openapi-3.0" })["nullable"], undefined);
    assert.throws(() => js.input({ target: "draft-04" }), /unsupported JSON Schema target "draft-04" \(supported: draft-2020-12, draft-07, openapi-3.0\)/);
    const outline = gen["DocumentOutlineStandard"] as Both<unknown>;
    assert.throws(() => outline["~standard"].jsonSchema.input({ target: "openapi-3.0" }), /cannot be written as openapi-3.0: .*recursive/);
    // A fresh copy per call: a consumer rewriting what it got does not change the contract.
    const copy = js.input({ target: "draft-07" });
    copy["type"] = "string";
    assert.equal(js.input({ target: "draft-07" })["type"], "object");
  });

  test("standard › every version's draft-07 and 2020-12 schemas accept exactly what its validator accepts (golden examples)", async () => {
    let compared = 0;
    for (const [contract, versions] of [["ticket-triage", 3], ["issue-refund", 2], ["document-outline", 1]] as const) {
      for (let v = 1; v <= versions; v++) {
        const name = `${contract.split("-").map((p) => p[0]!.toUpperCase() + p.slice(1)).join("")}V${v}Standard`;
        const s = gen[name] as Both<unknown>;
        assert.ok(s !== undefined, name);
        // A consumer's own ajv, with formats asserted (as the contract's validator does).
        const d07 = addFormats(new Ajv07({ strict: false, allErrors: true })).compile(s["~standard"].jsonSchema.input({ target: "draft-07" }));
        const d2020 = addFormats(new Ajv2020({ strict: false, allErrors: true })).compile(s["~standard"].jsonSchema.input({ target: "draft-2020-12" }));
        for (const [kind, want] of [["valid", true], ["invalid", false]] as const) {
          for (const x of examples(contract, v, kind)) {
            const r = await standardValidate(s, x);
            assert.equal(r.issues === undefined, want, `${name} ${kind} example`);
            assert.equal(d07(x), want, `${name} draft-07 on a ${kind} example`);
            assert.equal(d2020(x), want, `${name} 2020-12 on a ${kind} example`);
            compared++;
          }
        }
      }
    }
    assert.ok(compared >= 15, `compared ${compared}`);
  });

  const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 20, text: 20, reasoning: 0 } };
  const answering = (text: string) =>
    new MockLanguageModelV3({ doGenerate: { content: [{ type: "text", text }], finishReason: { unified: "stop", raw: "stop" }, usage, warnings: [] } });

  test("vercel ai › generateText + Output.object: typed output, draft-07 schema sent to the model", async () => {
    const model = answering(JSON.stringify(VALID));
    const result = await generateText({ model, prompt: "Triage: I need an invoice copy.", output: Output.object({ schema: triage }) });
    assert.deepEqual(result.output, VALID);
    const format = model.doGenerateCalls[0]?.responseFormat;
    assert.equal(format?.type, "json");
    const sent = format?.type === "json" ? format.schema : undefined;
    assert.equal(sent?.["$schema"], "http://json-schema.org/draft-07/schema#");
    assert.deepEqual(sent?.["required"], ["category", "priority", "summary", "escalation", "sentiment", "tags"]);
  });

  test("vercel ai › output our validator rejects is an error, not a value", async () => {
    await assert.rejects(
      generateText({ model: answering(JSON.stringify(INVALID)), prompt: "Triage", output: Output.object({ schema: triage }) }).then((r) => r.output),
      (e: unknown) => NoObjectGeneratedError.isInstance(e),
    );
  });

  test("vercel ai › generateObject with the Standard Schema", async () => {
    const result = await generateObject({ model: answering(JSON.stringify(VALID)), schema: triage, prompt: "Triage" });
    assert.deepEqual(result.object, VALID);
  });

  /** A local Agents SDK model: answers once with fixed text and records the request. */
  class FixedModel implements Model {
    readonly requests: ModelRequest[] = [];
    constructor(private readonly text: string) {}
    async getResponse(request: ModelRequest): Promise<ModelResponse> {
      this.requests.push(request);
      return {
        usage: new Usage(),
        output: [{ type: "message", role: "assistant", status: "completed", content: [{ type: "output_text", text: this.text }] }],
      };
    }
    // eslint-disable-next-line require-yield
    async *getStreamedResponse(): AsyncIterable<never> {
      throw new Error("not used");
    }
  }

  test("openai agents › outputType: the final output is validated by the contract and typed", async () => {
    const model = new FixedModel(JSON.stringify(VALID));
    const agent = new Agent({ name: "triage", instructions: "Triage the ticket.", model, outputType: triage });
    const result = await run(agent, "I need an invoice copy.");
    assert.deepEqual(result.finalOutput, VALID);
    const sent = model.requests[0]?.outputType;
    assert.ok(sent !== undefined && sent !== "text" && sent.type === "json_schema", JSON.stringify(sent));
    assert.deepEqual(sent.schema["required"], ["category", "priority", "summary", "escalation", "sentiment", "tags"]);
  });

  test("openai agents › output the contract rejects fails the run", async () => {
    const agent = new Agent({ name: "triage", instructions: "Triage.", model: new FixedModel(JSON.stringify(INVALID)), outputType: triage });
    // The SDK redacts the issues from its error; that it throws at all comes from our `validate`.
    await assert.rejects(run(agent, "hi"), /did not match the expected schema/);
  });
}
