/**
 * Printed types by shape (src/emit/types/shape-memo.ts): a schema printed under one root name and then under
 * another (the second from the memo) gives byte for byte the direct print each time, on every table case and the
 * golden; a schema whose own text holds the placeholder prefix is printed directly and never memoised; naming
 * refuses unknown or left-over placeholders; the memo is bounded.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import type { Draft, JsonObject } from "../../../src/ir/json.js";
import { emitTypes, printTypes } from "../../../src/emit/types/index.js";
import { normalizeForTypes } from "../../../src/emit/types/normalize.js";
import { named, shapeMemo } from "../../../src/emit/types/shape-memo.js";
import { arrayCases } from "./cases-arrays.js";
import { compositionCases } from "./cases-composition.js";
import { draftCases } from "./cases-drafts.js";
import { hostileCases } from "./cases-hostile.js";
import { literalCases } from "./cases-literals.js";
import { objectCases } from "./cases-objects.js";
import { refCases } from "./cases-refs.js";
import { REPO_ROOT } from "../../util/project.js";

const CASES = [...arrayCases, ...compositionCases, ...draftCases, ...hostileCases, ...literalCases, ...objectCases, ...refCases];

/** The direct print, or the error's message. */
async function direct(schema: JsonObject, draft: Draft, rootName: string): Promise<string> {
  try {
    return await printTypes(normalizeForTypes({ schema, draft, rootName }));
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}

async function viaMemo(schema: JsonObject, draft: Draft, rootName: string): Promise<string> {
  try {
    return await emitTypes({ schema, draft, rootName });
  } catch (error) {
    return `throws: ${(error as Error).message}`;
  }
}

test("shape memo › every table case and the golden, under two root names, print as directly", async () => {
  shapeMemo.clear();
  const golden = JSON.parse(readFileSync(path.join(REPO_ROOT, "test/fixtures/types/ticket-triage.schema.json"), "utf8")) as JsonObject;
  const all = [...CASES.map((c) => ({ name: c.name, schema: c.schema, draft: c.draft })), { name: "golden", schema: golden, draft: "2020-12" as Draft }];
  let printed = 0;
  const sizes: number[] = [];
  for (const root of ["ContractV1", "AnotherContractNameV12"]) {
    for (const c of all) {
      const want = await direct(c.schema, c.draft, root);
      assert.equal(await viaMemo(c.schema, c.draft, root), want, `${c.name} as ${root}`);
      if (!want.startsWith("throws:")) printed++;
    }
    sizes.push(shapeMemo.keys().length);
  }
  assert.ok(printed >= 2 * (all.length - 2), `${printed} of ${2 * all.length}`);
  // Cases of one shape share an entry; the second root name came from the memo but where the name decides the
  // shape (a def named like the root is the root: one case), which is printed anew.
  assert.ok(sizes[0]! >= all.length / 2, `${sizes[0]} entries for ${all.length} cases`);
  assert.ok(sizes[1]! - sizes[0]! <= 1, `${sizes[1]! - sizes[0]!} new shapes under the second root name`);
});

test("shape memo › a schema holding the placeholder prefix is printed directly and not memoised", async () => {
  shapeMemo.clear();
  const schema: JsonObject = {
    type: "object",
    properties: { LlmcShape0Z: { enum: ["LlmcShape1Z", "x"] }, b: { $ref: "#/$defs/LlmcShape2Z" } },
    $defs: { LlmcShape2Z: { type: "string" } },
  };
  for (const root of ["ContractV1", "OtherV2"]) assert.equal(await viaMemo(schema, "2020-12", root), await direct(schema, "2020-12", root));
  assert.equal(shapeMemo.keys().length, 0);
});

test("shape memo › naming: by position; an unknown placeholder or a left-over prefix gives undefined", () => {
  assert.equal(named("export type LlmcShape0Z = LlmcShape1Z[];\nexport type LlmcShape1Z = string;\n", ["A", "B"]), "export type A = B[];\nexport type B = string;\n");
  assert.equal(named("export type LlmcShape2Z = string;\n", ["A", "B"]), undefined);
  assert.equal(named("export type LlmcShape0ZZ = string;\n", ["A"]), undefined, "not a whole placeholder: left over");
  assert.equal(named("export type LlmcShape0Z1 = string;\n", ["A"]), undefined);
});
