/**
 * A schema too wide for ajv's generator (one nested block per branch of a very long oneOf) exhausts the stack in
 * the compile although no $ref chain is deep: an input error at the file's root that names the longest list
 * (src/load/ref-depth.ts stackExhausted), exit 2 with nothing written, never the RangeError's text or exit 70.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { stackExhausted } from "../../src/load/ref-depth.js";
import { makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

test("too wide › the message names the longest list when it is long, and only then", () => {
  const wide = { type: "object", properties: { a: { enum: Array.from({ length: 700 }, (_, i) => `v${i}`) }, b: { anyOf: [{ type: "string" }, { type: "number" }] } } };
  assert.match(stackExhausted("s.json", wide).message, /its longest list, at #\/properties\/a\/enum, holds 700 entries/);
  const narrow = { type: "object", properties: { a: { type: "string" } } };
  assert.doesNotMatch(stackExhausted("s.json", narrow).message, /longest list/);
  assert.doesNotMatch(stackExhausted("s.json").message, /longest list/);
  assert.equal(stackExhausted("s.json", wide).diagnostic.code, "input.too-deep");
});

test("too wide › a 3,600-branch oneOf is exit 2 naming #/oneOf, nothing written", { timeout: 300_000 }, async () => {
  const branches = Array.from({ length: 3600 }, (_, i) => ({ type: "object", properties: { kind: { const: `k${i}` }, v: { type: "string" } }, required: ["kind"], additionalProperties: false }));
  const dir = makeProject({
    "schemas/big/contract.json": { kind: "model-output" },
    "schemas/big/v1.json": { $schema: "https://json-schema.org/draft/2020-12/schema", title: "Big", oneOf: branches },
  });
  const r = await runCliHere(["build", "--no-cache"], dir);
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /schemas\/big\/v1\.json#: compiling this schema ran out of stack: .*its longest list, at #\/oneOf, holds 3,600 entries.*\[input\.too-deep\]/);
  assert.doesNotMatch(r.stderr, /Maximum call stack|RangeError|internal error/);
  assert.equal(existsSync(path.join(dir, "generated")), false);
});
