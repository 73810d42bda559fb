/**
 * `driftProject` with the contracts a compile discovered (`contracts`, what `check`'s drift step passes): the same
 * report as discovering them, and only those contracts are compared (the list is used, not discovered again).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { resolveProject } from "../../src/config/config.js";
import { discoverContracts } from "../../src/discover/discover.js";
import { driftProject } from "../../src/drift/project.js";
import { makeProject } from "../util/project.js";

const V1 = { type: "object", description: "A pair.", properties: { a: { type: "string", description: "The a." } }, required: ["a"], additionalProperties: false };
const V2 = { ...V1, properties: { ...V1.properties, b: { type: "integer" } }, required: ["a", "b"] };
const V2_TEXT = { ...V1, properties: { a: { type: "string", description: "The a, edited." } } };

function project() {
  const dir = makeProject({
    "schemas/alpha/contract.json": { kind: "model-output", compatibility: "backward" },
    "schemas/alpha/v1.json": V1,
    "schemas/alpha/v2.json": V2,
    "schemas/beta/contract.json": { kind: "model-output", compatibility: "backward" },
    "schemas/beta/v1.json": V1,
    "schemas/beta/v2.json": V2_TEXT,
  });
  return resolveProject({ cwd: dir });
}

test("drift › contracts handed in give the report discovering them gives", async () => {
  const p = project();
  const discovered = discoverContracts(p).contracts;
  assert.deepEqual(discovered.map((c) => c.name), ["alpha", "beta"]);
  const own = await driftProject(p);
  assert.equal(own.ok, false, "alpha's v2 requires b: a backward break");
  assert.ok(own.pairs.some((r) => r.contract === "beta" && r.changes.some((c) => c.rule === "annotation-changed")), "beta's description edit is reported");
  assert.deepEqual(await driftProject(p, { contracts: discovered }), own);
  assert.deepEqual(await driftProject(p, { contracts: discovered, only: new Set(["beta"]) }), await driftProject(p, { only: new Set(["beta"]) }));
});

test("drift › only the contracts handed in are compared", async () => {
  const p = project();
  const beta = discoverContracts(p).contracts.filter((c) => c.name === "beta");
  const report = await driftProject(p, { contracts: beta });
  assert.deepEqual(report.pairs.map((r) => r.contract), ["beta"]);
  assert.equal(report.ok, true, "beta's only change is its description");
});
