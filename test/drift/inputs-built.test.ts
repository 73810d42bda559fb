/**
 * Drift's input checks (src/drift/inputs.ts) leave out the meta-schema check of a schema this run's build compiled
 * (its validator offered under the same key, witness/shipped.ts), and only that check.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkInput } from "../../src/drift/inputs.js";
import { offerShipped, validatorKey } from "../../src/drift/witness/shipped.js";
import { InputError } from "../../src/errors.js";
import type { JsonObject } from "../../src/ir/json.js";

const code = (e: unknown): string | undefined => (e instanceof InputError ? e.diagnostic.code : undefined);

async function refusal(schema: JsonObject): Promise<string | undefined> {
  try {
    await checkInput(schema, "2020-12", "a.json", validatorKey(schema, "2020-12"));
    return undefined;
  } catch (e) {
    return code(e) ?? String(e);
  }
}

test("drift inputs › a schema the build compiled is not meta-checked again; any other is", async () => {
  // Not a schema a build would compile (`minLength` must be a number): standing in for one, it shows which check ran.
  const odd: JsonObject = { type: "string", minLength: "three" };
  const fresh: JsonObject = { type: "string", maxLength: "four" };
  try {
    offerShipped([{ schema: odd, draft: "2020-12", validatorCode: "" }], false);
    assert.equal(await refusal(odd), undefined);
    assert.equal(await refusal(fresh), "schema.meta");
    // Offered with custom formats, nothing counts as built.
    offerShipped([{ schema: fresh, draft: "2020-12", validatorCode: "" }], true);
    assert.equal(await refusal(fresh), "schema.meta");
  } finally {
    offerShipped([], true);
  }
});

test("drift inputs › a built schema still has its patterns and in-place cycles checked", async () => {
  const pattern: JsonObject = { type: "string", pattern: "((" };
  const cycle: JsonObject = { $defs: { a: { allOf: [{ $ref: "#/$defs/a" }] } }, $ref: "#/$defs/a" };
  try {
    offerShipped([pattern, cycle].map((schema) => ({ schema, draft: "2020-12" as const, validatorCode: "" })), false);
    assert.equal(await refusal(pattern), "drift.invalid-pattern");
    assert.equal(await refusal(cycle), "drift.infinite-recursion");
  } finally {
    offerShipped([], true);
  }
});
