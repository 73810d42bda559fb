/**
 * A realistic Pydantic-style contract against its golden output. The golden is type-checked together with sample
 * values the validator accepts. Regenerate with `UPDATE_GOLDEN=1 node --test dist/test/emit/types/golden.test.js`
 * and review the diff.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { describe, it } from "node:test";
import type { JsonObject, JsonValue } from "../../../src/ir/json.js";
import { emitTypes } from "../../../src/emit/types/index.js";
import { validator, valuesFile } from "./harness.js";
import { TYPECHECK_MODES, typecheck } from "./typecheck.js";

const fixtures = new URL("../../../../test/fixtures/types/", import.meta.url);
const read = async (name: string): Promise<string> => readFile(new URL(name, fixtures), "utf8");

describe("golden: ticket-triage", () => {
  it("matches the golden file, which type-checks with values the validator accepts", async () => {
    const schema = JSON.parse(await read("ticket-triage.schema.json")) as JsonObject;
    const values = JSON.parse(await read("ticket-triage.values.json")) as JsonValue[];
    const source = await emitTypes({ schema, draft: "2020-12", rootName: "TicketTriageV1" });
    if (process.env["UPDATE_GOLDEN"] === "1") await writeFile(new URL("ticket-triage.expected.ts", fixtures), source);
    assert.equal(source, await read("ticket-triage.expected.ts"));

    const valid = validator("2020-12", schema);
    for (const value of values) assert.ok(valid(value), JSON.stringify(value));
    for (const mode of TYPECHECK_MODES) {
      const files = { "types.ts": source, "values.ts": valuesFile(values, "TicketTriageV1") };
      assert.deepEqual(
        typecheck(files, mode).map((d) => d.text),
        [],
        mode,
      );
    }
  });
});
