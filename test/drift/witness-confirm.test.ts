/**
 * Witnesses are confirmed with the first-failure validator alone (`emitDecider`): it must answer exactly as the
 * shipped module's `validate` does, on values valid and invalid, including objects with own `constructor`.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { emitDecider, emitValidator } from "../../src/emit/validators/index.js";
import { importValidator } from "../../src/emit/validators/load-module.js";
import type { JsonObject, JsonValue } from "../../src/ir/json.js";
import type { RawValidator } from "../../src/runtime/runtime.js";
import { buildEstimateMs, offerShipped, validatorFor } from "../../src/drift/witness/confirm.js";
import { generate } from "../../src/drift/witness/generate.js";
import { DECIDED_CASES } from "./decided-cases.js";

const PROBES: JsonValue[] = [null, 0, 1.5, "", "aaaa", true, [], [1, 1], {}, { kind: "a" }, { constructor: 1 }, { toString: "x", kind: "b" }, { a: "x", b: 1 }];

test("witness confirmation › the decider agrees with the shipped validator on generated and probe values", async () => {
  let compared = 0;
  for (const c of DECIDED_CASES.slice(-24)) {
    for (const schema of [c.before, c.after]) {
      const { $schema: _, ...body } = schema;
      const draft = "2020-12" as const;
      const decide = await validatorFor(body as JsonObject, draft);
      const shipped = await importValidator(emitValidator({ schema: body as JsonObject, draft, strict: false }));
      const values = [...PROBES, ...Array.from({ length: 8 }, (_, variant) => generate(body, draft, body, { variant })).filter((v) => v !== undefined)];
      for (const v of values) {
        assert.equal(decide(v), shipped(v) === true, `${c.name}: ${JSON.stringify(v)}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 500, `values compared: ${compared}`);
});

test("witness confirmation › offered shipped code is used as is, except with custom formats, and withdrawn", async () => {
  // A module that accepts everything stands in for the shipped code: seeing it answer proves the offer was taken.
  const acceptAll = "export function validate() {\n  return true;\n}\n";
  const schema = (tag: string): JsonObject => ({ type: "object", required: ["id"], description: `offer ${tag} ${process.pid}` });
  const draft = "2020-12" as const;
  offerShipped([{ schema: schema("taken"), draft, validatorCode: acceptAll }], false);
  assert.equal(buildEstimateMs(schema("taken"), draft), 0);
  assert.equal((await validatorFor(schema("taken"), draft))({}), true);
  // With custom formats the offer is refused (the shipped code checks them, the decider does not): built as before.
  offerShipped([{ schema: schema("formats"), draft, validatorCode: acceptAll }], true);
  assert.equal((await validatorFor(schema("formats"), draft))({}), false);
  // Withdrawn: a schema offered before is built again, not taken from the old offer.
  offerShipped([{ schema: schema("withdrawn"), draft, validatorCode: acceptAll }], false);
  offerShipped([], true);
  assert.equal((await validatorFor(schema("withdrawn"), draft))({}), false);
  assert.equal((await validatorFor(schema("withdrawn"), draft))({ id: 1 }), true);
});

test("witness confirmation › the decider built with the in-memory options answers as with the shipped ones", async () => {
  let compared = 0;
  for (const c of DECIDED_CASES) {
    for (const schema of [c.before, c.after]) {
      const { $schema: _, ...body } = schema;
      const draft = "2020-12" as const;
      const input = { schema: body as JsonObject, draft, strict: false } as const;
      const build = (inMemory: boolean): Promise<RawValidator> | undefined => {
        try {
          return importValidator(emitDecider({ ...input, inMemory }));
        } catch {
          return undefined;
        }
      };
      const [plain, optimized] = [await build(true), await build(false)];
      // A schema ajv refuses is refused with either option set.
      assert.equal(plain === undefined, optimized === undefined, c.name);
      if (plain === undefined || optimized === undefined) continue;
      const values = [...PROBES, ...Array.from({ length: 8 }, (_, variant) => generate(body, draft, body, { variant })).filter((v) => v !== undefined)];
      for (const v of values) {
        assert.equal(plain(v) === true, optimized(v) === true, `${c.name}: ${JSON.stringify(v)}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 500, `values compared: ${compared}`);
});
