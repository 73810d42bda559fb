import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../util/project.js";
import { readTree } from "../util/generated.js";
import { importWithMigrations, migrationTree } from "./helpers.js";

type Result = { ok: true; value: Record<string, unknown>; fromVersion: number; detectedBy: string } | { ok: false; errors: { code: string; message: string }[]; fromVersion?: number };
type Upgrade = (value: unknown, from?: number) => Result;

const mod = await importWithMigrations(readTree(path.join(REPO_ROOT, "generated")), migrationTree(REPO_ROOT));
const upgradeTriage = mod["upgradeTicketTriage"] as Upgrade;
const parseTriageAny = mod["parseTicketTriageAny"] as (value: unknown) => Result;
const upgradeRefund = mod["upgradeIssueRefund"] as Upgrade;
const isTriage = mod["isTicketTriage"] as (v: unknown) => boolean;
const isRefund = mod["isIssueRefund"] as (v: unknown) => boolean;

function examples(contract: string, version: number): unknown[] {
  const dir = path.join(REPO_ROOT, "schemas", contract, "examples", `v${version}`, "valid");
  return readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as unknown);
}

test("example migrations › every golden v1 and v2 ticket-triage document upgrades to a valid v3", () => {
  for (const v of [1, 2]) {
    for (const doc of examples("ticket-triage", v)) {
      const r = upgradeTriage(doc, v);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(isTriage(r.value), true);
      assert.equal(r.fromVersion, v);
      assert.equal(r.detectedBy, "given");
    }
  }
});

test("example migrations › ticket-triage v1 → v3 keeps the meaning: needs_human becomes escalation.required", () => {
  const v1 = { category: "billing", priority: "high", summary: "Charged twice.", needs_human: true };
  const r = upgradeTriage(v1, 1);
  assert.ok(r.ok);
  assert.deepEqual(r.value, { category: "billing", priority: "high", summary: "Charged twice.", escalation: { required: true, reason: null }, sentiment: null, tags: [] });
  const v2 = { ...v1, needs_human: false, priority: "urgent", sentiment: "negative", tags: ["refund"] };
  const r2 = upgradeTriage(v2, 2);
  assert.ok(r2.ok);
  assert.deepEqual(r2.value, { category: "billing", priority: "urgent", summary: "Charged twice.", escalation: { required: false, reason: null }, sentiment: "negative", tags: ["refund"] });
});

test("example migrations › parseAny detects the newest version that accepts the document and says so", () => {
  const v3 = { category: "security", priority: "low", summary: "x", escalation: { required: false, reason: null }, sentiment: null, tags: [] };
  const r3 = parseTriageAny(v3);
  assert.ok(r3.ok);
  assert.deepEqual([r3.fromVersion, r3.detectedBy], [3, "validator"]);
  assert.deepEqual(r3.value, v3);
  // A v1 document is also a valid v2 one (v2 only added optional fields): the newest wins, the result is the same.
  const r1 = parseTriageAny({ category: "other", priority: "low", summary: "x", needs_human: false });
  assert.ok(r1.ok);
  assert.equal(r1.fromVersion, 2);
  const bad = parseTriageAny({ category: "sales" });
  assert.equal(bad.ok, false);
  assert.equal(!bad.ok && bad.errors[0]!.code, "version.unknown");
});

test("example migrations › a document that is not the version it claims is rejected before any migration runs", () => {
  const r = upgradeTriage({ category: "billing", priority: "urgent", summary: "x", needs_human: true }, 1);
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.fromVersion === 1 && r.errors.some((e) => e.code === "schema.enum"));
});

test("example migrations › issue-refund v1 calls upgrade to v2; product_defect folds into requested_by_customer", () => {
  for (const doc of examples("issue-refund", 1)) {
    const r = upgradeRefund(doc, 1);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(isRefund(r.value), true);
  }
  const [base] = examples("issue-refund", 1) as Record<string, unknown>[];
  const r = upgradeRefund({ ...base, reason: "product_defect" });
  assert.ok(r.ok);
  assert.equal(r.value["reason"], "requested_by_customer");
  assert.deepEqual([r.fromVersion, r.detectedBy], [1, "validator"]);
});
