/**
 * Generated validators carry no ajv `message` (src/emit/validators/messages.ts); the runtime renders every message
 * from the keyword and params, including the keywords whose text used to come from ajv.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { emitValidator } from "../../../src/emit/validators/index.js";
import { dropMessages } from "../../../src/emit/validators/messages.js";
import { maskLiterals } from "../../../src/emit/validators/lexer.js";
import type { JsonObject } from "../../../src/ir/json.js";
import { runValidator } from "../../../src/runtime/errors.js";
import type { RawValidator } from "../../../src/runtime/types.js";
import { loadModule } from "../fast/load.js";

test("messages › the generated module has no message member, and schema text that looks like one is kept", async () => {
  const tricky = 'x,message:"}"';
  const schema: JsonObject = { type: "object", properties: { a: { const: tricky }, b: { type: "array", items: { $ref: "#" } } }, required: ["a"] };
  const code = emitValidator({ schema, draft: "2020-12" });
  assert.doesNotMatch(maskLiterals(code), /message:/);
  assert.ok(code.includes(JSON.stringify(tricky).slice(1, -1)), "the const survives");
  const module = await loadModule(code);
  assert.equal(module.validate({ a: tricky }), true);
  assert.equal(module.validate({ a: "y" }), false);
  assert.equal(dropMessages('const e = {keyword:"k",params:{p: f(1, {x: 2})},message:"a "+(b)+"}"};'), 'const e = {keyword:"k",params:{p: f(1, {x: 2})}};');
});

test("messages › every keyword ajv reports gets the runtime's own message", async () => {
  const schema: JsonObject = {
    type: "object",
    properties: {
      list: { type: "array", contains: { const: 1 }, minContains: 2 },
      names: { type: "object", propertyNames: { maxLength: 2 } },
      cond: { if: { const: 1 }, then: false, else: true },
      tuple: { type: "array", prefixItems: [{ type: "string" }], items: false },
    },
    dependentRequired: { a: ["b"] },
  };
  // strict: false for the open 1-tuple (`prefixItems` with `items: false`, no maxItems), which strict mode refuses.
  const module = await loadModule(emitValidator({ schema, draft: "2020-12", strict: false }));
  const r = runValidator(module.validate as unknown as RawValidator, { a: 1, list: [1], names: { long: 1 }, cond: 1, tuple: ["x", 2] }, undefined, module.validateFirst as unknown as RawValidator, module.validateFast);
  assert.equal(r.ok, false);
  if (r.ok) return;
  const messages = r.errors.map((e) => `${e.code} ${e.message}`);
  for (const want of [
    "schema.items /list must contain at least 2 matching item(s)",
    'schema.property_name /names has the property name "long", which the schema does not allow',
    'schema.combinator /cond must match the "then" shape of its if/then/else',
    "schema.items /tuple must have at most 1 items",
    'schema.dependency the document is missing the property "b", which "a" requires',
  ]) assert.ok(messages.includes(want), `${want}\nnot in\n${messages.join("\n")}`);
  for (const m of messages) assert.doesNotMatch(m, /fails the|undefined/, m);
});
