import { test } from "node:test";
import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import { packagedSchema } from "../../src/config/config.js";

for (const name of ["config.schema.json", "contract.schema.json"] as const) {
  test(`${name} › is a valid 2020-12 schema that compiles in strict mode`, () => {
    const ajv = new Ajv2020({ strict: true });
    const schema = packagedSchema(name);
    assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
    assert.doesNotThrow(() => ajv.compile(schema));
  });
}

test("contract.schema.json › accepts the documented fields and rejects unknown ones", () => {
  const validate = new Ajv2020({ strict: true }).compile(packagedSchema("contract.schema.json"));
  assert.equal(validate({ kind: "model-output", compatibility: "full", description: "x", providers: ["openai-strict"] }), true);
  assert.equal(validate({ kind: "tool-arguments" }), true);
  assert.equal(validate({ kind: "model-output", compat: "full" }), false);
  assert.equal(validate({ kind: "prompt" }), false);
  assert.equal(validate({}), false);
});
