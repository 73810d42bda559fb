import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { kebabName } from "../../src/openapi/import.js";
import { makeProject, REPO_ROOT } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const DOC = path.join(REPO_ROOT, "test", "fixtures", "openapi", "support-api.yaml");

test("import openapi › kebab-case names from component names", () => {
  assert.equal(kebabName("RefundRequest"), "refund-request");
  assert.equal(kebabName("HTTPError"), "http-error");
  assert.equal(kebabName("order_v2"), "order-v2");
});

test("import openapi › a 3.0 YAML document becomes contracts that build, with nullable in 3.1 form", async () => {
  const dir = makeProject({ "schemas/.keep": "" });
  cpSync(DOC, path.join(dir, "support-api.yaml"));
  const r = await runCliHere(["import", "openapi", "support-api.yaml"], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /3 contract\(s\) created, 0 refused/);
  const refund = JSON.parse(readFileSync(path.join(dir, "schemas/refund-request/v1.json"), "utf8"));
  assert.deepEqual(refund.properties.note, { type: ["string", "null"], maxLength: 500 });
  assert.deepEqual(refund.properties.channel, { type: ["string", "null"], enum: ["email", "chat", null] });
  assert.equal(refund.properties.amount.$ref, "#/$defs/Money");
  assert.deepEqual(refund.$defs.Money.properties.amount_minor, { type: "integer", exclusiveMinimum: 0 });
  assert.deepEqual(refund.$defs.Money.properties.currency.examples, ["EUR"]);
  assert.equal("x-internal-owner" in refund, false);
  const err = JSON.parse(readFileSync(path.join(dir, "schemas/http-error/v1.json"), "utf8"));
  assert.deepEqual(err.properties.detail, { description: "Free-form detail.", anyOf: [{}, { type: "null" }] });
  const build = await runCliHere(["build"], dir);
  assert.equal(build.code, 0, build.stderr);
  assert.ok(existsSync(path.join(dir, "generated/refund-request/v1.ts")));
});

test("import openapi › refuses to overwrite an existing contract (exit 1) and leaves it untouched", async () => {
  const dir = makeProject({ "schemas/money/contract.json": { kind: "tool-arguments" }, "schemas/money/v1.json": { type: "object" } });
  cpSync(DOC, path.join(dir, "support-api.yaml"));
  const r = await runCliHere(["import", "openapi", "support-api.yaml"], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /refused: Money: schemas\/money already exists; not overwritten/);
  assert.equal(readFileSync(path.join(dir, "schemas/money/v1.json"), "utf8").trim(), JSON.stringify({ type: "object" }, null, 2));
});

test("export --openapi › a 3.1 document with every latest version, $defs hoisted and refs rewritten", async () => {
  const dir = path.join(REPO_ROOT);
  const r = await runCliHere(["export", "--openapi"], dir);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.openapi, "3.1.0");
  assert.deepEqual(Object.keys(doc.components.schemas).sort(), ["DocumentOutline", "DocumentOutlineSection", "IssueRefund", "IssueRefundCurrencyCode", "IssueRefundMoney", "TicketTriage", "TicketTriageEscalation"]);
  assert.equal(doc.components.schemas.IssueRefund.properties.amount.$ref, "#/components/schemas/IssueRefundMoney");
  assert.equal(doc.components.schemas.IssueRefund["x-llm-contracts"].version, 2);
  const text = r.stdout;
  for (const m of text.matchAll(/"\$ref": "#\/components\/schemas\/([A-Za-z]+)"/g)) assert.ok(m[1]! in doc.components.schemas, m[1]);
});
