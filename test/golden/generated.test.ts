import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../util/project.js";
import { MODULE_MODES, typecheckFiles } from "../util/typecheck-dir.js";
import { readTree, writeTree } from "../util/generated.js";
import { importWithMigrations, migrationTree } from "../migrate/helpers.js";

const GENERATED = path.join(REPO_ROOT, "generated");

/** A consumer as a user would write it: imports through the root index, narrows results, reads fields. */
const CONSUMER = `
import {
  parseTicketTriageText,
  parseTicketTriageV1,
  isIssueRefundV1,
  TicketTriageV1Hash,
  TicketTriageVersions,
  ticketTriage,
  type ContractError,
  type TicketTriage,
  type TicketTriageV1,
  type IssueRefund,
  type DocumentOutlineV1,
} from "./generated/index.js";

export function triage(text: string): TicketTriage | readonly ContractError[] {
  const result = parseTicketTriageText(text);
  if (!result.ok) return result.errors;
  const category: string = result.value.category;
  void category;
  return result.value;
}

export function legacy(value: unknown): TicketTriageV1 | undefined {
  const r = parseTicketTriageV1(value);
  return r.ok ? r.value : undefined;
}

export function refundCurrency(value: unknown): string | undefined {
  if (!isIssueRefundV1(value)) return undefined;
  return value.amount.currency;
}

export function firstHeading(outline: DocumentOutlineV1): string | undefined {
  return outline.sections[0]?.heading;
}

export const hash: string = TicketTriageV1Hash;
export const latest: 3 = TicketTriageVersions[TicketTriageVersions.length - 1] as 3;
export const ns: typeof ticketTriage.v1.isTicketTriageV1 = ticketTriage.isTicketTriageV1;
export type Refund = IssueRefund;
`;

if (!existsSync(path.join(GENERATED, "index.ts"))) {
  test("generated/ golden", (t) => t.skip("generated/ has not been built in this checkout (run `npm start`)"));
} else {
  const tree = readTree(GENERATED);

  for (const mode of Object.keys(MODULE_MODES)) {
    test(`generated/ › type-checks with a consumer under the strictest flags, module ${mode}`, () => {
      const files = new Map([...tree].map(([rel, text]) => [`generated/${rel}`, text]));
      for (const [rel, text] of migrationTree(REPO_ROOT)) files.set(rel, text); // the upgrade chain imports them
      files.set("consumer.ts", CONSUMER);
      const dir = writeTree(files);
      const roots = [...files.keys()].filter((f) => f.endsWith(".ts")).map((f) => path.join(dir, f));
      assert.deepEqual(typecheckFiles(roots, mode), []);
    });
  }

  test("generated/ › validator modules have zero runtime imports and never evaluate code", () => {
    const validators = [...tree].filter(([rel]) => rel.endsWith(".validate.ts"));
    assert.ok(validators.length >= 6);
    for (const [rel, text] of validators) {
      for (const banned of [/\brequire\s*\(/, /^\s*import\s/m, /\bimport\s*\(/, /\beval\s*\(/, /\bnew\s+Function\b/, /\bFunction\s*\(/]) {
        assert.ok(!banned.test(text), `${rel} matches ${banned}`);
      }
    }
    // Nothing Node-specific either, so the same modules run in a browser bundle.
    for (const [rel, text] of tree) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
      for (const nodeOnly of [/\bprocess\./, /\bBuffer\b/, /\b__dirname\b/, /\bmodule\.exports\b/]) {
        assert.ok(!nodeOnly.test(code), `${rel} uses ${nodeOnly}`);
      }
    }
    for (const [rel, text] of tree) {
      const imports = [...text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]!);
      for (const spec of imports) assert.ok(spec.startsWith("./") || spec.startsWith("../"), `${rel} imports ${spec}`);
      for (const spec of imports) assert.ok(spec.endsWith(".js"), `${rel} imports ${spec} without .js`);
    }
  });

  test("generated/ › runs: parse functions classify text and schema failures", async () => {
    const mod = await importWithMigrations(tree, migrationTree(REPO_ROOT));
    type Parse = (text: string, options?: { unwrap?: boolean }) => { ok: boolean; errors?: { code: string; instancePath: string }[] };
    const parseText = mod["parseTicketTriageV1Text"] as Parse;
    const good = '{"category":"billing","priority":"high","summary":"Charged twice.","needs_human":true}';
    assert.equal(parseText(good).ok, true);
    assert.equal(parseText(good.slice(0, 40)).errors?.[0]?.code, "json.truncated");
    assert.equal(parseText("```json\n" + good + "\n```").errors?.[0]?.code, "json.wrapped");
    assert.equal(parseText("```json\n" + good + "\n```", { unwrap: true }).ok, true);
    assert.equal(parseText("Sorry, I can't do that.").errors?.[0]?.code, "json.invalid");
    const wrong = parseText('{"category":"sales","priority":"high","summary":"x","needs_human":"yes"}');
    assert.deepEqual(
      wrong.errors?.map((e) => `${e.code} ${e.instancePath}`).sort(),
      ["schema.enum /category", "schema.type /needs_human"],
    );
    const isRefund = mod["isIssueRefundV2"] as (v: unknown) => boolean;
    const refund = { order_id: "ord_12345678", amount: { amount_minor: 100, currency: "USD" }, reason: "duplicate", idempotency_key: "0b8e1c52-3f4a-4d6b-8e9c-1a2b3c4d5e6f" };
    assert.equal(isRefund(refund), true);
    assert.equal(isRefund({ ...refund, idempotency_key: "nope" }), false, "uuid format is enforced");
    assert.equal(isRefund({ ...refund, amount: { amount_minor: 1.5, currency: "USD" } }), false);
    assert.match(mod["TicketTriageV1Hash"] as string, /^sha256:[0-9a-f]{64}$/);
  });
}
