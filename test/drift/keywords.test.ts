/**
 * Declared custom keywords (issue 17, point 4): config `drift.keywords` names the project's own keywords as
 * annotations (they constrain nothing: never compared) or assertions (opaque: unchanged is no change, a change
 * is unproven). Undeclared, such a keyword stays "not understood" (unknown) once its node changes.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { diffSchemas } from "../../src/drift/diff.js";
import type { JsonObject } from "../../src/ir/json.js";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";
import { assertVerdict } from "./cli-helpers.js";

const S = "https://json-schema.org/draft/2020-12/schema";
/** `tsType` (annotation) and `businessRule` (assertion) beside a string whose length limit is widened. */
const node = (maxLength: number, tsType: string, rule: string): JsonObject => ({
  $schema: S,
  type: "object",
  properties: { a: { type: "string", maxLength, tsType, businessRule: rule } },
});
const diff = (a: JsonObject, b: JsonObject, keywords?: Record<string, "annotation" | "assertion">) =>
  diffSchemas({ schema: a, draft: "2020-12" }, { schema: b, draft: "2020-12" }, keywords === undefined ? {} : { keywords });

test("keywords › undeclared custom keywords: unchanged is no change (the validators ignore them), changed is unknown", async () => {
  const same = await diff(node(5, "A", "r1"), node(9, "A", "r1"));
  assert.deepEqual(same.verdict, { backward: "compatible", forward: "incompatible" });
  const r = await diff(node(5, "A", "r1"), node(9, "B", "r2"));
  assert.equal(r.verdict.backward, "unknown");
  assert.ok(r.changes.some((c) => c.rule === "unsupported-keyword" && /"tsType", "businessRule"/.test(c.message)), JSON.stringify(r.changes));
});

test("keywords › declared: the annotation is ignored, an unchanged assertion is no change", async () => {
  const declared = { tsType: "annotation", businessRule: "assertion" } as const;
  const r = await diff(node(5, "A", "r1"), node(9, "B", "r1"), declared);
  assert.deepEqual(r.verdict, { backward: "compatible", forward: "incompatible" });
  assert.ok(!r.changes.some((c) => c.rule === "unsupported-keyword"), JSON.stringify(r.changes));
});

test("keywords › a declared assertion that changed is unproven in both directions, naming the keyword", async () => {
  const r = await diff(node(5, "A", "r1"), node(5, "A", "r2"), { tsType: "annotation", businessRule: "assertion" });
  assert.deepEqual(r.verdict, { backward: "unknown", forward: "unknown" });
  const c = r.changes.find((x) => x.rule === "unsupported-keyword");
  assert.match(c?.message ?? "", /declared assertion keyword "businessRule" changed/);
  assert.equal(c?.pointer, "/properties/a");
});

test("keywords › a declaration cannot turn a standard keyword into an annotation", async () => {
  const a = { $schema: S, type: "string", maxLength: 5 };
  const r = await diff(a, { ...a, maxLength: 3 }, { maxLength: "annotation" });
  assert.equal(r.verdict.backward, "incompatible");
  const u = { $schema: S, type: "object", allOf: [{ properties: { a: true } }], unevaluatedProperties: false };
  const open = await diff(u, { ...u, unevaluatedProperties: true }, { unevaluatedProperties: "annotation" });
  assert.notEqual(open.verdict.forward, "compatible");
});

test("keywords › config drift.keywords reaches diff; a bad declaration is a config error (exit 2)", async () => {
  const files = { "old.json": node(5, "A", "r1"), "new.json": node(5, "B", "r1") };
  const dir = makeProject({ "llm-contracts.config.json": { drift: { keywords: { tsType: "annotation", businessRule: "assertion" } } }, ...files });
  assertVerdict((await runCliHere(["diff", "old.json", "new.json"], dir)), "compatible", "compatible");
  const bad = makeProject({ "llm-contracts.config.json": { drift: { keywords: { tsType: "ignored" } } }, ...files });
  const r = await runCliHere(["diff", "old.json", "new.json"], bad);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /keywords/);
});
