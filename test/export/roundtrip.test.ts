import { test } from "node:test";
import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import { exportVersion, wireSchema } from "../../src/export/export.js";
import { renderProvidersModule, providerNames } from "../../src/emit/providers/module.js";
import { PROFILE_IDS } from "../../src/lint/profiles/index.js";
import { examples, importTs, importValidator, raise, validInstances } from "./helpers.js";

/**
 * Round trip per provider: a value valid under the canonical schema → the form the provider returns under the
 * lowered wire schema (valid there) → the generated normalizer → valid again under the contract's own validator,
 * and equal to where it started.
 */
for (const profile of PROFILE_IDS) {
  test(`round trip › ${profile}: canonical → wire → normalized → canonical for every exportable example`, async () => {
    const compiled = await examples();
    let checked = 0;
    for (const v of compiled.versions) {
      const e = exportVersion(v, profile);
      if (e.fragment === undefined) continue;
      const validate = await importValidator(v.validatorCode);
      const wire = wireSchema(e.fragment);
      const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
      const wireValid = profile === "gemini-openapi" ? undefined : ajv.compile(wire);
      const module = await importTs(renderProvidersModule({ ...v, contract: { ...v.contract, manifest: { ...v.contract.manifest, providers: [profile] } } })!);
      const normalize = module[providerNames(v.contract.name, v.source.version, profile).normalize] as (x: unknown) => unknown;
      for (const value of validInstances(v.contract.name, v.source.version)) {
        const sent = raise(value, e.plan, e.planDefs);
        if (wireValid !== undefined) assert.ok(wireValid(sent), `${v.contract.name}@v${v.source.version} wire: ${JSON.stringify(wireValid.errors)}`);
        const back = normalize(sent);
        assert.ok(validate(back), `${v.contract.name}@v${v.source.version}: normalized value fails the contract`);
        assert.deepEqual(back, value);
        checked++;
      }
    }
    assert.ok(checked > 0, "no example was exportable");
  });
}

test("round trip › openai-strict: a lowered optional property comes back absent, not null", async () => {
  const compiled = await examples();
  const v = compiled.versions.find((x) => x.contract.name === "issue-refund" && x.source.version === 2)!;
  const e = exportVersion(v, "openai-strict");
  assert.deepEqual(e.plan, { p: { note_to_customer: { n: 1 } } });
  const module = await importTs(renderProvidersModule(v)!);
  const normalize = module["normalizeIssueRefundV2OpenaiStrict"] as (x: unknown) => unknown;
  const sent = { order_id: "ord_12345678", amount: { amount_minor: 5, currency: "EUR" }, reason: "duplicate", idempotency_key: "0b9b6f7e-5a0c-4b8e-9a51-3c1b2d3e4f50", note_to_customer: null };
  const back = normalize(sent) as Record<string, unknown>;
  assert.equal(Object.hasOwn(back, "note_to_customer"), false);
  assert.equal((await importValidator(v.validatorCode))(back), true);
  assert.equal((await importValidator(v.validatorCode))(sent), false, "the raw provider value is not canonical");
});
