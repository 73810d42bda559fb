/**
 * A version that does not compile is not in the compiled result, so a command reading that result must report it
 * rather than go on with the others: `lint` linted the rest and passed ("in 1 contract version(s)" for 2), and
 * `export <contract>` exported the version before it as "the latest". Failing golden examples do not stop either:
 * the version compiled, and neither reads its examples.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { contractFiles, makeProject } from "../util/project.js";
import { runCliHere } from "../util/in-process.js";

const V1 = { type: "object", properties: { id: { type: "string" } }, required: ["id"], additionalProperties: false };
const EMPTY_ENUM = { ...V1, properties: { id: { type: "string" }, kind: { enum: [] } } };
const META = { ...V1, properties: { id: { type: "string", minLength: "three" } } };

for (const [name, v2, line] of [
  ["an empty enum (schema.compile)", EMPTY_ENUM, /^schemas\/c\/v2\.json#\/properties\/kind\/enum: .*\[schema\.compile\]$/m],
  ["a meta-schema violation (schema.meta)", META, /^schemas\/c\/v2\.json(:\d+:\d+)?#\/properties\/id\/minLength: .*\[schema\.meta\]$/m],
] as const) {
  test(`broken version › ${name}: lint and export report it (exit 2) instead of skipping the version`, async () => {
    const dir = makeProject(contractFiles("c", [V1, v2], "tool-arguments"));
    const lint = await runCliHere(["lint"], dir);
    assert.equal(lint.code, 2, lint.stdout + lint.stderr);
    assert.match(lint.stderr, line);
    assert.doesNotMatch(lint.stdout, /contract version\(s\)/);
    const exported = await runCliHere(["export", "c", "--provider", "anthropic"], dir);
    assert.equal(exported.code, 2, exported.stdout + exported.stderr);
    assert.match(exported.stderr, line);
    assert.equal(exported.stdout, "", "nothing exported");
  });
}

test("broken version › failing golden examples do not stop lint or export: the version compiled", async () => {
  const dir = makeProject({ ...contractFiles("c", [V1], "tool-arguments"), "schemas/c/examples/v1/valid/bad.json": { id: 5 } });
  assert.equal((await runCliHere(["build"], dir)).code, 1, "the example fails");
  const lint = await runCliHere(["lint"], dir);
  assert.equal(lint.code, 0, lint.stderr);
  assert.match(lint.stdout, /in 1 contract version\(s\)/);
  const exported = await runCliHere(["export", "c", "--provider", "anthropic"], dir);
  assert.equal(exported.code, 0, exported.stderr);
});
